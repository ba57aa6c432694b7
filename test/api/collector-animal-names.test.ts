import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { startSessionDrawing } from '../../server/collector/session-jobs.js';
import { useTestCollector } from '../support/collector.js';
import { makeActivity } from '../support/fixtures.js';
import { request } from '../support/http.js';
import { startOk } from '../support/rage.js';

interface LiveSession {
  player: { animalName: string };
}

describe('animal names in an activity (a class pressing play at once)', () => {
  const collector = useTestCollector();

  it('a new player never gets the name of a player already in the activity, even when the draw repeats it', async () => {
    const db = collector.current.context.db;
    const activity = makeActivity(db, { name: 'same second' });
    const first = await startOk(collector.current.url, activity.trackingCode);
    // The random draw comes up with the first player's name twice before another.
    const draws = [first.playerAnimalName, first.playerAnimalName, 'quiet-sturdy-okapi'];
    const drawn = draws.values();
    const started = startSessionDrawing(db, { choice: { kind: 'new' }, activityId: activity.id, versionId: activity.versionId }, () => drawn.next().value as string);
    assert.equal(started.player.animalName, 'quiet-sturdy-okapi');

    // What the teacher sees on Live: two players, two names.
    const live = await request(`${collector.current.url}/admin/api/activities/${activity.id}/sessions`);
    assert.equal(live.status, 200, live.text);
    const names = (live.json as { sessions: LiveSession[] }).sessions.map((session) => session.player.animalName).sort();
    assert.deepEqual(names, [first.playerAnimalName, 'quiet-sturdy-okapi'].sort());
  });

  it('forty games starting in the same second get forty different names, all answered', async () => {
    const activity = makeActivity(collector.current.context.db, { name: 'forty at once' });
    const answers = await Promise.all(Array.from({ length: 40 }, () => startOk(collector.current.url, activity.trackingCode)));
    assert.equal(new Set(answers.map((answer) => answer.playerAnimalName)).size, 40);
    assert.equal(new Set(answers.map((answer) => answer.authToken)).size, 40);
  });
});
