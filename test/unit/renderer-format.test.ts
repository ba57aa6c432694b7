import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { connectLink, parseConnectLink } from '../../renderer/src/format/connect-link.js';
import { formatDuration, lastSeenLabel, sessionStatus } from '../../renderer/src/format/idle.js';
import { playerLabel } from '../../renderer/src/format/player-name.js';
import { formatPercent, formatScore, progressFraction } from '../../renderer/src/format/progress.js';
import { resultSummary } from '../../renderer/src/format/result.js';
import { compareSessions, type SortKey } from '../../renderer/src/format/session-order.js';
import { truncate } from '../../renderer/src/format/truncate.js';
import { describeAction, KNOWN_VERBS, lastSegment, objectLabel, verbLabel } from '../../renderer/src/format/verbs.js';
import { shownCause } from '../../renderer/src/screens/alerts/shown-cause.js';
import type { SessionRow } from '../../server/admin/api-types.js';

const OBJECT = 'http://aula.local:3000/api/proxy/gleaner/games/GAME/VERSION';
const TYPES = 'https://w3id.org/xapi/seriousgames/activity-types/';

describe('readable actions', () => {
  test('the serious-games verbs read as words', () => {
    assert.equal(verbLabel('http://adlnet.gov/expapi/verbs/completed'), 'completed');
    assert.equal(verbLabel('http://adlnet.gov/expapi/verbs/initialized'), 'started');
    assert.equal(verbLabel('http://adlnet.gov/expapi/verbs/progressed'), 'progressed in');
    assert.equal(verbLabel('http://adlnet.gov/expapi/verbs/interacted'), 'interacted with');
    assert.equal(verbLabel('https://w3id.org/xapi/seriousgames/verbs/accessed'), 'accessed');
    assert.equal(verbLabel('https://w3id.org/xapi/adb/verbs/selected'), 'selected');
    assert.equal(verbLabel('http://id.tincanapi.com/verb/skipped'), 'skipped');
  });

  test('unknown verbs fall back to their last segment, or the string itself', () => {
    assert.equal(verbLabel('http://example.com/verbs/jumped'), 'jumped');
    assert.equal(verbLabel('http://example.com/vocab#teleported/'), 'teleported');
    assert.equal(verbLabel('customVerb'), 'customVerb');
    assert.equal(verbLabel(null), 'did something');
  });

  test('js-tracker object ids name their type; a definition type wins when the statement has one', () => {
    assert.equal(describeAction('http://adlnet.gov/expapi/verbs/completed', `${OBJECT}/level/level1`), 'completed level "level1"');
    assert.equal(objectLabel(`${OBJECT}/storynode/intro`), 'story node "intro"');
    assert.equal(objectLabel(`${OBJECT}/npc/guard`), 'NPC "guard"');
    assert.equal(objectLabel(`${OBJECT}/level1`, `${TYPES}level`), 'level "level1"', 'java-tracker ids carry no type key');
    assert.equal(objectLabel(`${OBJECT}/x/door`, `${TYPES}game-object`), 'game object "door"');
    assert.equal(objectLabel(`${OBJECT}/level1`), '"level1"');
    assert.equal(objectLabel('undefined/level/lvl'), 'level "lvl"');
    assert.equal(objectLabel(`${OBJECT}/area/cave`, 'area'), 'area "cave"', "js 0.9.2's misspelt Area type is not an IRI");
    assert.equal(objectLabel(`${OBJECT}/level/caf%C3%A9`), 'level "café"');
    assert.equal(objectLabel(`${OBJECT}/level/100%`), 'level "100%"', 'bad escapes stay as sent');
    assert.equal(objectLabel(null), 'something');
  });

  test('a chosen option reads as part of the action', () => {
    assert.equal(
      describeAction('https://w3id.org/xapi/adb/verbs/selected', `${OBJECT}/question/question1`, `${TYPES}question`, 'optionB'),
      'selected "optionB" in question "question1"',
    );
    assert.equal(
      describeAction('http://adlnet.gov/expapi/verbs/answered', 'http://lab.example/q1', 'http://adlnet.gov/expapi/activities/cmi.interaction', '3/4', 'Question 1'),
      'answered "3/4" in question "Question 1"',
      "ADL's cmi.interaction reads as the question it is",
    );
  });

  test('the verb filter lists each label once', () => {
    const labels = KNOWN_VERBS.map(([, label]) => label);
    assert.equal(new Set(labels).size, labels.length);
    assert.ok(labels.includes('started') && labels.includes('completed'));
    assert.equal(lastSegment('a/b/c'), 'c');
  });
});

describe('idle detection', () => {
  const now = Date.parse('2026-01-10T10:00:00.000Z');
  const seen = (msAgo: number, ended: string | null = null) => ({ lastSeen: new Date(now - msAgo).toISOString(), ended });

  test('a session becomes idle once silent for the threshold, and says for how long', () => {
    const threshold = 3 * 60_000;
    assert.deepEqual(sessionStatus(seen(5_000), now, threshold), { state: 'active', silentMs: 5_000 });
    assert.equal(sessionStatus(seen(threshold - 1), now, threshold).state, 'active');
    assert.equal(sessionStatus(seen(threshold), now, threshold).state, 'idle');
    assert.equal(lastSeenLabel(sessionStatus(seen(3 * 60_000 + 20_000), now, threshold)), 'idle 3 min');
    assert.equal(lastSeenLabel(sessionStatus(seen(2_000), now, threshold)), 'just now');
    assert.equal(lastSeenLabel(sessionStatus(seen(90_000), now, threshold)), '1 min ago');
  });

  test('an ended session is never idle; a clock slightly behind the server never gives negative times', () => {
    assert.equal(sessionStatus(seen(60 * 60_000, '2026-01-10T09:00:00.000Z'), now, 60_000).state, 'ended');
    assert.deepEqual(sessionStatus(seen(-4_000), now, 60_000), { state: 'active', silentMs: 0 });
  });

  test('a game completed and then silent is finished, not idle: the student is done, not stuck', () => {
    const threshold = 3 * 60_000;
    const done = (msAgo: number, completion: boolean | null) => ({ ...seen(msAgo), completion });
    assert.equal(sessionStatus(done(4 * 60_000, true), now, threshold).state, 'finished');
    assert.equal(lastSeenLabel(sessionStatus(done(4 * 60_000, true), now, threshold)), 'finished 4 min ago');
    assert.equal(sessionStatus(done(20_000, true), now, threshold).state, 'active', 'still playing after finishing');
    assert.equal(sessionStatus(done(4 * 60_000, false), now, threshold).state, 'idle');
    assert.equal(sessionStatus(done(4 * 60_000, null), now, threshold).state, 'idle');
  });

  test('durations read naturally', () => {
    assert.equal(formatDuration(45_000), '45 s');
    assert.equal(formatDuration(2 * 3_600_000 + 5 * 60_000), '2 h 5 min');
    assert.equal(formatDuration(3 * 3_600_000), '3 h');
    assert.equal(formatDuration(50 * 3_600_000), '2 d');
  });
});

describe('progress', () => {
  test('the progress extension is a fraction; 0…100 is read as a percentage; out of range is clamped', () => {
    assert.equal(progressFraction(0.5, null), 0.5);
    assert.equal(progressFraction(1, null), 1);
    assert.equal(progressFraction(75, null), 0.75);
    assert.equal(progressFraction(-0.2, null), 0);
    assert.equal(progressFraction(250, null), 1);
    assert.equal(formatPercent(progressFraction(0.333, null) as number), '33%');
  });

  test('a completed session without progress is full; nothing known shows no bar', () => {
    assert.equal(progressFraction(null, true), 1);
    assert.equal(progressFraction(null, false), null);
    assert.equal(progressFraction(null, null), null);
    assert.equal(progressFraction(0.4, true), 0.4, 'what the game reported wins');
    assert.equal(formatScore(0.9), '0.9');
    assert.equal(formatScore(2 / 3), '0.67');
  });
});

describe("a statement's result in words", () => {
  const PROGRESS = 'https://w3id.org/xapi/seriousgames/extensions/progress';

  test('success or failure, the score (scaled, else raw) and the progress', () => {
    assert.equal(resultSummary({ result: { success: false, response: 'optionA' } }), '✗ failure');
    assert.equal(resultSummary({ result: { success: true, score: { scaled: 0.9, raw: 9 } } }), '✓ success · score 0.9');
    assert.equal(resultSummary({ result: { score: { raw: 42 } } }), 'score 42');
    assert.equal(resultSummary({ result: { success: true, score: { raw: 7, max: 10 } } }), '✓ success · score 7/10');
    assert.equal(resultSummary({ result: { extensions: { [PROGRESS]: 0.5 } } }), '50%');
    assert.equal(resultSummary({ result: { completion: true, success: true, score: { scaled: 0.8 }, extensions: { [PROGRESS]: 1 } } }), '✓ success · score 0.8 · 100%');
  });

  test('nothing for a statement without a result a teacher reads', () => {
    assert.equal(resultSummary({ verb: { id: 'x' } }), '');
    assert.equal(resultSummary({ result: { response: 'optionB' } }), '', 'the response is part of the action');
    assert.equal(resultSummary({ result: { score: { scaled: 'high' }, extensions: { [PROGRESS]: 'half' } } }), '');
    assert.equal(resultSummary(null), '');
  });
});

describe('connect links and player names', () => {
  test('a QR code holds the collector origin and the tracking code, and reads back', () => {
    const link = connectLink('http://192.168.1.20:3000/', 'ab3cd4ef');
    assert.equal(link, 'http://192.168.1.20:3000/?code=ab3cd4ef');
    assert.deepEqual(parseConnectLink(link), { collectorUrl: 'http://192.168.1.20:3000/', trackingCode: 'ab3cd4ef' });
    assert.equal(parseConnectLink('http://192.168.1.20:3000/'), null);
    assert.equal(parseConnectLink('not a url'), null);
  });

  test('students by username (with their roster name), anonymous players by animal name', () => {
    const base = { id: 'p', animalName: 'brave-teal-otter', displayName: null, xapi: false };
    assert.equal(playerLabel({ ...base, kind: 'anonymous', username: null }), 'brave-teal-otter');
    assert.equal(playerLabel({ ...base, kind: 'identified', username: 'maria' }), 'maria');
    assert.equal(playerLabel({ ...base, kind: 'identified', username: 'maria', displayName: 'María López' }), 'María López (maria)');
    // A player an xAPI game identified: by the name the game sent, else (no name kept) by animal name.
    assert.equal(playerLabel({ ...base, kind: 'identified', username: null, displayName: 'Nora', xapi: true }), 'Nora');
    assert.equal(playerLabel({ ...base, kind: 'identified', username: null, xapi: true }), 'brave-teal-otter');
  });
});

describe('Live sorted by last action and by result', () => {
  const COMPLETED = 'http://adlnet.gov/expapi/verbs/completed';
  const session = (name: string, fields: Partial<SessionRow>): SessionRow => ({
    id: 1,
    number: 1,
    started: '2026-01-10T09:00:00.000Z',
    ended: null,
    lastSeen: '2026-01-10T09:05:00.000Z',
    statements: 3,
    lastVerb: null,
    lastObject: null,
    lastObjectType: null,
    progress: null,
    completion: null,
    success: null,
    score: null,
    resultObject: null,
    resultObjectType: null,
    resultOfGame: true,
    refused: 0,
    lastRefusal: null,
    player: { id: name, kind: 'anonymous', animalName: name, username: null, displayName: null, xapi: false },
    ...fields,
  });
  const sessions = [
    session('nothing-yet', {}),
    session('level10', { lastVerb: COMPLETED, lastObject: `${OBJECT}/level/level10`, completion: true, success: true, score: 0.9 }),
    session('failed-low', { lastVerb: COMPLETED, lastObject: `${OBJECT}/level/level2`, success: false, score: 0.1 }),
    session('failed-higher', { lastVerb: COMPLETED, lastObject: `${OBJECT}/level/level2`, success: false, score: 0.4 }),
    session('not-completed', { lastVerb: COMPLETED, lastObject: `${OBJECT}/level/level1`, completion: false }),
  ];
  const sorted = (key: SortKey, descending: boolean) =>
    [...sessions].sort((a, b) => compareSessions(a, b, key, descending)).map((s) => s.player.animalName);

  test('result: failed first (lowest score first), then not completed, then the rest; no result last either way', () => {
    assert.deepEqual(sorted('result', false), ['failed-low', 'failed-higher', 'not-completed', 'level10', 'nothing-yet']);
    assert.deepEqual(sorted('result', true), ['level10', 'not-completed', 'failed-higher', 'failed-low', 'nothing-yet']);
  });

  test('last action: by its words, numbers in numeric order; nothing yet last either way', () => {
    assert.deepEqual(sorted('lastAction', false).slice(0, 2), ['not-completed', 'failed-low']);
    assert.deepEqual(sorted('lastAction', false).slice(-2), ['level10', 'nothing-yet']);
    assert.deepEqual(sorted('lastAction', true)[0], 'level10');
    assert.equal(sorted('lastAction', true).at(-1), 'nothing-yet');
  });
});

describe('alerts and chart labels', () => {
  const item = (id: number, severity: 'alert' | 'warning', message: string) => ({
    id,
    sessionId: 1,
    sessionNumber: 1,
    rule: 'r',
    severity,
    message,
    wording: null,
    raised: `2026-01-10T10:0${9 - id}:00.000Z`,
    cleared: null,
    acknowledged: null,
  });

  test("a collapsed row's cause is the newest alert, before any newer warning", () => {
    const items = [item(1, 'warning', 'Quit without completing level2'), item(2, 'alert', 'Scored 0.2 on level1'), item(3, 'alert', '3 wrong answers in a row'), item(4, 'warning', 'Idle')];
    assert.equal(shownCause(items)?.message, 'Scored 0.2 on level1');
    assert.equal(shownCause([item(1, 'warning', 'Idle for 4 min'), item(2, 'warning', 'No progress')])?.message, 'Idle for 4 min');
    assert.equal(shownCause([]), undefined);
  });

  test('a label longer than its room is cut with an ellipsis; one that fits is kept whole', () => {
    assert.equal(truncate('Fractions adventure (whole game)', 12), 'Fractions a…');
    assert.equal(truncate('Fractions (whole game)', 10), 'Fractions…');
    assert.equal(truncate('level1', 6), 'level1');
    assert.equal(truncate('½ of the pizza', 3), '½…', 'by characters, without a space before the ellipsis');
  });
});

