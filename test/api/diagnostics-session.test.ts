import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Diagnostics, SessionRow } from '../../server/admin/api-types.js';
import { SESSION_REFUSALS_LISTED } from '../../server/diagnostics/read-session-refusals.js';
import type { Collector } from '../../server/index.js';
import { insertRejection } from '../../server/store/rejections-repo.js';
import { classWith, loggedInHeaders } from '../support/class-logins.js';
import { startTestCollector } from '../support/collector.js';
import { makeActivity } from '../support/fixtures.js';
import { postJson, request } from '../support/http.js';
import { type StartAnswer, startOk, statementS, track } from '../support/rage.js';

const HOUR = 60 * 60_000;
/** The laptop's clock as the collector reads it: real time plus this. */
let offset = 0;

/** A batch refused as invalid: its second statement has a score with no raw. */
function batchWithoutRaw(game: StartAnswer, tag: string): unknown[] {
  const statement = { ...statementS(game.actor), id: undefined };
  return [statement, { ...statement, result: { score: { min: 0 }, extensions: { tag } } }];
}

// Live's "N batches refused" on a student's row leads to Diagnostics, which lists only the last hour's refusals and
// hides those marked as handled: the student's line could be missing. `?session=<id>` lists that session's own.
describe('GET /admin/api/diagnostics?session=<id>: the refusals of the session Live counts', () => {
  let collector: Collector;

  before(async () => {
    collector = await startTestCollector({ now: () => Date.now() + offset, config: { mdns: false } });
  });
  after(() => collector?.close());

  async function refuse(game: StartAnswer, tag: string): Promise<void> {
    const answer = await track(collector.url, game.authToken, batchWithoutRaw(game, tag));
    assert.equal(answer.status, 400, answer.text);
  }

  async function diagnostics(query = ''): Promise<Diagnostics> {
    await collector.context.ingest.idle();
    const answer = await request(`${collector.url}/admin/api/diagnostics${query}`);
    assert.equal(answer.status, 200, answer.text);
    return answer.json as Diagnostics;
  }

  async function liveSessions(activityId: string): Promise<SessionRow[]> {
    const answer = await request(`${collector.url}/admin/api/activities/${activityId}/sessions`);
    assert.equal(answer.status, 200, answer.text);
    return (answer.json as { sessions: SessionRow[] }).sessions;
  }

  test('a refusal over an hour old and one marked as handled: gone from the whole screen, listed for their session, as Live counts them', async () => {
    const classId = await classWith(collector.url, '2A', ['ana']);
    const fractions = makeActivity(collector.context.db, { name: 'Fractions 2A', classId });
    const ana = await startOk(collector.url, fractions.trackingCode, { headers: await loggedInHeaders(collector.url, 'ana') });
    const anonymous = await startOk(collector.url, fractions.trackingCode);
    await refuse(ana, 'first');
    await refuse(ana, 'first'); // re-sent: the same line, counted twice
    offset += 2 * HOUR;
    await refuse(anonymous, 'other game');
    await collector.context.ingest.idle();
    assert.equal((await postJson(`${collector.url}/admin/api/diagnostics/clear`, { kind: 'invalid-track' })).status, 200);

    // The whole screen: Ana's refusals are over an hour old, the other game's marked as handled.
    assert.deepEqual((await diagnostics()).groups, []);

    const live = await liveSessions(fractions.id);
    const anasRow = live.find((session) => session.player.username === 'ana');
    const anonymousRow = live.find((session) => session.player.kind === 'anonymous');
    assert.equal(anasRow?.refused, 2);
    assert.equal(anonymousRow?.refused, 1);

    const anas = await diagnostics(`?session=${anasRow?.id}`);
    assert.deepEqual(anas.session, { id: anasRow?.id, number: 1, player: 'ana', activity: 'Fractions 2A', refused: 2, unlisted: 0, listedAtMost: 500 });
    assert.deepEqual(
      anas.groups.map((group) => ({ kind: group.kind, count: group.count, more: group.more })),
      [{ kind: 'invalid-track', count: 2, more: 0 }],
    );
    const [line] = anas.groups[0]?.items ?? [];
    assert.match(line?.detail ?? '', /^Statement .*score\.raw/);
    assert.match(line?.sample ?? '', /"first"/);
    assert.equal(line?.count, 2);
    assert.deepEqual(line?.who, { name: 'ana', session: 1, classes: null });
    // No silent or busy games: this is the session's refusals, and only its own.
    const theOther = await diagnostics(`?session=${anonymousRow?.id}`);
    assert.equal(theOther.session?.player, anonymous.playerAnimalName);
    assert.deepEqual(
      theOther.groups.flatMap((group) => group.items.map((item) => [group.kind, item.who?.name, item.count])),
      [['invalid-track', anonymous.playerAnimalName, 1]],
    );
  });

  test('a session with no refusal: an empty list, counted 0 as Live does', async () => {
    const activity = makeActivity(collector.context.db, { name: 'Quiet' });
    await startOk(collector.url, activity.trackingCode);
    const [row] = await liveSessions(activity.id);
    const quiet = await diagnostics(`?session=${row?.id}`);
    assert.deepEqual(quiet.groups, []);
    assert.equal(quiet.session?.refused, 0);
  });

  test(`past the newest ${SESSION_REFUSALS_LISTED} refusals kept, the rest is said, and listed + unlisted is Live's count`, async () => {
    const activity = makeActivity(collector.context.db, { name: 'Many devices' });
    await startOk(collector.url, activity.trackingCode);
    const [row] = await liveSessions(activity.id);
    const sessionId = row?.id ?? 0;
    // One session sending from many addresses (each device keeps its newest 100 refusals): 700 distinct refusals.
    for (let i = 0; i < 700; i++) {
      insertRejection(collector.context.db, {
        time: new Date(Date.now() + offset).toISOString(),
        route: 'track',
        address: `10.0.${Math.floor(i / 100)}.1`,
        sessionId,
        status: 400,
        message: `Statement ${i} is not valid`,
        sample: null,
      });
    }
    const [live] = await liveSessions(activity.id);
    assert.equal(live?.refused, 700);
    const many = await diagnostics(`?session=${sessionId}`);
    const lines = many.groups.flatMap((group) => group.items);
    assert.equal(lines.length, SESSION_REFUSALS_LISTED);
    assert.equal(many.session?.refused, 700);
    assert.equal(many.session?.unlisted, 700 - SESSION_REFUSALS_LISTED);
    assert.equal(lines.reduce((total, item) => total + item.count, 0) + (many.session?.unlisted ?? 0), live?.refused);
  });

  test('a session id that is not a whole number: 400 with what to send; an unknown session: 404', async () => {
    for (const bad of ['abc', '0', '-3', '1.5', '12abc', '', '1&session=2', '99999999999999999999']) {
      const answer = await request(`${collector.url}/admin/api/diagnostics?session=${bad}`);
      assert.equal(answer.status, 400, `session=${bad}: ${answer.text}`);
      assert.deepEqual(answer.json, {
        error: { reason: 'invalid-session', message: "session must be a session's id, a whole number such as session=12 (Live's links carry it)." },
      });
    }
    const unknown = await request(`${collector.url}/admin/api/diagnostics?session=424242`);
    assert.equal(unknown.status, 404, unknown.text);
    assert.deepEqual(unknown.json, {
      error: { reason: 'session-not-found', message: "No session 424242: its player's data was erased, or it never existed." },
    });
  });
});
