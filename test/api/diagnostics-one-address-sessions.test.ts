import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { SessionRow } from '../../server/admin/api-types.js';
import type { Collector } from '../../server/index.js';
import { classWith, loggedInHeaders } from '../support/class-logins.js';
import { startTestCollector } from '../support/collector.js';
import { diagnosticItems } from '../support/diagnostic-items.js';
import { makeActivity } from '../support/fixtures.js';
import { request } from '../support/http.js';
import { type StartAnswer, startOk, statementS, track } from '../support/rage.js';

/** A batch the collector refuses with the same message whoever sends it: its second statement has a score with no raw. */
function batchWithoutRaw(game: StartAnswer, tag: string): unknown[] {
  const statement = { ...statementS(game.actor), id: undefined };
  return [statement, { ...statement, result: { score: { min: 0 }, extensions: { tag } } }];
}

async function refuse(collector: Collector, game: StartAnswer, tag: string): Promise<string> {
  const answer = await track(collector.url, game.authToken, batchWithoutRaw(game, tag));
  assert.equal(answer.status, 400, answer.text);
  return (answer.json as { message: string }).message;
}

// One classroom computer, several games (a shared PC, browser tabs, machines behind one NAT address): every test here
// sends from 127.0.0.1. Diagnostics merged refusals with the same message from one address into one line under the
// newest player: Ben, whom Live marked "1 batch refused" with a link to Diagnostics, was nowhere on it.
describe('Diagnostics: refused batches of several games from one address are each their game’s line', () => {
  let collector: Collector;

  before(async () => {
    collector = await startTestCollector({ config: { mdns: false } });
  });
  after(() => collector?.close());

  test('Ben’s game and an anonymous game, the same message: a line each, named, with its activity and its count', async () => {
    const classId = await classWith(collector.url, '3B', ['ben']);
    const fractions = makeActivity(collector.context.db, { name: 'Fractions 3B', classId, allowAnonymous: false });
    const maths = makeActivity(collector.context.db, { name: 'Maths 3B' });
    const ben = await startOk(collector.url, fractions.trackingCode, { headers: await loggedInHeaders(collector.url, 'ben') });
    const anonymous = await startOk(collector.url, maths.trackingCode);

    const message = await refuse(collector, ben, 'ben');
    assert.match(message, /^Statement .*score\.raw/);
    assert.equal(await refuse(collector, anonymous, 'anonymous'), message, 'the same message for both');
    // The anonymous game re-sends its batch, then sends another one refused for the same reason: its own repeats, one line.
    await refuse(collector, anonymous, 'anonymous');
    await refuse(collector, anonymous, 'anonymous again');

    const items = await diagnosticItems(collector, 'invalid-track');
    const lines = items.map((item) => ({ who: item.who, player: item.player, activity: item.activity, count: item.count, address: item.address }));
    assert.deepEqual(
      lines.sort((a, b) => a.count - b.count),
      [
        { who: { name: 'ben', session: 1, classes: null }, player: 'ben · session 1', activity: 'Fractions 3B', count: 1, address: '127.0.0.1' },
        {
          who: { name: anonymous.playerAnimalName, session: 1, classes: null },
          player: `${anonymous.playerAnimalName} · session 1`,
          activity: 'Maths 3B',
          count: 3,
          address: '127.0.0.1',
        },
      ],
    );

    // What Live says of Ben's session is what Diagnostics' line for it counts.
    const live = await request(`${collector.url}/admin/api/activities/${fractions.id}/sessions`);
    assert.equal(live.status, 200, live.text);
    const bens = (live.json as { sessions: SessionRow[] }).sessions.find((session) => session.player.username === 'ben');
    assert.equal(bens?.refused, 1);
  });

  test('five refusals of three players from one address: three lines, one per player', async () => {
    const activity = makeActivity(collector.context.db, { name: 'Decimals' });
    const games = [await startOk(collector.url, activity.trackingCode), await startOk(collector.url, activity.trackingCode)];
    games.push(await startOk(collector.url, activity.trackingCode));
    const [first, second, third] = games as [StartAnswer, StartAnswer, StartAnswer];
    for (const [game, tag] of [
      [first, 'a'],
      [second, 'b'],
      [first, 'a'],
      [third, 'c'],
      [second, 'b2'],
    ] as const) {
      await refuse(collector, game, tag);
    }
    const items = (await diagnosticItems(collector, 'invalid-track')).filter((item) => item.activity === 'Decimals');
    assert.deepEqual(
      items.map((item) => [item.who?.name, item.count]).sort(),
      [
        [first.playerAnimalName, 2],
        [second.playerAnimalName, 2],
        [third.playerAnimalName, 1],
      ].sort(),
    );
  });
});
