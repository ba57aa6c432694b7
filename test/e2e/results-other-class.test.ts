import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { describe, test } from 'node:test';
import { promisify } from 'node:util';
import type { ActivityResults } from '../../server/admin/api-types.js';
import type { Collector } from '../../server/index.js';
import { classWith as classWithStudents, loggedInHeaders } from '../support/class-logins.js';
import { makeActivity } from '../support/fixtures.js';
import { request } from '../support/http.js';
import { type StartAnswer, startOk, track } from '../support/rage.js';
import { type CollectorDashboard, chromiumMissing, dashboardForSuite } from './browser-support.js';

const run = promisify(execFile);
// js-tracker 0.9.2 logging in with its own Login(), in a process of its own (it patches built-in prototypes).
const DRIVER = path.resolve(import.meta.dirname, '..', 'clients', 'tracker-login-driver.cjs');
const TYPES = 'https://w3id.org/xapi/seriousgames/activity-types/';

// One laptop, 1A and 1B: carla, of 1A, typed 1B's tracking code. 1B's Results listed her as one of 1B's students and
// counted her in 1B's figures: the teacher read a completion rate and level averages that were partly 1A's.
describe("Results marks a student of another class and leaves them out of the class's figures", { skip: chromiumMissing }, () => {
  let collector: Collector;
  let dashboard: CollectorDashboard | undefined;

  dashboardForSuite((opened) => {
    dashboard = opened;
    ({ collector } = opened);
  });

  const classWith = (name: string, usernames: string[]) => classWithStudents(collector.url, name, usernames);
  const loggedInStart = async (code: string, username: string) => startOk(collector.url, code, { headers: await loggedInHeaders(collector.url, username) });
  const statement = (start: StartAnswer, verb: string, object: string, type: string, result?: Record<string, unknown>) => ({
    actor: start.actor,
    verb: { id: `http://adlnet.gov/expapi/verbs/${verb}` },
    object: { id: `${start.objectId}/${object}`, definition: { type: `${TYPES}${type}` } },
    timestamp: new Date().toISOString(),
    ...(result ? { result } : {}),
  });

  test('in the JSON, the CSV and the screen', { timeout: 90_000 }, async () => {
    const classA = await classWith('1A', ['carla']);
    const classB = await classWith('1B', ['dani', 'eli']);
    makeActivity(collector.context.db, { name: '1A maths', classId: classA });
    const history = makeActivity(collector.context.db, { name: '1B history', classId: classB });
    // dani, of 1B, completes level1 (score 3) and the game.
    const dani = await loggedInStart(history.trackingCode, 'dani');
    const played = await track(collector.url, dani.authToken, [
      statement(dani, 'completed', 'level/level1', 'level', { score: { raw: 3 } }),
      statement(dani, 'completed', 'game/g', 'serious-game', { success: true }),
    ]);
    assert.equal(played.status, 200, played.text);
    // carla, of 1A, types 1B's tracking code into the real tracker, which completes level1 and not the game.
    const { stdout } = await run(process.execPath, [DRIVER, `${collector.url}/`, history.trackingCode, 'carla', 'pw-carla'], { timeout: 30_000 });
    assert.equal((JSON.parse(stdout.trim().split('\n').at(-1) as string) as { flushed: boolean }).flushed, true, stdout);

    const answer = await request(`${collector.url}/admin/api/activities/${history.id}/results`);
    assert.equal(answer.status, 200, answer.text);
    const results = answer.json as ActivityResults;
    assert.deepEqual(
      results.students.map((student) => [student.player.username, student.fromOtherClass]),
      [
        ['carla', { classes: ['1A'] }],
        ['dani', null],
      ],
      'carla is listed, marked with her class',
    );
    assert.equal(results.aggregates.students, 1, "1B's figures are 1B's players'");
    assert.equal(results.aggregates.completionRate, 1, 'dani, the one 1B student who played, finished');
    assert.deepEqual(
      results.aggregates.objects.map((object) => [object.name, object.students, object.completed, object.averageScore]),
      [
        ['g', 1, 1, null],
        ['level1', 1, 1, 3],
      ],
      "carla's level1 is not in 1B's",
    );

    const csv = await request(`${collector.url}/admin/api/activities/${history.id}/results.csv`);
    const [header, ...rows] = csv.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/)
      .map((line) => line.split(','));
    assert.deepEqual(header?.slice(-2), ['player_id', 'other_class'], 'the marker comes after player_id');
    assert.deepEqual(
      rows.map((row) => [row[0], row.at(-2), row.at(-1)]),
      [
        ['carla', 'carla', '1A'],
        ['dani', 'dani', ''],
        ['eli', 'eli', ''],
      ],
    );

    const page = dashboard?.page;
    assert.ok(page);
    await page.goto(`${collector.url}/results`);
    await page.locator('#results-activity').selectOption(history.id);
    const carla = page.locator('.results-table tbody tr').filter({ hasText: 'carla' });
    await carla.getByText('not in 1B — class 1A').waitFor();
    assert.equal(await page.locator('.results-table tbody tr').filter({ hasText: 'dani' }).getByText(/not in 1B/).count(), 0);
    await page
      .getByText(
        `100 % of 1 player finished the game. Not counted: 1 student of another class, who played with this activity's tracking code (marked "not in 1B").`,
      )
      .waitFor();
  });
});
