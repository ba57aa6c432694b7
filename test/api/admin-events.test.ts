import assert from 'node:assert/strict';
import { describe, type TestContext, test } from 'node:test';
import { adminRouter } from '../../server/admin/admin-router.js';
import { isLoopbackAddress } from '../../server/admin/loopback-only.js';
import { createCollector } from '../../server/index.js';
import { createLogger } from '../../server/logger.js';
import { lanAddresses } from '../../server/net/lan-addresses.js';
import { startTestCollector } from '../support/collector.js';
import { openStream, type SseMessage } from '../support/event-stream.js';
import { postJson, request } from '../support/http.js';
import { startOk, track } from '../support/rage.js';
import { tempDir } from '../support/temp-dir.js';

async function collectorFor(t: TestContext, options: Parameters<typeof startTestCollector>[0] = {}) {
  const collector = await startTestCollector(options);
  t.after(() => collector.close());
  return collector;
}

function statements(actor: unknown, n: number) {
  return Array.from({ length: n }, (_, i) => ({
    actor,
    verb: { id: 'http://adlnet.gov/expapi/verbs/progressed' },
    object: { id: `http://aula.test/level/${i}`, definition: { type: 'https://w3id.org/xapi/seriousgames/activity-types/level' } },
    timestamp: new Date().toISOString(),
  }));
}

const changesOf = (messages: SseMessage[]) => messages.filter((m) => m.event === 'changes');

/** A collector with one activity, and a dashboard tab's stream on it that has had its hello. */
async function activityWithStream(t: TestContext, name: string) {
  const collector = await collectorFor(t);
  const { activity } = (await postJson(`${collector.url}/admin/api/activities`, { name })).json as {
    activity: { id: string; trackingCode: string };
  };
  const stream = await openStream(`${collector.url}/admin/api/events`);
  t.after(stream.close);
  await stream.until((m) => m.length > 0);
  return { collector, activity, stream };
}

describe('admin event stream', () => {
  test('a tab sees hello, then the session start and the stored statements of its activity', { timeout: 20_000 }, async (t) => {
    const { collector, activity, stream } = await activityWithStream(t, 'Live class');
    assert.equal(stream.messages[0]?.event, 'hello');
    assert.match(stream.messages[0]?.id ?? '', /^[0-9a-f]+-\d+$/);

    const start = await startOk(collector.url, activity.trackingCode);
    assert.equal((await track(collector.url, start.authToken, statements(start.actor, 3))).status, 200);
    const seen = await stream.until((m) => changesOf(m).reduce((sum, c) => sum + (c.data.statements as number), 0) >= 3);
    const changes = changesOf(seen);
    assert.ok(changes.some((c) => (c.data.sessionsStarted as number) === 1));
    assert.ok(changes.every((c) => typeof c.id === 'string'));
    const merged = changes.flatMap((c) => c.data.sessions as number[]);
    assert.equal(new Set(merged).size, 1, 'one session is named');
    assert.equal(changes.reduce((sum, c) => sum + ((c.data.activities as Record<string, number>)[activity.id] ?? 0), 0), 3);
  });

  test("the results a batch led to are announced once they are written, after the batch's own change", { timeout: 20_000 }, async (t) => {
    const { collector, activity, stream } = await activityWithStream(t, 'Results class');
    const start = await startOk(collector.url, activity.trackingCode);
    const completed = {
      actor: start.actor,
      verb: { id: 'http://adlnet.gov/expapi/verbs/completed' },
      object: { id: 'http://aula.test/level/final', definition: { type: 'https://w3id.org/xapi/seriousgames/activity-types/level' } },
      result: { success: true, score: { raw: 7 } },
      timestamp: new Date().toISOString(),
    };
    assert.equal((await track(collector.url, start.authToken, [completed])).status, 200);
    const seen = await stream.until((m) => changesOf(m).some((c) => ((c.data.results as string[] | undefined) ?? []).includes(activity.id)));
    const changes = changesOf(seen);
    const stored = changes.findIndex((c) => ((c.data.activities as Record<string, number>)[activity.id] ?? 0) > 0);
    const written = changes.findIndex((c) => ((c.data.results as string[] | undefined) ?? []).includes(activity.id));
    assert.ok(stored >= 0 && written > stored, 'the statements first, their results after');
    const results = await request(`${collector.url}/admin/api/activities/${activity.id}/results`);
    assert.equal(results.status, 200, results.text);
    assert.match(results.text, /level\/final/, 'what the event announced can be read');
  });

  test('a burst of batches from many games arrives as a few merged events with the same total', { timeout: 30_000 }, async (t) => {
    const collector = await collectorFor(t);
    const { activity } = (await postJson(`${collector.url}/admin/api/activities`, { name: 'Burst' })).json as {
      activity: { id: string; trackingCode: string };
    };
    const games = await Promise.all(Array.from({ length: 20 }, () => startOk(collector.url, activity.trackingCode)));
    const stream = await openStream(`${collector.url}/admin/api/events`);
    t.after(stream.close);
    await stream.until((m) => m.length > 0);
    const before = changesOf(stream.messages).length;
    const rounds = 5;
    for (let round = 0; round < rounds; round++) {
      const answers = await Promise.all(games.map((game) => track(collector.url, game.authToken, statements(game.actor, 4))));
      assert.ok(answers.every((a) => a.status === 200));
    }
    const total = games.length * rounds * 4;
    const seen = await stream.until((m) => changesOf(m).reduce((sum, c) => sum + (c.data.statements as number), 0) >= total);
    const events = changesOf(seen).length - before;
    assert.equal(changesOf(seen).reduce((sum, c) => sum + (c.data.statements as number), 0), total);
    assert.ok(events < games.length * rounds, `${games.length * rounds} requests became ${events} events`);
  });

  test('a tab that reconnects with Last-Event-ID gets what it missed; an unknown id gets a reset', { timeout: 20_000 }, async (t) => {
    const collector = await collectorFor(t);
    const { activity } = (await postJson(`${collector.url}/admin/api/activities`, { name: 'Reconnect' })).json as {
      activity: { trackingCode: string };
    };
    const first = await openStream(`${collector.url}/admin/api/events`);
    await first.until((m) => m.length > 0);
    const lastSeen = first.messages[0]?.id as string;
    const start = await startOk(collector.url, activity.trackingCode);
    await track(collector.url, start.authToken, statements(start.actor, 2));
    // The tab saw the changes go out; reconnecting from before them must bring them again.
    await first.until((m) => changesOf(m).reduce((sum, c) => sum + (c.data.statements as number), 0) >= 2);
    first.close();
    const missed = await openStream(`${collector.url}/admin/api/events`, { 'Last-Event-ID': lastSeen });
    t.after(missed.close);
    const replayed = await missed.until((m) => changesOf(m).reduce((sum, c) => sum + (c.data.statements as number), 0) >= 2);
    assert.deepEqual(
      changesOf(replayed).map((m) => m.id),
      changesOf(first.messages).map((m) => m.id),
      'the same events, with the same ids',
    );
    assert.equal(replayed[0]?.event, 'hello');
    assert.equal(replayed.filter((m) => m.event === 'reset').length, 0);

    const stranger = await openStream(`${collector.url}/admin/api/events`, { 'Last-Event-ID': 'deadbeef-7' });
    t.after(stranger.close);
    const reset = await stranger.until((m) => m.some((x) => x.event === 'reset'));
    assert.deepEqual(reset.find((m) => m.event === 'reset')?.data, { reason: 'unknown-event-id' });
  });

  test('an idle stream carries heartbeats', { timeout: 20_000 }, async (t) => {
    const collector = await collectorFor(t, {
      mounts: (ctx) => [{ path: '/fast-admin/api', router: adminRouter(ctx, { sse: { heartbeatMs: 50 } }) }],
    });
    const stream = await openStream(`${collector.url}/fast-admin/api/events`);
    t.after(stream.close);
    const seen = await stream.until((m) => m.filter((x) => x.event === 'heartbeat').length >= 2);
    assert.match(String(seen.find((m) => m.event === 'heartbeat')?.data.serverTime), /^\d{4}-\d\d-\d\dT/);
  });

  test('stopping the collector ends open streams instead of waiting for them', { timeout: 20_000 }, async () => {
    const collector = await startTestCollector();
    const stream = await openStream(`${collector.url}/admin/api/events`);
    await stream.until((m) => m.length > 0);
    await collector.close();
    stream.close();
  });

  test('the dashboard API refuses other machines with 403 in the admin error shape', { timeout: 20_000 }, async (t) => {
    assert.equal(isLoopbackAddress('127.0.0.1'), true);
    assert.equal(isLoopbackAddress('::ffff:127.0.0.1'), true);
    assert.equal(isLoopbackAddress('::1'), true);
    assert.equal(isLoopbackAddress('192.168.1.20'), false);
    assert.equal(isLoopbackAddress('::ffff:10.0.0.7'), false);
    assert.equal(isLoopbackAddress(undefined), false);
    const lan = lanAddresses()[0];
    if (!lan) return t.skip('this machine has no LAN address to call from');
    const collector = await createCollector(
      { dataDir: tempDir(), host: '0.0.0.0', port: 0, homePage: 'http://aula.test/', logLevel: 'silent' },
      { logger: createLogger('silent', { pretty: false }) },
    );
    t.after(() => collector.close());
    for (const path of ['/admin/api/overview', '/admin/api/events']) {
      const refused = await request(`http://${lan}:${collector.port}${path}`);
      assert.equal(refused.status, 403);
      assert.deepEqual((refused.json as { error: { reason: string } }).error.reason, 'loopback-only');
    }
    const created = await postJson(`http://${lan}:${collector.port}/admin/api/activities`, { name: 'From afar' });
    assert.equal(created.status, 403);
    assert.deepEqual((await request(`http://127.0.0.1:${collector.port}/admin/api/activities`)).json, { activities: [] });
  });
});
