import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { Collector } from '../../server/index.js';
import { activeXapiCredential } from '../../server/store/xapi-credentials-repo.js';
import { statement, type XapiEndpoint, xapiEndpoint } from '../api/xapi-support.js';
import { startTestCollector } from '../support/collector.js';
import { request, type TextResponse } from '../support/http.js';
import { type StartAnswer, startOk, track } from '../support/rage.js';
import { tempDir } from '../support/temp-dir.js';

// A classroom laptop's clock moves: a teacher sets it by hand, Windows or NTP corrects it by minutes or hours once a
// network is there, the laptop sleeps between lessons. Each test moves the collector's injected wall clock.

type Json = Record<string, unknown>;
const HOUR_MS = 60 * 60_000;
const DAY_MS = 24 * HOUR_MS;

/** A RAGE batch of two statements whose object ids carry `tag`. */
function rageBatch(game: StartAnswer, tag: string): unknown[] {
  return [0, 1].map((n) => ({
    actor: game.actor,
    verb: { id: 'http://adlnet.gov/expapi/verbs/interacted' },
    object: { id: `${game.objectId}/item/${tag}-${n}`, definition: { type: 'https://w3id.org/xapi/seriousgames/activity-types/item' } },
    timestamp: new Date().toISOString(),
  }));
}

async function sendRage(collector: Collector, game: StartAnswer, tag: string): Promise<void> {
  const answer = await track(collector.url, game.authToken, rageBatch(game, tag));
  assert.equal(answer.status, 200, answer.text);
}

async function sendXapi(xapi: XapiEndpoint, tag: string): Promise<void> {
  const object = { objectType: 'Activity', id: `http://example.com/game/${tag}` };
  const answer = await xapi.call('statements', { method: 'POST', body: JSON.stringify([statement({ object })]) });
  assert.equal(answer.status, 200, answer.text);
}

/** Every statement an xAPI client is served, oldest first, following `more`. */
async function readAll(call: (path: string) => Promise<TextResponse>, query = ''): Promise<{ statements: Json[]; through: string }> {
  let answer = await call(`statements?ascending=true${query}`);
  const through = String(answer.headers.get('x-experience-api-consistent-through'));
  const statements: Json[] = [];
  for (;;) {
    assert.equal(answer.status, 200, answer.text);
    const page = answer.json as { statements: Json[]; more: string };
    statements.push(...page.statements);
    if (!page.more) return { statements, through };
    answer = await call(page.more.replace(/^\/xapi\//, ''));
  }
}

const objectIdOf = (s: Json) => String((s.object as Json).id);

function assertStoredNeverGoesBack(statements: Json[]): void {
  const stored = statements.map((s) => String(s.stored));
  for (let i = 1; i < stored.length; i++) {
    assert.ok(stored[i - 1]! <= stored[i]!, `stored went back in storage order: ${stored[i - 1]} then ${stored[i]} (${objectIdOf(statements[i]!)})`);
  }
}

describe('stored, when the clock is set back', () => {
  it('stays in storage order for RAGE and xAPI statements, and an xAPI client reading with since gets every one', async () => {
    let offset = 0;
    const collector = await startTestCollector({ now: () => Date.now() + offset });
    const xapi = xapiEndpoint(collector, 'Clock lab');
    const game = await startOk(collector.url, xapi.trackingCode);
    await sendRage(collector, game, 'rage-before');
    await sendXapi(xapi, 'xapi-before');
    // What a syncing client keeps: the Consistent-Through of its last read, the `since` of its next one.
    const first = await readAll((p) => xapi.call(p));
    assert.equal(first.statements.length, 3);

    // A teacher notices the laptop is an hour fast and sets it right; the games carry on.
    offset = -HOUR_MS;
    await sendRage(collector, game, 'rage-after');
    await sendXapi(xapi, 'xapi-after');

    const next = await readAll((p) => xapi.call(p), `&since=${encodeURIComponent(first.through)}`);
    assert.deepEqual(
      next.statements.map(objectIdOf).map((id) => id.replace(/^.*\//, '')),
      ['rage-after-0', 'rage-after-1', 'xapi-after'],
      'the statements stored after the clock went back are newer than what the client was told it had',
    );
    const all = await readAll((p) => xapi.call(p));
    assertStoredNeverGoesBack(all.statements);
    await collector.close();
  });

  it('a statement stored in the same millisecond as the Consistent-Through a client was given is not missed', async () => {
    // Both clocks held still: every request falls in one millisecond, as a burst of them does on a fast laptop.
    const frozen = Date.now();
    const collector = await startTestCollector({ now: () => frozen, monotonic: () => 0 });
    const xapi = xapiEndpoint(collector, 'Clock lab');
    await sendXapi(xapi, 'xapi-before');
    const first = await readAll((p) => xapi.call(p));
    await sendXapi(xapi, 'xapi-after');
    const next = await readAll((p) => xapi.call(p), `&since=${encodeURIComponent(first.through)}`);
    assert.ok(next.statements.some((s) => objectIdOf(s).endsWith('/xapi-after')), `since=${first.through} missed the statement stored after it`);
    await collector.close();
  });

  it('also across a restart: Aula closed, the clock set back, Aula started again', async () => {
    const dataDir = tempDir();
    const before = await startTestCollector({ dataDir, now: () => Date.now() + HOUR_MS });
    const xapi = xapiEndpoint(before, 'Clock lab');
    const game = await startOk(before.url, xapi.trackingCode);
    await sendRage(before, game, 'rage-before');
    const credential = activeXapiCredential(before.context.db, xapi.activityId);
    await before.close();

    const after = await startTestCollector({ dataDir, now: () => Date.now() });
    const resumed = await startOk(after.url, xapi.trackingCode);
    await sendRage(after, resumed, 'rage-after');
    await sendXapi({ ...xapi, call: callOn(after, credential) }, 'xapi-after');
    const all = await readAll(callOn(after, credential));
    assert.equal(all.statements.length, 5);
    assertStoredNeverGoesBack(all.statements);
  });
});

/** GET/POST /xapi/… on `collector` with an activity's credentials (an endpoint made on another run of it). */
function callOn(collector: Collector, credential: { key: string; secret: string } | undefined) {
  assert.ok(credential);
  const auth = `Basic ${Buffer.from(`${credential.key}:${credential.secret}`).toString('base64')}`;
  return (p: string, init: RequestInit = {}) =>
    request(`${collector.url}/xapi/${p}`, {
      ...init,
      headers: { Authorization: auth, 'X-Experience-API-Version': '1.0.3', ...(typeof init.body === 'string' ? { 'Content-Type': 'application/json' } : {}) },
    });
}

/** Another laptop's day, with its clock `offsetMs` off, in the zip bundle its Data → Export gives. */
async function otherLaptopBundle(offsetMs: number, name: string): Promise<{ bundle: string; activityId: string; exported: Map<string, Json> }> {
  const laptop = await startTestCollector({ homePage: 'http://laptop-b.test/', now: () => Date.now() + offsetMs });
  const xapi = xapiEndpoint(laptop, name);
  const game = await startOk(laptop.url, xapi.trackingCode);
  await sendRage(laptop, game, `${name}-rage`);
  await sendXapi(xapi, `${name}-xapi`);
  const bundle = path.join(tempDir(), `${name}.zip`);
  fs.writeFileSync(bundle, Buffer.from(await (await fetch(`${laptop.url}/admin/api/data/export?format=zip`)).arrayBuffer()));
  const exported = await exportedStatements(laptop);
  await laptop.close();
  return { bundle, activityId: xapi.activityId, exported };
}

/** What Data → Export gives as JSON lines, by statement id. */
async function exportedStatements(collector: Collector): Promise<Map<string, Json>> {
  const text = await (await fetch(`${collector.url}/admin/api/data/export?format=ndjson`)).text();
  const statements = text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Json);
  return new Map(statements.map((s) => [String(s.id), s]));
}

async function importInto(collector: Collector, bundle: string): Promise<{ added: { statements: number } }> {
  const answer = await request(`${collector.url}/admin/api/data/import`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/zip' },
    body: fs.readFileSync(bundle),
  });
  assert.equal(answer.status, 200, answer.text);
  return (answer.json as { report: { added: { statements: number } } }).report;
}

describe("statements imported from another laptop's bundle", () => {
  it("from a laptop whose clock was a day ahead: statements stored here afterwards keep this laptop's time", async () => {
    const ahead = await otherLaptopBundle(DAY_MS, 'ahead');
    const laptop = await startTestCollector();
    const xapi = xapiEndpoint(laptop, 'Here');
    await importInto(laptop, ahead.bundle);
    const game = await startOk(laptop.url, xapi.trackingCode);
    const sent = Date.now();
    await sendXapi(xapi, 'xapi-here');
    await sendRage(laptop, game, 'rage-here');
    const here = await readAll((p) => xapi.call(p));
    assert.equal(here.statements.length, 3);
    for (const s of here.statements) {
      const stored = Date.parse(String(s.stored));
      assert.ok(Math.abs(stored - sent) < 60_000, `${objectIdOf(s)} stored ${s.stored}, a day ahead like the bundle's`);
    }
    await laptop.close();
  });

  it("from a laptop whose clock was a day behind: a client reading with since gets them, and they leave this laptop with that laptop's stored", async () => {
    const behind = await otherLaptopBundle(-DAY_MS, 'behind');
    const laptop = await startTestCollector();
    xapiEndpoint(laptop, 'Here');
    const credential = () => activeXapiCredential(laptop.context.db, behind.activityId);
    // A client syncing this laptop has read everything stored until now.
    const beforeImport = new Date().toISOString();

    assert.equal((await importInto(laptop, behind.bundle)).added.statements, 3);
    const since = await readAll(callOn(laptop, credential()), `&since=${encodeURIComponent(beforeImport)}`);
    assert.equal(since.statements.length, 3, 'statements imported after the client last read are new to it');
    for (const s of since.statements) assert.ok(String(s.stored) > beforeImport, `served with the time it was stored here, not ${s.stored}`);

    // Exports and uploads carry the collecting laptop's stored: the same JSON wherever the statement leaves from.
    const exported = await exportedStatements(laptop);
    for (const [id, original] of behind.exported) assert.deepEqual(exported.get(id), original, id);

    // Imported again: nothing is added, and nothing moves in a client's `since`.
    assert.equal((await importInto(laptop, behind.bundle)).added.statements, 0);
    const again = await readAll(callOn(laptop, credential()));
    assert.deepEqual(
      again.statements.map((s) => s.stored),
      since.statements.map((s) => s.stored),
    );
    await laptop.close();
  });
});
