import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import type { Collector } from '../../server/index.js';
import { rulesEngineFor } from '../../server/rules/engine-registry.js';
import type { RuleSettingsInput } from '../../server/rules/rule-settings.js';
import { type Activity, createActivity } from '../../server/store/activities-repo.js';
import { startTestCollector } from '../support/collector.js';
import { adminApi, request } from '../support/http.js';
import { type StartAnswer, startOk, track } from '../support/rage.js';
import { tempDir } from '../support/temp-dir.js';

const SECOND = 1000;
const MIN = 60_000;
const HOUR = 60 * MIN;
let clock = Date.UTC(2026, 2, 2, 9, 0, 0);
let collector: Collector;
const dataDir = tempDir();

after(() => collector?.close());

/** Aula stops (the teacher closes it, an update) and starts again on the same data folder. */
async function restart(offFor = 0): Promise<void> {
  await collector.close();
  clock += offFor;
  collector = await startTestCollector({ dataDir, now: () => clock });
  await rulesEngineFor(collector.context).resumed;
}

const engine = () => rulesEngineFor(collector.context);

async function setRules(activity: Activity, rules: RuleSettingsInput): Promise<void> {
  const answer = await request(`${collector.url}/admin/api/activities/${activity.id}/rules`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(rules),
  });
  assert.equal(answer.status, 200, answer.text);
}

/** Each student's alerts and warnings as the Alerts & Warnings screen lists them: animal name → [rule, message]. */
async function shownAlerts(activity: Activity): Promise<Record<string, string[][]>> {
  await engine().flush();
  const answer = await adminApi(collector.url, `/alerts?activity=${activity.id}`);
  assert.equal(answer.status, 200, answer.text);
  const { students } = answer.json as { students: Array<{ player: { animalName: string }; items: Array<{ rule: string; message: string }> }> };
  return Object.fromEntries(students.map((s) => [s.player.animalName, s.items.map((i) => [i.rule, i.message]).sort()]));
}

async function acknowledgeAll(activity: Activity): Promise<void> {
  const answer = await adminApi(collector.url, '/alerts/acknowledge', { activity: activity.id });
  assert.equal(answer.status, 200, answer.text);
}

function statement(start: StartAnswer, verb: string, type: string, name: string, result?: Record<string, unknown>) {
  return {
    actor: start.actor,
    verb: { id: verb === 'selected' ? 'https://w3id.org/xapi/adb/verbs/selected' : `http://adlnet.gov/expapi/verbs/${verb}` },
    object: { id: `${start.objectId}/${type}/${name}`, definition: { type: `https://w3id.org/xapi/seriousgames/activity-types/${type}` } },
    timestamp: new Date(clock).toISOString(),
    ...(result ? { result } : {}),
  };
}

const wrong = (start: StartAnswer, question: string, response = 'C') => statement(start, 'selected', 'question', question, { response, success: false });

async function send(start: StartAnswer, ...statements: unknown[]): Promise<void> {
  const answer = await track(collector.url, start.authToken, statements);
  assert.equal(answer.status, 200, answer.text);
}

async function end(start: StartAnswer): Promise<void> {
  const answer = await request(`${collector.url}/api/collector/end`, { method: 'POST', headers: { Authorization: start.authToken } });
  assert.equal(answer.status, 200, answer.text);
}

describe('alerts across a restart of Aula', () => {
  test('counts go on where they were, an alert already raised is not raised again, quit knows what was open', async () => {
    collector = await startTestCollector({ dataDir, now: () => clock });
    const activity = createActivity(collector.context.db, { name: 'Fractions', game: 'Math Quest' });
    await setRules(activity, { wrongAnswers: { enabled: true, inARow: 3, total: 5 }, quit: { enabled: true } });
    const ana = await startOk(collector.url, activity.trackingCode);
    const ben = await startOk(collector.url, activity.trackingCode);
    const cy = await startOk(collector.url, activity.trackingCode);
    await send(ana, statement(ana, 'initialized', 'level', 'level1'), wrong(ana, 'q1'), wrong(ana, 'q2'));
    await send(ben, wrong(ben, 'q1'), wrong(ben, 'q2'), wrong(ben, 'q3'), wrong(ben, 'q4'), wrong(ben, 'q5'));
    assert.deepEqual(await shownAlerts(activity), {
      [ben.playerAnimalName]: [
        ['wrong-in-a-row', '3 wrong answers in a row (last: q3 → C)'],
        ['wrong-total', '5 wrong answers in this session (last: q5 → C)'],
      ],
    });
    await acknowledgeAll(activity);
    await send(cy, wrong(cy, 'q1'), wrong(cy, 'q2'), wrong(cy, 'q3'));

    await restart(2 * MIN);
    // Ana's third wrong answer in a row; Ben's sixth in the session (its total was reported, and acknowledged, before).
    await send(ana, wrong(ana, 'q3'));
    await send(ben, wrong(ben, 'q6'));
    // Cy's run goes on: the alert still shown is not raised a second time.
    await send(cy, wrong(cy, 'q4'));
    assert.deepEqual(await shownAlerts(activity), {
      [ana.playerAnimalName]: [['wrong-in-a-row', '3 wrong answers in a row (last: q3 → C)']],
      [ben.playerAnimalName]: [['wrong-in-a-row', '6 wrong answers in a row (last: q6 → C)']],
      [cy.playerAnimalName]: [['wrong-in-a-row', '3 wrong answers in a row (last: q3 → C)']],
    });

    // Ana closes the game with level1 still open, which she started before the restart.
    await end(ana);
    assert.deepEqual(
      (await shownAlerts(activity))[ana.playerAnimalName]?.map(([, message]) => message),
      ['Quit without completing level1', '3 wrong answers in a row (last: q3 → C)'],
    );
    const rows = collector.context.db.prepare('SELECT count(*) AS n FROM alerts WHERE activity_id = ?').get(activity.id) as { n: number };
    assert.equal(rows.n, 6, 'Ben: 2 before and 1 after; Ana: 2; Cy: 1');
  });

  test('idle: the minutes Aula was off are not counted, a student still silent after it is reported', async () => {
    const activity = createActivity(collector.context.db, { name: 'Geometry', game: 'Shape Quest' });
    await setRules(activity, { idle: { enabled: true, minutes: 3 } });
    const dana = await startOk(collector.url, activity.trackingCode);
    const eve = await startOk(collector.url, activity.trackingCode);
    await send(dana, statement(dana, 'initialized', 'level', 'level1'));
    await send(eve, statement(eve, 'initialized', 'level', 'level1'));
    clock += 1 * MIN;
    engine().tick();

    // The laptop's battery runs out; twenty minutes later Aula is started again. (A statement's stored time may be a
    // few seconds past this test's clock, hence the half minutes.)
    await restart(20 * MIN);
    engine().tick();
    assert.deepEqual(await shownAlerts(activity), {}, 'one minute of silence while Aula was watching');
    await send(eve, statement(eve, 'progressed', 'level', 'level1'));
    clock += 2.5 * MIN;
    engine().tick();
    assert.deepEqual(await shownAlerts(activity), { [dana.playerAnimalName]: [['idle', 'Idle for 3 min or more']] });

    // Acknowledged, the same silence is not raised again, neither a second later nor after another restart; once Dana
    // sends and goes silent again, it is.
    await acknowledgeAll(activity);
    clock += 0.25 * MIN;
    engine().tick();
    assert.deepEqual(await shownAlerts(activity), {});
    await restart(1 * MIN);
    engine().tick();
    assert.deepEqual(await shownAlerts(activity), {}, 'Eve: under 3 min of silence while Aula watched; Dana: the silence acknowledged');
    clock += 0.75 * MIN;
    engine().tick();
    assert.deepEqual(await shownAlerts(activity), { [eve.playerAnimalName]: [['idle', 'Idle for 3 min or more']] });
    await send(dana, statement(dana, 'progressed', 'level', 'level1'));
    clock += 3.5 * MIN;
    engine().tick();
    assert.deepEqual(Object.keys(await shownAlerts(activity)).sort(), [dana.playerAnimalName, eve.playerAnimalName].sort());
  });

  test('a bundle imported from a laptop whose clock was a day ahead does not hide the time Aula was off', async () => {
    const activity = createActivity(collector.context.db, { name: 'Music', game: 'Rhythm Quest' });
    await setRules(activity, { idle: { enabled: true, minutes: 3 } });
    const fay = await startOk(collector.url, activity.trackingCode);
    await send(fay, statement(fay, 'initialized', 'level', 'level1'));
    // Another class's laptop, its clock set a day ahead: its statements keep that laptop's stored time when imported.
    const aheadLaptop = await startTestCollector({ now: () => clock + 24 * HOUR });
    const elsewhere = createActivity(aheadLaptop.context.db, { name: 'Art', game: 'Colour Quest' });
    const painter = await startOk(aheadLaptop.url, elsewhere.trackingCode);
    assert.equal((await track(aheadLaptop.url, painter.authToken, [statement(painter, 'initialized', 'level', 'level1')])).status, 200);
    const bundle = Buffer.from(await (await fetch(`${aheadLaptop.url}/admin/api/data/export?format=zip`)).arrayBuffer());
    await aheadLaptop.close();
    const imported = await request(`${collector.url}/admin/api/data/import`, { method: 'POST', headers: { 'Content-Type': 'application/zip' }, body: new Uint8Array(bundle) });
    assert.equal(imported.status, 200, imported.text);
    clock += 1 * MIN;
    engine().tick();

    await restart(20 * MIN);
    engine().tick();
    assert.deepEqual(await shownAlerts(activity), {}, 'one minute of silence while Aula was watching, not twenty-one');
    clock += 2.5 * MIN;
    engine().tick();
    assert.deepEqual(await shownAlerts(activity), { [fay.playerAnimalName]: [['idle', 'Idle for 3 min or more']] });
  });

  test("the next morning, yesterday's sessions are not reported idle; one whose game sends again is watched", async () => {
    const activity = createActivity(collector.context.db, { name: 'History', game: 'Time Quest' });
    await setRules(activity, { idle: { enabled: true, minutes: 3 }, wrongAnswers: { enabled: true, inARow: 2 } });
    const fay = await startOk(collector.url, activity.trackingCode);
    const gus = await startOk(collector.url, activity.trackingCode);
    await send(fay, wrong(fay, 'q1'));
    await send(gus, statement(gus, 'initialized', 'level', 'level1'));
    clock += 1 * MIN;
    await restart(15 * HOUR);
    clock += 5 * MIN;
    engine().tick();
    assert.deepEqual(await shownAlerts(activity), {});
    await send(fay, wrong(fay, 'q2'));
    clock += 3 * MIN;
    engine().tick();
    assert.deepEqual(await shownAlerts(activity), {
      [fay.playerAnimalName]: [
        ['idle', 'Idle for 3 min or more'],
        ['wrong-in-a-row', '2 wrong answers in a row (last: q2 → C)'],
      ],
    });
  });
});

describe("alerts after the laptop's clock was set back", () => {
  test('an hour back during the lesson, then a restart: a silent student is still reported idle', async () => {
    const activity = createActivity(collector.context.db, { name: 'Music', game: 'Tone Quest' });
    await setRules(activity, { idle: { enabled: true, minutes: 3 } });
    const nia = await startOk(collector.url, activity.trackingCode);
    await send(nia, statement(nia, 'initialized', 'level', 'level1'));
    // Windows corrects the clock an hour back once the laptop finds a network; stored times do not go back.
    clock -= HOUR;
    await send(nia, statement(nia, 'progressed', 'level', 'level1'));
    await restart();
    engine().tick();
    assert.deepEqual(await shownAlerts(activity), {});
    clock += 3.5 * MIN;
    engine().tick();
    assert.deepEqual(await shownAlerts(activity), { [nia.playerAnimalName]: [['idle', 'Idle for 3 min or more']] });
    // Past the times stored before the clock went back, for the tests after this one.
    clock += 2 * HOUR;
  });
});

describe('alerts after a day with the rules off', () => {
  test('statements stored while the rules were off (AULA_RULES=off) raise nothing afterwards; their counts go on', async () => {
    await collector.close();
    process.env.AULA_RULES = 'off';
    try {
      collector = await startTestCollector({ dataDir, now: () => clock });
    } finally {
      delete process.env.AULA_RULES;
    }
    const activity = createActivity(collector.context.db, { name: 'Art', game: 'Color Quest' });
    await setRules(activity, { idle: { enabled: true, minutes: 10 }, wrongAnswers: { enabled: true, inARow: 2 } });
    const max = await startOk(collector.url, activity.trackingCode);
    await send(max, wrong(max, 'q1'), wrong(max, 'q2'));
    clock += 5 * MIN;
    await restart(1 * MIN);
    assert.deepEqual(await shownAlerts(activity), {});
    await send(max, wrong(max, 'q3'));
    assert.deepEqual(await shownAlerts(activity), { [max.playerAnimalName]: [['wrong-in-a-row', '3 wrong answers in a row (last: q3 → C)']] });
  });
});

describe('alerts when the laptop sleeps', () => {
  const sleepDir = tempDir();
  let monotonic = 0;
  const clocks = { wall: () => clock, monotonic: () => monotonic };
  /** Aula running for `ms`: both clocks move on, and the rules' timer looks every few seconds. */
  function awake(ms: number): void {
    for (let passed = 0; passed < ms; passed += 5 * SECOND) {
      clock += 5 * SECOND;
      monotonic += 5 * SECOND;
      engine().tick();
    }
  }
  /** The lid closed for `ms`: the wall clock moves on, the monotonic one does not (Linux, macOS). */
  function asleep(ms: number): void {
    clock += ms;
    engine().tick();
  }

  test('the time asleep is not idleness; a student who stays silent after the wake is reported', async () => {
    await collector.close();
    collector = await startTestCollector({ dataDir: sleepDir, now: () => clock });
    engine().watchClocks(clocks);
    const activity = createActivity(collector.context.db, { name: 'Biology', game: 'Cell Quest' });
    await setRules(activity, { idle: { enabled: true, minutes: 3 }, noProgress: { enabled: true, minutes: 5 } });
    const hal = await startOk(collector.url, activity.trackingCode);
    const ivy = await startOk(collector.url, activity.trackingCode);
    await send(hal, statement(hal, 'initialized', 'level', 'level1'));
    await send(ivy, statement(ivy, 'initialized', 'level', 'level1'));
    awake(1 * MIN);
    asleep(40 * MIN);
    assert.deepEqual(await shownAlerts(activity), {}, 'asleep: nobody was silent while Aula watched');
    await send(ivy, statement(ivy, 'progressed', 'level', 'level1', { extensions: { 'https://w3id.org/xapi/seriousgames/extensions/progress': 0.5 } }));
    awake(2 * MIN + 5 * SECOND);
    assert.deepEqual(await shownAlerts(activity), { [hal.playerAnimalName]: [['idle', 'Idle for 3 min or more']] });
    awake(2 * MIN);
    assert.deepEqual(await shownAlerts(activity), {
      [hal.playerAnimalName]: [
        ['idle', 'Idle for 3 min or more'],
        ['no-progress', 'No progress for 5 min'],
      ],
      [ivy.playerAnimalName]: [['idle', 'Idle for 3 min or more']],
    });
  });

  test('after a night asleep, the sessions of the day before are not reported idle; one whose game sends again is', async () => {
    const activity = createActivity(collector.context.db, { name: 'Chemistry', game: 'Lab Quest' });
    await setRules(activity, { idle: { enabled: true, minutes: 3 }, wrongAnswers: { enabled: true, inARow: 2 } });
    const jo = await startOk(collector.url, activity.trackingCode);
    const kim = await startOk(collector.url, activity.trackingCode);
    await send(jo, wrong(jo, 'q1'));
    await send(kim, statement(kim, 'initialized', 'level', 'level1'));
    awake(1 * MIN);
    asleep(14 * HOUR);
    awake(5 * MIN);
    assert.deepEqual(await shownAlerts(activity), {});
    await send(jo, wrong(jo, 'q2'));
    awake(3 * MIN + 5 * SECOND);
    assert.deepEqual(await shownAlerts(activity), {
      [jo.playerAnimalName]: [
        ['idle', 'Idle for 3 min or more'],
        ['wrong-in-a-row', '2 wrong answers in a row (last: q2 → C)'],
      ],
    });
  });

  test('the clock set back an hour while Aula runs: a silent student is still reported idle, in minutes', async () => {
    const activity = createActivity(collector.context.db, { name: 'Drama', game: 'Stage Quest' });
    await setRules(activity, { idle: { enabled: true, minutes: 3 } });
    const ola = await startOk(collector.url, activity.trackingCode);
    await send(ola, statement(ola, 'initialized', 'level', 'level1'));
    awake(1 * MIN);
    clock -= HOUR;
    awake(2 * MIN + 5 * SECOND);
    assert.deepEqual(await shownAlerts(activity), { [ola.playerAnimalName]: [['idle', 'Idle for 3 min or more']] });
    clock += 2 * HOUR;
    engine().tick();
  });

  test('a sleep before a restart is not counted either', async () => {
    const activity = createActivity(collector.context.db, { name: 'Physics', game: 'Force Quest' });
    await setRules(activity, { idle: { enabled: true, minutes: 3 } });
    const lee = await startOk(collector.url, activity.trackingCode);
    await send(lee, statement(lee, 'initialized', 'level', 'level1'));
    awake(1 * MIN);
    asleep(40 * MIN);
    awake(0.5 * MIN);
    // The teacher closes Aula after the wake and opens it again a minute later.
    await collector.close();
    clock += 1 * MIN;
    collector = await startTestCollector({ dataDir: sleepDir, now: () => clock });
    engine().watchClocks(clocks);
    await engine().resumed;
    engine().tick();
    assert.deepEqual(await shownAlerts(activity), {}, 'a minute and a half of silence while Aula watched');
    awake(2 * MIN);
    assert.deepEqual(await shownAlerts(activity), { [lee.playerAnimalName]: [['idle', 'Idle for 3 min or more']] });
  });
});
