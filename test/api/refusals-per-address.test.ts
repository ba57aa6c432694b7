import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { DiagnosticGroup, Diagnostics, SessionRow } from '../../server/admin/api-types.js';
import type { Collector } from '../../server/index.js';
import { REFUSALS_KEPT_PER_ADDRESS } from '../../server/store/rejections-repo.js';
import { activeXapiCredential } from '../../server/store/xapi-credentials-repo.js';
import { startTestCollector } from '../support/collector.js';
import { makeActivity } from '../support/fixtures.js';
import { postJsonFrom, requestFrom } from '../support/from-address.js';
import { request } from '../support/http.js';
import type { StartAnswer } from '../support/rage.js';
import { statementS } from '../support/rage.js';

/**
 * Security review: every distinct refused request was a stored row with a sample of up to 2 KB, so one device on the
 * classroom's Wi-Fi sending endless distinct bad requests filled the laptop's disk, and then the real games' statements
 * were refused. Each address now keeps at most REFUSALS_KEPT_PER_ADDRESS refusals, its newest.
 */
describe('refused requests kept per device', () => {
  let collector: Collector;
  const classroomGame = '127.0.0.3';
  const prankster = '127.0.0.2';

  before(async () => {
    collector = await startTestCollector({ config: { mdns: false } });
  });
  after(() => collector?.close());

  async function rowsFrom(address: string): Promise<number> {
    await collector.context.ingest.idle();
    return (collector.context.db.prepare('SELECT count(*) AS n FROM rejected_requests WHERE address = ?').get(address) as { n: number }).n;
  }

  async function read<T>(path: string): Promise<T> {
    await collector.context.ingest.idle();
    const answer = await request(`${collector.url}/admin/api/${path}`);
    assert.equal(answer.status, 200);
    return answer.json as T;
  }

  const groupOf = (diagnostics: Diagnostics, kind: DiagnosticGroup['kind']) => diagnostics.groups.find((group) => group.kind === kind);
  const random = () => randomBytes(9).toString('base64url');

  test("a device sending endless distinct bad requests keeps only its newest refusals, and no one else's goes", async () => {
    const activity = makeActivity(collector.context.db, { name: 'Fractions' });
    // A real classroom's problems, from another device, first: the oldest rows of the table.
    const started = await postJsonFrom(classroomGame, collector.port, `/api/collector/start/${activity.trackingCode}`, {});
    assert.equal(started.status, 200);
    const game = JSON.parse(started.text) as StartAnswer;
    const broken = [{ ...statementS(game.actor), verb: 'not-a-verb' }];
    for (let flush = 0; flush < 3; flush++) {
      assert.equal((await postJsonFrom(classroomGame, collector.port, '/api/collector/track', broken, { Authorization: game.authToken })).status, 400);
    }
    const typo = `${activity.trackingCode}x`;
    assert.equal((await postJsonFrom(classroomGame, collector.port, `/api/collector/start/${typo}`, {})).status, 404);
    assert.equal(await rowsFrom(classroomGame), 2);

    // The prank: tracks with invented authTokens and bodies, posts to invented paths ending like an xAPI game's, starts
    // with invented codes. Each is distinct, so none merges with another.
    const sent = REFUSALS_KEPT_PER_ADDRESS * 2 + 7;
    const codes: string[] = [];
    let lastPath = '';
    for (let i = 0; i < sent; i++) {
      if (i % 3 === 0) {
        const answer = await postJsonFrom(prankster, collector.port, '/api/collector/track', [{ junk: random().repeat(100) }], { Authorization: random() });
        assert.equal(answer.status, 401);
      } else if (i % 3 === 1) {
        lastPath = `/${random()}/statements`;
        assert.equal((await postJsonFrom(prankster, collector.port, lastPath, { junk: random() })).status, 404);
      } else {
        codes.push(random().toLowerCase());
        assert.equal((await requestFrom(prankster, collector.port, { method: 'POST', path: `/api/collector/start/${codes.at(-1)}` })).status, 404);
      }
    }

    assert.equal(await rowsFrom(prankster), REFUSALS_KEPT_PER_ADDRESS, 'the device keeps a bounded number of refusals');
    assert.equal(await rowsFrom(classroomGame), 2, "another device's refusals are untouched");
    const oldest = collector.context.db.prepare('SELECT count(*) AS n FROM rejected_requests WHERE sample = ?').get(codes[0]) as { n: number };
    assert.equal(oldest.n, 0, "the device's oldest refusals made way for its newest");

    // Diagnostics still list the device's newest problems, and the classroom game's refused batch as it was.
    const diagnostics = await read<Diagnostics>('diagnostics');
    const unknownCodes = groupOf(diagnostics, 'unknown-code')?.items ?? [];
    assert.ok(
      unknownCodes.some((item) => item.detail === codes.at(-1) && item.address === prankster),
      'its newest unknown code is listed',
    );
    assert.ok(groupOf(diagnostics, 'other')?.items.some((item) => item.detail === `POST ${lastPath}` && item.address === prankster));
    const invalid = groupOf(diagnostics, 'invalid-track')?.items.find((item) => item.address === classroomGame);
    assert.equal(invalid?.count, 3);

    // Live still counts the classroom game's refused batch.
    const { sessions } = await read<{ sessions: SessionRow[] }>(`activities/${activity.id}/sessions`);
    assert.equal(sessions.length, 1);
    assert.equal(sessions[0]?.refused, 3);
  });

  test("a refusal sent again does not push out the device's others", async () => {
    const code = random().toLowerCase();
    const startWith = () => requestFrom(prankster, collector.port, { method: 'POST', path: `/api/collector/start/${code}` });
    assert.equal((await startWith()).status, 404);
    const others = async () => {
      await collector.context.ingest.idle();
      return collector.context.db.prepare('SELECT id FROM rejected_requests WHERE address = ? AND sample IS NOT ? ORDER BY id').all(prankster, code);
    };
    const kept = await others();
    for (let again = 0; again < 4; again++) assert.equal((await startWith()).status, 404);
    assert.deepEqual(await others(), kept);
    assert.equal(await rowsFrom(prankster), REFUSALS_KEPT_PER_ADDRESS);
    const item = groupOf(await read<Diagnostics>('diagnostics'), 'unknown-code')?.items.find((listed) => listed.detail === code);
    assert.equal(item?.count, 5);
  });
  test("an xAPI refusal naming a key of its own making is kept with its message cut short, the client told all of it", async () => {
    const activity = makeActivity(collector.context.db, { name: 'Long keys' });
    const credential = activeXapiCredential(collector.context.db, activity.id);
    assert.ok(credential);
    const key = 'k'.repeat(200_000);
    const statement = {
      actor: { mbox: 'mailto:ana@example.org' },
      verb: { id: 'http://adlnet.gov/expapi/verbs/experienced' },
      object: { id: 'http://example.org/activity' },
      [key]: 1,
    };
    // What the dashboard's live stream gets (sse-hub.ts keeps its last events for tabs that reconnect).
    const live: string[] = [];
    collector.context.bus.on('request.rejected', (event) => live.push(event.message));
    const answer = await postJsonFrom('127.0.0.4', collector.port, '/xapi/statements', statement, {
      Authorization: `Basic ${Buffer.from(`${credential.key}:${credential.secret}`).toString('base64')}`,
      'X-Experience-API-Version': '1.0.3',
    });
    assert.equal(answer.status, 400);
    assert.ok(answer.text.includes(key), 'the client reads the whole message, as before');
    await collector.context.ingest.idle();
    const stored = collector.context.db.prepare("SELECT message FROM rejected_requests WHERE address = '127.0.0.4'").all() as { message: string }[];
    assert.equal(stored.length, 1);
    assert.ok((stored[0]?.message.length ?? 0) <= 500, `stored ${stored[0]?.message.length} characters`);
    const listed = (await read<Diagnostics>('diagnostics')).groups.flatMap((group) => group.items).find((item) => item.address === '127.0.0.4');
    assert.match(listed?.detail ?? "", /^Statement 0 is invalid: \/kkkk+…$/);
    assert.deepEqual(live, [stored[0]?.message], 'the live event carries the message as kept, not its megabytes');
  });

  test('a message or sample cut short never ends in half an emoji', async () => {
    // Cut by UTF-16 units, an emoji across the cut kept its first half alone, which SQLite's UTF-8 stores as U+FFFD:
    // Diagnostics showed the message or the sample ending in "�".
    const activity = makeActivity(collector.context.db, { name: 'Emoji' });
    const credential = activeXapiCredential(collector.context.db, activity.id);
    assert.ok(credential);
    // A device per lead: the same refusal again from one device is one line, with its newest sample.
    const devices = ['127.0.0.5', '127.0.0.6'];
    const xapiHeaders = {
      Authorization: `Basic ${Buffer.from(`${credential.key}:${credential.secret}`).toString('base64')}`,
      'X-Experience-API-Version': '1.0.3',
    };
    // One of the two leads puts an emoji across each cut, whatever comes before the emoji.
    for (const [index, lead] of ['', 'k'].entries()) {
      const device = devices[index] as string;
      const statement = {
        actor: { mbox: 'mailto:ana@example.org' },
        verb: { id: 'http://adlnet.gov/expapi/verbs/experienced' },
        object: { id: 'http://example.org/activity' },
        [`${lead}${'😀'.repeat(400)}`]: 1,
      };
      assert.equal((await postJsonFrom(device, collector.port, '/xapi/statements', statement, xapiHeaders)).status, 400);
      const started = await postJsonFrom(device, collector.port, `/api/collector/start/${activity.trackingCode}`, {});
      const game = JSON.parse(started.text) as StartAnswer;
      const batch = [{ ...statementS(game.actor), verb: 'not-a-verb', result: { response: `${lead}${'😀'.repeat(1200)}` } }];
      assert.equal((await postJsonFrom(device, collector.port, '/api/collector/track', batch, { Authorization: game.authToken })).status, 400);
    }
    const items = (await read<Diagnostics>('diagnostics')).groups.flatMap((group) => group.items).filter((item) => devices.includes(item.address ?? ''));
    const messages = items.map((item) => item.detail).filter((detail) => detail.startsWith('Statement 0 is invalid: /'));
    assert.equal(messages.length, 2);
    for (const message of messages) assert.ok(message.endsWith('😀…'), `the message ends in ${JSON.stringify(message.slice(-3))}`);
    const samples = items.flatMap((item) => (item.sample?.includes('😀') ? [item.sample] : []));
    assert.equal(samples.length, 2);
    for (const sample of samples) assert.ok(sample.endsWith('😀'), `the sample ends in ${JSON.stringify(sample.slice(-3))}`);
  });
});
