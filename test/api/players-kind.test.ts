import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { PlayerSummary } from '../../server/admin/api-types.js';
import type { Collector } from '../../server/index.js';
import { createAnonymousPlayer, findOrCreateStudentPlayer } from '../../server/store/players-repo.js';
import { insertStudent } from '../../server/store/students-repo.js';
import { startTestCollector } from '../support/collector.js';
import { makeActivity } from '../support/fixtures.js';
import { adminApi } from '../support/http.js';
import { startOk } from '../support/rage.js';

// Players' "Show: students" chose among the 1,000 players the server sent, the most recently seen: after a term, the
// students seen in its first weeks were not found. ?kind= chooses before the limit, and `more` says a list was cut.

let collector: Collector;
before(async () => {
  collector = await startTestCollector();
});
after(() => collector.close());

const seenAt = (minute: number) => new Date(Date.UTC(2026, 0, 1, 0, minute)).toISOString();

interface Answer {
  players: PlayerSummary[];
  more?: true;
}

async function listed(path: string): Promise<Answer> {
  const answer = await adminApi(collector.url, path);
  assert.equal(answer.status, 200, answer.text);
  return answer.json as Answer;
}

test('1,200 players, the students seen first: ?kind=identified finds them, and the full list says it was cut', async () => {
  const { db } = collector.context;
  const students = db.transaction(() => {
    const early = Array.from({ length: 5 }, (_, i) => {
      const username = `student${i}`;
      const player = findOrCreateStudentPlayer(db, { id: insertStudent(db, { username, name: '', passwordHash: 'not-a-hash' }), username });
      db.prepare('UPDATE players SET last_seen = ? WHERE id = ?').run(seenAt(i), player.id);
      return player.id;
    });
    const xapi = createAnonymousPlayer(db, () => 'Brave Otter');
    db.prepare("UPDATE players SET kind = 'identified', public_id = 'xapi-abc123', xapi_name = 'Marta Gómez', last_seen = ? WHERE id = ?").run(
      seenAt(10),
      xapi.id,
    );
    for (let i = 0; i < 1194; i++) {
      const later = createAnonymousPlayer(db, () => `Later Player ${i}`);
      db.prepare('UPDATE players SET last_seen = ? WHERE id = ?').run(seenAt(100 + i), later.id);
    }
    return { early: early.reverse(), xapi: xapi.id };
  })();

  const everyone = await listed('/players');
  assert.equal(everyone.players.length, 1000);
  assert.equal(everyone.more, true, 'more players than the 1,000 listed');
  assert.ok(!everyone.players.some((row) => row.player.kind === 'identified'), 'no student among the newest 1,000');

  const identified = await listed('/players?kind=identified');
  assert.deepEqual(
    identified.players.map((row) => row.player.id),
    students.early,
    'every student, most recently seen first; not the xAPI player',
  );
  assert.equal(identified.more, undefined, 'not cut: no `more`');
  assert.deepEqual(
    (await listed('/players?kind=xapi')).players.map((row) => row.player.id),
    [students.xapi],
  );
  const anonymous = await listed('/players?kind=anonymous&limit=2000');
  assert.equal(anonymous.players.length, 1194);
  assert.equal(anonymous.more, undefined);
  assert.deepEqual(await listed('/players?kind=all'), everyone, 'all is every kind');
  assert.deepEqual((await listed('/players?kind=identified&q=student3')).players.map((row) => row.player.id), [students.early[1]]);
});

test('?kind= on an activity, and a kind that is none of them is a 400', async () => {
  const activity = makeActivity(collector.context.db, { name: 'Fractions' });
  for (let i = 0; i < 3; i++) await startOk(collector.url, activity.trackingCode);
  const path = `/activities/${activity.id}/players`;
  assert.equal((await listed(`${path}?kind=anonymous`)).players.length, 3);
  assert.deepEqual(await listed(`${path}?kind=identified`), { players: [] });
  const cut = await listed(`${path}?limit=2`);
  assert.equal(cut.players.length, 2);
  assert.equal(cut.more, true);

  for (const query of ['?kind=students', '?kind=identified&kind=xapi']) {
    const answer = await adminApi(collector.url, `/players${query}`);
    assert.equal(answer.status, 400, query);
    assert.match(answer.text, /kind/);
  }
});
