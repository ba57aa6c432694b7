import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { PlayerSummary } from '../../server/admin/api-types.js';
import type { Collector } from '../../server/index.js';
import { createAnonymousPlayer, findOrCreateStudentPlayer } from '../../server/store/players-repo.js';
import { insertStudent } from '../../server/store/students-repo.js';
import { startTestCollector } from '../support/collector.js';
import { makeActivity } from '../support/fixtures.js';
import { adminApi } from '../support/http.js';

// GET /admin/api/players lists the 1,000 most recently seen players: after a term a laptop knows more, and a student
// last seen in the term's first weeks was not among them, so Players' search could not find them. ?q= searches
// everyone by the name the row shows (username, roster name, xAPI name, animal name) or by an exact player id.

let collector: Collector;
before(async () => {
  collector = await startTestCollector();
});
after(() => collector.close());

const seenAt = (minute: number) => new Date(Date.UTC(2026, 0, 1, 0, minute)).toISOString();

async function listed(query: string): Promise<PlayerSummary[]> {
  const answer = await adminApi(collector.url, `/players${query}`);
  assert.equal(answer.status, 200, answer.text);
  return (answer.json as { players: PlayerSummary[] }).players;
}

test('?q= finds a player beyond the newest 1,000 by the name shown, in any case, and by player id', async () => {
  const { db } = collector.context;
  const early = db.transaction(() => {
    const studentId = insertStudent(db, { username: 'onunez', name: 'Óscar Núñez', passwordHash: 'not-a-hash' });
    const student = findOrCreateStudentPlayer(db, { id: studentId, username: 'onunez' }, () => 'Quiet Heron');
    const xapi = createAnonymousPlayer(db, () => 'Brave Otter');
    db.prepare("UPDATE players SET kind = 'identified', public_id = 'xapi-abc123', xapi_name = 'Marta Gómez' WHERE id = ?").run(xapi.id);
    const anonymous = createAnonymousPlayer(db, () => 'Sleepy Lynx');
    for (const [i, player] of [student, xapi, anonymous].entries()) {
      db.prepare('UPDATE players SET last_seen = ? WHERE id = ?').run(seenAt(i), player.id);
    }
    for (let i = 0; i < 1000; i++) {
      const later = createAnonymousPlayer(db, () => `Later Player ${i}`);
      db.prepare('UPDATE players SET last_seen = ? WHERE id = ?').run(seenAt(100 + i), later.id);
    }
    return { student, xapi, anonymous };
  })();

  const everyone = await listed('');
  assert.equal(everyone.length, 1000, 'the listing without a search is as it was');
  assert.ok(!everyone.some((row) => row.player.id === early.student.id), 'the student seen first is not among the newest 1,000');
  assert.deepEqual(await listed('?q=%20%20'), everyone, 'a blank search is no search');

  const ids = async (q: string) => (await listed(`?q=${encodeURIComponent(q)}`)).map((row) => row.player.id);
  assert.deepEqual(await ids('onunez'), [early.student.id], 'by username');
  assert.deepEqual(await ids('óscar'), [early.student.id], 'by roster name, Ó found by ó');
  assert.deepEqual(await ids('NÚÑEZ (ONU'), [early.student.id], 'as the row reads: name (username)');
  assert.deepEqual(await ids('marta gó'), [early.xapi.id], 'an xAPI player by the name the game sent');
  assert.deepEqual(await ids('sleepy'), [early.anonymous.id], 'an anonymous player by animal name');
  assert.deepEqual(await ids('quiet heron'), [], "a student is not known by an animal name the row does not show");
  assert.deepEqual(await ids(early.anonymous.publicId), [early.anonymous.id], 'by the player id the player page shows');
  assert.deepEqual(await ids(early.student.id), [early.student.id], "by the id in the player page's address");
  assert.equal((await listed('?q=later%20player&limit=5')).length, 5, 'limit still bounds the answer');
  const found = (await listed('?q=onunez'))[0] as PlayerSummary;
  assert.deepEqual(Object.keys(found).sort(), ['created', 'lastSeen', 'player', 'sessions', 'statements']);
  assert.deepEqual(found.player, { id: early.student.id, kind: 'identified', animalName: 'Quiet Heron', username: 'onunez', displayName: 'Óscar Núñez', xapi: false });

  const nobody = makeActivity(db, { name: 'Nobody yet' });
  assert.deepEqual((await adminApi(collector.url, `/activities/${nobody.id}/players?q=onunez`)).json, { players: [] }, "an activity's players only");

  for (const bad of [`?q=${'x'.repeat(201)}`, '?q=a&q=b']) {
    const answer = await adminApi(collector.url, `/players${bad}`);
    assert.equal(answer.status, 400, bad);
    assert.equal((answer.json as { error: { reason: string } }).error.reason, 'invalid-parameter');
  }
});
