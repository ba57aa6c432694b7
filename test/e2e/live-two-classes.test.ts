import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { describe, test } from 'node:test';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import type { Collector } from '../../server/index.js';
import { adminPost, classWith as classWithStudents, loggedInHeaders } from '../support/class-logins.js';
import { makeActivity } from '../support/fixtures.js';
import { startOk } from '../support/rage.js';
import { chromiumMissing, dashboardForSuite } from './browser-support.js';

const run = promisify(execFile);
// js-tracker 0.9.2 logging in with its own Login(), in a process of its own (it patches built-in prototypes).
const DRIVER = path.resolve(import.meta.dirname, '..', 'clients', 'tracker-login-driver.cjs');

// One laptop, two classes in two rooms, each with its activity and tracking code. A student of 1A who types 1B's
// code plays in 1B's activity: 1A's teacher saw them missing, 1B's a stranger among their students, and neither why.
describe("Live's Not started yet on a laptop that serves two classes", { skip: chromiumMissing }, () => {
  let collector: Collector;
  let page: Page;

  dashboardForSuite((opened) => ({ collector, page } = opened));

  const admin = (pathname: string, body?: unknown) => adminPost(collector.url, pathname, body);
  const classWith = (name: string, usernames: string[]) => classWithStudents(collector.url, name, usernames);
  const loggedInStart = async (code: string, username: string) => startOk(collector.url, code, { headers: await loggedInHeaders(collector.url, username) });
  const watch = (activityId: string) => page.locator('#activity-picker').selectOption(activityId);

  test('names where a missing student plays, and who plays here from another class', { timeout: 90_000 }, async () => {
    const classA = await classWith('1A', ['ana', 'ben', 'carla']);
    const classB = await classWith('1B', ['dani']);
    const maths = makeActivity(collector.context.db, { name: '1A maths', classId: classA });
    const history = makeActivity(collector.context.db, { name: '1B history', classId: classB });
    await loggedInStart(maths.trackingCode, 'ana');
    await loggedInStart(history.trackingCode, 'dani');
    // carla, of 1A, types 1B's tracking code into the real tracker.
    const { stdout } = await run(process.execPath, [DRIVER, `${collector.url}/`, history.trackingCode, 'carla', 'pw-carla'], { timeout: 30_000 });
    assert.equal((JSON.parse(stdout.trim().split('\n').at(-1) as string) as { flushed: boolean }).flushed, true, stdout);

    await page.goto(collector.url);
    await watch(maths.id);
    const missing = page.getByRole('region', { name: /Not started yet/ });
    await missing.getByRole('heading', { name: 'Not started yet: 2 of 3 students of 1A' }).waitFor();
    await missing.getByText(`carla — playing 1B history (code ${history.trackingCode}), just now`).waitFor();
    assert.match((await missing.locator('.not-started-names').textContent()) ?? '', /^carla — playing 1B history .*, ben$/, 'carla first');

    await watch(history.id);
    const strangers = page.getByRole('region', { name: /Playing here, not in 1B/ });
    await strangers.getByRole('heading', { name: 'Playing here, not in 1B: 1 student' }).waitFor();
    await strangers.getByText(`carla (class 1A — their class plays 1A maths, code ${maths.trackingCode})`).waitFor();
    assert.equal(await page.getByRole('region', { name: /Not started yet/ }).count(), 0, 'every 1B student plays');
    // Their page is where the teacher erases what they sent here, if it should not stay in 1B's activity.
    await strangers.getByRole('link', { name: 'carla' }).click();
    await page.getByRole('heading', { name: /carla/ }).first().waitFor();
    await page.getByRole('cell', { name: '1B history' }).waitFor();
    await page.getByText(/ · class 1A · player id /).waitFor();
    // A student in both classes says so on their page.
    await admin(`/classes/${classB}/members`, { username: 'ana' });
    const ana = collector.context.db.prepare("SELECT p.id FROM players p JOIN students st ON st.id = p.student_id WHERE st.username = 'ana'").get() as { id: string };
    await page.goto(`${collector.url}/players/${ana.id}`);
    await page.getByText(/ · classes 1A, 1B · player id /).waitFor();
    await page.goto(collector.url);

  });

  test("after the activity was closed and opened again, counts this lesson's sessions only", { timeout: 60_000 }, async () => {
    const classId = await classWith('2C', ['eva', 'fede']);
    const science = makeActivity(collector.context.db, { name: '2C science', classId });
    await loggedInStart(science.trackingCode, 'eva');
    await page.goto(collector.url);
    await watch(science.id);
    const missing = page.getByRole('region', { name: /Not started yet/ });
    await missing.getByRole('heading', { name: 'Not started yet: 1 of 2 students of 2C' }).waitFor();

    // The morning's lesson ends; in the afternoon the activity opens again and only fede comes back so far.
    await admin(`/activities/${science.id}/close`);
    await admin(`/activities/${science.id}/open`);
    await loggedInStart(science.trackingCode, 'fede');
    // Waited for as a whole: the screen passes through the close alone first (the morning's lesson, which eva played).
    await missing.locator('.not-started-names').filter({ hasText: /^eva$/ }).waitFor();
    await missing.getByRole('heading', { name: /^Not started yet since .+: 1 of 2 students of 2C$/ }).waitFor();
    await missing.getByText('This lesson began when the activity was opened again').waitFor();
  });
});
