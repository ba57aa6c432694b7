import assert from 'node:assert/strict';
import { describe, type TestContext, test } from 'node:test';
import { hashPassword } from '../../server/auth/password-hash.js';
import { createClass } from '../../server/store/classes-repo.js';
import { addToClass, insertStudent } from '../../server/store/students-repo.js';
import { startTestCollector } from '../support/collector.js';
import { postJson, request } from '../support/http.js';
import { startOk, track } from '../support/rage.js';

/** startTestCollector's own `after` runs only when the file ends; close each test's collector when the test ends. */
async function collectorFor(t: TestContext) {
  const collector = await startTestCollector();
  t.after(() => collector.close());
  return collector;
}

const PROGRESS = 'https://w3id.org/xapi/seriousgames/extensions/progress';

function statement(actor: unknown, verb: string, object: string, result?: unknown) {
  return {
    actor,
    verb: { id: `http://adlnet.gov/expapi/verbs/${verb}` },
    object: { id: object, definition: { type: 'https://w3id.org/xapi/seriousgames/activity-types/level' } },
    timestamp: new Date().toISOString(),
    ...(result ? { result } : {}),
  };
}

interface ActivityJson {
  id: string;
  name: string;
  game: string;
  trackingCode: string;
  open: boolean;
  allowAnonymous: boolean;
  statements: number;
  sessions: number;
  players: number;
  anonymousPlayers: number;
  identifiedPlayers: number;
  liveSessions: number;
}

describe('admin API', () => {
  test('an activity created through the API takes students, and every count the dashboard shows follows', async (t) => {
    const collector = await collectorFor(t);
    const api = `${collector.url}/admin/api`;

    const empty = await request(`${api}/activities`);
    assert.equal(empty.status, 200);
    assert.deepEqual(empty.json, { activities: [] });

    const created = await postJson(`${api}/activities`, { name: 'Fractions 3B', game: 'Math Quest', allowAnonymous: true });
    assert.equal(created.status, 201);
    const activity = (created.json as { activity: ActivityJson }).activity;
    assert.equal(activity.name, 'Fractions 3B');
    assert.equal(activity.game, 'Math Quest');
    assert.equal(activity.open, true);
    assert.match(activity.trackingCode, /^[a-z2-9]{8}$/);

    const start = await startOk(collector.url, activity.trackingCode);
    const stored = await track(collector.url, start.authToken, [
      statement(start.actor, 'initialized', `${start.objectId}/level/level1`),
      statement(start.actor, 'progressed', `${start.objectId}/level/level1`, { extensions: { [PROGRESS]: 0.5 } }),
      statement(start.actor, 'completed', `${start.objectId}/level/level1`, { success: true, score: { raw: 0.9 } }),
    ]);
    assert.equal(stored.status, 200);

    const list = (await request(`${api}/activities`)).json as { activities: ActivityJson[] };
    const counted = list.activities[0];
    assert.ok(counted);
    assert.equal(counted.statements, 3);
    assert.equal(counted.sessions, 1);
    assert.equal(counted.players, 1);
    assert.equal(counted.anonymousPlayers, 1);
    assert.equal(counted.identifiedPlayers, 0);
    assert.equal(counted.liveSessions, 1);

    const sessions = (await request(`${api}/activities/${activity.id}/sessions`)).json as {
      sessions: Array<Record<string, unknown> & { player: Record<string, unknown> }>;
    };
    assert.equal(sessions.sessions.length, 1);
    const [session] = sessions.sessions;
    assert.ok(session);
    assert.equal(session.number, 1);
    assert.equal(session.statements, 3);
    // Its last action is level1 completed: the level's progress reads all the way through, not its last 50 %.
    assert.equal(session.progress, 1);
    assert.equal(session.success, true);
    assert.equal(session.score, 0.9);
    assert.equal(session.lastVerb, 'http://adlnet.gov/expapi/verbs/completed');
    assert.equal(session.lastObject, `${start.objectId}/level/level1`);
    assert.equal(session.player.kind, 'anonymous');
    assert.equal(session.player.animalName, start.playerAnimalName);
    assert.equal(session.player.username, null);

    const overview = (await request(`${api}/overview`)).json as Record<string, unknown>;
    assert.equal(overview.statements, 3);
    assert.equal(overview.sessions, 1);
    assert.equal(overview.liveSessions, 1);
    assert.deepEqual(overview.players, { anonymous: 1, identified: 0, xapi: 0 });
    assert.deepEqual(overview.activities, { total: 1, open: 1 });

    const statements = (await request(`${api}/statements?activity=${activity.id}`)).json as {
      statements: Array<{ seq: number; verbId: string; objectType: string; statement: { actor: unknown }; player: { animalName: string } }>;
    };
    assert.deepEqual(
      statements.statements.map((s) => s.verbId.split('/').pop()),
      ['completed', 'progressed', 'initialized'],
      'newest first',
    );
    assert.equal(statements.statements[0]?.player.animalName, start.playerAnimalName);
    assert.equal(statements.statements[0]?.objectType, 'https://w3id.org/xapi/seriousgames/activity-types/level');
    assert.deepEqual(statements.statements[0]?.statement.actor, start.actor);

    const older = (await request(`${api}/statements?activity=${activity.id}&before=${statements.statements[0]?.seq}&limit=1`)).json as {
      statements: Array<{ verbId: string }>;
    };
    assert.deepEqual(older.statements.map((s) => s.verbId.split('/').pop()), ['progressed']);
    const byVerb = (await request(`${api}/statements?verb=${encodeURIComponent('http://adlnet.gov/expapi/verbs/initialized')}`)).json as {
      statements: unknown[];
    };
    assert.equal(byVerb.statements.length, 1);

    const players = (await request(`${api}/players`)).json as { players: Array<{ player: { id: string }; sessions: number; statements: number }> };
    assert.equal(players.players.length, 1);
    assert.equal(players.players[0]?.sessions, 1);
    assert.equal(players.players[0]?.statements, 3);
    const playerId = players.players[0]?.player.id;
    const detail = (await request(`${api}/players/${playerId}`)).json as { sessionList: Array<{ activityName: string }>; timeline: unknown[] };
    assert.equal(detail.sessionList[0]?.activityName, 'Fractions 3B');
    assert.equal(detail.timeline.length, 3);

    const rate = (await request(`${api}/activities/${activity.id}/rate?minutes=5`)).json as { points: Array<{ statements: number }> };
    assert.equal(rate.points.length, 5);
    assert.equal(rate.points.reduce((sum, p) => sum + p.statements, 0), 3);
  });

  test('closing an activity refuses new starts and opening it again lets them in', async (t) => {
    const collector = await collectorFor(t);
    const api = `${collector.url}/admin/api`;
    const { activity } = (await postJson(`${api}/activities`, { name: 'Quiz' })).json as { activity: ActivityJson };
    const closed = await postJson(`${api}/activities/${activity.id}/close`, {});
    assert.equal(closed.status, 200);
    assert.equal((closed.json as { activity: ActivityJson }).activity.open, false);
    const refused = await postJson(`${collector.url}/api/collector/start/${activity.trackingCode}`, {});
    assert.equal(refused.status, 412);
    const reopened = await postJson(`${api}/activities/${activity.id}/open`, {});
    assert.equal((reopened.json as { activity: ActivityJson }).activity.open, true);
    await startOk(collector.url, activity.trackingCode);
  });

  test('bad requests get the admin error shape', async (t) => {
    const collector = await collectorFor(t);
    const api = `${collector.url}/admin/api`;
    const noName = await postJson(`${api}/activities`, { name: '  ' });
    assert.equal(noName.status, 400);
    assert.equal((noName.json as { error: { reason: string } }).error.reason, 'invalid-request');
    const badJson = await postJson(`${api}/activities`, '{"name":');
    assert.equal(badJson.status, 400);
    assert.equal((badJson.json as { error: { reason: string } }).error.reason, 'bad-request');
    const unknownClass = await postJson(`${api}/activities`, { name: 'X', classId: 'nope' });
    assert.deepEqual((unknownClass.json as { error: { reason: string } }).error.reason, 'unknown-class');
    const missing = await request(`${api}/activities/nope/sessions`);
    assert.equal(missing.status, 404);
    assert.deepEqual(Object.keys((missing.json as { error: object }).error).sort(), ['message', 'reason']);
    const badLimit = await request(`${api}/statements?limit=abc`);
    assert.equal(badLimit.status, 400);
    const unknown = await request(`${api}/nothing-here`);
    assert.equal(unknown.status, 404);
    assert.equal((unknown.json as { error: { reason: string } }).error.reason, 'not-found');
  });

  test('the connect screen gets the collector URLs, its port and every tracking code', async (t) => {
    const collector = await collectorFor(t);
    const api = `${collector.url}/admin/api`;
    const { activity } = (await postJson(`${api}/activities`, { name: 'Quiz', game: 'Trivia' })).json as { activity: ActivityJson };
    const connect = (await request(`${api}/connect`)).json as {
      port: number;
      urls: string[];
      reachableFromLan: boolean;
      activities: Array<{ trackingCode: string; game: string }>;
    };
    assert.equal(connect.port, collector.port);
    assert.deepEqual(connect.urls, [`${collector.url}/`]);
    assert.equal(connect.reachableFromLan, false);
    assert.deepEqual(
      connect.activities.map((a) => [a.trackingCode, a.game]),
      [[activity.trackingCode, 'Trivia']],
    );
  });

  test('a student who logs in shows with their username and roster name, counted apart from anonymous players', async (t) => {
    const collector = await collectorFor(t);
    const api = `${collector.url}/admin/api`;
    const passwordHash = await hashPassword('secret-pass-1');
    const classId = await collector.context.writer.run((db) => {
      const room = createClass(db, '3B');
      addToClass(db, room.id, insertStudent(db, { username: 'maria', name: 'María López', passwordHash }));
      return room.id;
    });
    const classes = (await request(`${api}/classes`)).json as { classes: Array<{ id: string; name: string }> };
    assert.deepEqual(classes.classes, [{ id: classId, name: '3B' }]);
    const { activity } = (await postJson(`${api}/activities`, { name: 'Roster class', classId, allowAnonymous: true })).json as {
      activity: ActivityJson & { className: string };
    };
    assert.equal(activity.className, '3B');
    const login = (await postJson(`${collector.url}/api/login`, { username: 'maria', password: 'secret-pass-1' })).json as {
      user: { token: string };
    };
    const student = await startOk(collector.url, activity.trackingCode, { body: {}, headers: { Authorization: `Bearer ${login.user.token}` } });
    await track(collector.url, student.authToken, [statement(student.actor, 'initialized', `${student.objectId}/level/level1`)]);
    await startOk(collector.url, activity.trackingCode);

    const sessions = (await request(`${api}/activities/${activity.id}/sessions`)).json as {
      sessions: Array<{ player: { kind: string; username: string | null; displayName: string | null } }>;
    };
    const identified = sessions.sessions.find((s) => s.player.kind === 'identified');
    assert.equal(identified?.player.username, 'maria');
    assert.equal(identified?.player.displayName, 'María López');
    const [counted] = ((await request(`${api}/activities`)).json as { activities: ActivityJson[] }).activities;
    assert.equal(counted?.players, 2);
    assert.equal(counted?.anonymousPlayers, 1);
    assert.equal(counted?.identifiedPlayers, 1);
    const overview = (await request(`${api}/overview`)).json as { players: unknown };
    assert.deepEqual(overview.players, { anonymous: 1, identified: 1, xapi: 0 });
  });
});
