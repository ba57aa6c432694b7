import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { aula, ROOT, type ServeProcess } from '../support/serve-process.js';
import { chromiumMissing, type DashboardSession, serveDashboard } from './browser-support.js';

const SHOTS = path.join(ROOT, 'test-results', 'classes');
const ANA_PASSWORD = 'Sol-y-Luna-31';
const BEN_PASSWORD = 'Rio-Verde-58';
const BEN_NEW_PASSWORD = 'Mar-Azul-94';

const csvFile = (name: string, lines: string[]) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n'), 'utf8') });

describe('the Classes screen, against a real aula serve', { skip: chromiumMissing }, () => {
  let serve: ServeProcess;
  let page: Page;

  const login = (username: string, password: string) =>
    fetch(`${serve.url}/api/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password }) });
  const usernamesShown = () => page.locator('table.class-students tbody tr[data-username]').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-username')));

  let session: DashboardSession | undefined;
  before(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    session = await serveDashboard({ width: 1280, height: 900 });
    ({ serve, page } = session);
  });

  after(() => session?.close());

  test('a teacher creates a class, adds a student, imports a roster, and sees a refused roster\'s problems', { timeout: 120_000 }, async () => {
    await page.goto(`${serve.url}/`);
    await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'Classes', exact: true }).click();
    await page.getByRole('heading', { name: 'Classes', exact: true }).waitFor();
    await page.getByRole('heading', { name: 'No class yet' }).waitFor();

    // A class: it opens at once, empty, with the login hint naming it.
    await page.getByLabel('Class name').fill('3B');
    await page.getByRole('button', { name: 'Create class' }).click();
    await page.getByRole('heading', { name: 'Class 3B' }).waitFor();
    await page.getByText('No students in this class yet').waitFor();
    await page.locator('.login-hint', { hasText: 'npx aula activity create --name "Fractions" --class "3B" --no-anonymous' }).waitFor();
    assert.match(page.url(), /\/classes\?class=/);

    // The same name again, in another case: the server's reason is shown.
    await page.getByLabel('Class name').fill('3b');
    await page.getByRole('button', { name: 'Create class' }).click();
    await page.getByRole('alert').filter({ hasText: 'Not created: A class named "3B" already exists' }).waitFor();

    // One student by hand.
    await page.getByLabel('Username').fill('Ana.Garcia');
    await page.getByLabel('Password', { exact: true }).fill(ANA_PASSWORD);
    await page.getByLabel('Full name').fill('Ana García');
    await page.getByLabel('Role').selectOption('assistant');
    await page.getByRole('button', { name: 'Add student' }).click();
    await page.getByRole('status').filter({ hasText: 'Added ana.garcia to class 3B' }).waitFor();
    const ana = page.locator('table.class-students tr[data-username="ana.garcia"]');
    await ana.waitFor();
    assert.deepEqual((await ana.locator('td').allTextContents()).slice(0, 3), ['ana.garcia', 'Ana García', 'assistant']);
    assert.equal(await page.getByLabel('Password', { exact: true }).inputValue(), '', 'the form forgets the password');
    await page.getByRole('navigation', { name: 'Classes' }).getByText('0 students, 1 assistant', { exact: true }).waitFor();

    // The same username again: refused with the server's message, nothing added.
    await page.getByLabel('Username').fill('ana.garcia');
    await page.getByLabel('Password', { exact: true }).fill('Another-Pass-1');
    await page.getByRole('button', { name: 'Add student' }).click();
    await page.getByRole('alert').filter({ hasText: 'Not added: A student "ana.garcia" already exists' }).waitFor();
    await page.screenshot({ path: path.join(SHOTS, '01-student-added.png'), fullPage: true });

    // A roster file.
    await page.getByLabel('Roster file (.csv)').setInputFiles(csvFile('3b.csv', ['username;password;name', `ben;${BEN_PASSWORD};Ben Ortiz`, 'carla;Luna-Azul-77']));
    await page.getByRole('button', { name: 'Import students' }).click();
    await page.getByRole('status').filter({ hasText: 'Imported 2 students into class 3B.' }).waitFor();
    await page.locator('table.class-students tr[data-username="carla"]').waitFor();
    assert.deepEqual(await usernamesShown(), ['ana.garcia', 'ben', 'carla']);
    assert.deepEqual((await page.locator('tr[data-username="ben"] td').allTextContents()).slice(0, 3), ['ben', 'Ben Ortiz', 'student']);
    await page.getByRole('navigation', { name: 'Classes' }).getByText('2 students, 1 assistant', { exact: true }).waitFor();

    // A roster with mistakes: every problem by line, and nothing imported (not even its good line).
    await page
      .getByLabel('Roster file (.csv)')
      .setInputFiles(csvFile('wrong.csv', ['username,password,name', 'dani,Good-Pass-12,Dani', 'ben,Other-Pass-34', 'eva lopez,Pass-Word-56', 'fede,']));
    await page.getByRole('button', { name: 'Import students' }).click();
    const refused = page.locator('.roster-refused');
    await refused.getByText('Nothing was imported: 3 problems to fix in the file.').waitFor();
    assert.deepEqual(await refused.locator('li').evaluateAll((items) => items.map((item) => item.getAttribute('data-line'))), ['3', '4', '5']);
    const problems = await refused.locator('li').allTextContents();
    assert.match(problems[0] ?? '', /^Line 3: a student "ben" already exists/);
    assert.match(problems[1] ?? '', /^Line 4: the username "eva lopez" may only hold/);
    assert.match(problems[2] ?? '', /^Line 5: the password of "fede" is missing/);
    await page.screenshot({ path: path.join(SHOTS, '02-roster-refused.png') });
    assert.deepEqual(await usernamesShown(), ['ana.garcia', 'ben', 'carla']);

    // What the teacher sees is what the server has; the game logs in with the accounts made here.
    await page.reload();
    await page.getByRole('heading', { name: 'Class 3B' }).waitFor();
    await page.locator('table.class-students tr[data-username="carla"]').waitFor();
    assert.deepEqual(await usernamesShown(), ['ana.garcia', 'ben', 'carla']);
    assert.equal((await login('ben', BEN_PASSWORD)).status, 200);
    assert.equal((await login('ana.garcia', ANA_PASSWORD)).status, 200);
    assert.equal((await login('dani', 'Good-Pass-12')).status, 401, 'the refused roster created nobody');
    assert.ok(!(await page.content()).includes(ANA_PASSWORD), 'no password on the page');
  });

  test('a teacher resets a forgotten password and takes a student out of the class; the account stays', { timeout: 120_000 }, async () => {
    await page.getByRole('heading', { name: 'Class 3B' }).waitFor();

    // Reset ben's password: a refused one first, with the server's reason, then a good one.
    await page.getByRole('button', { name: 'Reset password of ben…' }).click();
    const form = page.getByRole('form', { name: 'Reset the password of ben' });
    const field = form.getByLabel('New password for ben');
    await field.fill('Mal"Pass-1');
    await form.getByRole('button', { name: 'Set new password' }).click();
    await form.getByRole('alert').filter({ hasText: 'Not changed: The password contains "' }).waitFor();
    assert.equal((await login('ben', BEN_PASSWORD)).status, 200, 'the refused password changed nothing');

    await field.fill(BEN_NEW_PASSWORD);
    assert.equal(await field.getAttribute('type'), 'password');
    await form.getByLabel('Show').check();
    assert.equal(await field.getAttribute('type'), 'text', 'the teacher can check what was typed');
    await form.getByRole('button', { name: 'Set new password' }).click();
    await form.getByRole('status').filter({ hasText: 'New password set for ben: the old one no longer logs in, and a game already logged in must log in again.' }).waitFor();
    assert.equal(await field.inputValue(), '', 'the form forgets the password');
    assert.equal(await form.getByRole('alert').count(), 0, 'the earlier refusal is gone');
    await page.screenshot({ path: path.join(SHOTS, '03-password-reset.png'), fullPage: true });
    assert.equal((await login('ben', BEN_PASSWORD)).status, 401, 'the old password no longer logs in');
    assert.equal((await login('ben', BEN_NEW_PASSWORD)).status, 200);
    await form.getByRole('button', { name: 'Close' }).click();
    await form.waitFor({ state: 'detached' });

    // Remove carla: the confirmation says her data stays; Cancel keeps her.
    await page.getByRole('button', { name: 'Remove carla from class…' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Remove carla from class 3B' });
    await confirm.getByText("The student's account and everything they already played stay").waitFor();
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await confirm.waitFor({ state: 'detached' });
    assert.deepEqual(await usernamesShown(), ['ana.garcia', 'ben', 'carla']);

    await page.getByRole('button', { name: 'Remove carla from class…' }).click();
    await page.screenshot({ path: path.join(SHOTS, '04-remove-confirm.png') });
    await confirm.getByRole('button', { name: 'Yes, remove from class' }).click();
    await page.getByRole('status').filter({ hasText: 'Removed carla from class 3B. The account and everything carla played stay.' }).waitFor();
    await page.locator('table.class-students tr[data-username="carla"]').waitFor({ state: 'detached' });
    assert.deepEqual(await usernamesShown(), ['ana.garcia', 'ben']);
    await page.getByRole('navigation', { name: 'Classes' }).getByText('1 student, 1 assistant', { exact: true }).waitFor();

    // What the server has: carla out of the class, her account still there; no password on the page.
    await page.reload();
    await page.locator('table.class-students tr[data-username="ben"]').waitFor();
    assert.deepEqual(await usernamesShown(), ['ana.garcia', 'ben']);
    const classes = (await (await fetch(`${serve.url}/admin/api/classes/summary`)).json()) as { classes: Array<{ name: string; students: number }> };
    assert.equal(classes.classes.find((c) => c.name === '3B')?.students, 1, 'ana.garcia is an assistant, not one of its students');
    assert.equal((await login('carla', 'Luna-Azul-77')).status, 200, 'the account stays');
    assert.ok(!(await page.content()).includes(BEN_NEW_PASSWORD), 'no password on the page');
  });

  test('a teacher adds existing accounts to a second class: suggestions, the server\'s refusals, the list refreshing', { timeout: 120_000 }, async () => {
    const suggestions = () => page.locator('datalist.join-candidates option').evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));
    await page.getByLabel('Class name').fill('Science');
    await page.getByRole('button', { name: 'Create class' }).click();
    await page.getByRole('heading', { name: 'Class Science' }).waitFor();
    await page.getByText('No students in this class yet').waitFor();

    // Every account not in this class is suggested, carla too (in no class since she was removed from 3B).
    const form = page.getByRole('form', { name: 'Add an existing student' });
    await page.waitForFunction(() => document.querySelectorAll('datalist.join-candidates option').length === 3);
    assert.deepEqual(await suggestions(), ['ana.garcia', 'ben', 'carla']);
    assert.equal(await page.locator('datalist.join-candidates option[value="ben"]').textContent(), 'Ben Ortiz · in 3B');

    // A username that is no account: the server's reason, nothing added.
    await form.getByLabel('Existing account').fill('nobody');
    await form.getByRole('button', { name: 'Add to class' }).click();
    await form.getByRole('alert').filter({ hasText: 'Not added: There is no student "nobody"' }).waitFor();

    await form.getByLabel('Existing account').fill('Carla');
    await form.getByLabel('In this class as').selectOption('assistant');
    await form.getByRole('button', { name: 'Add to class' }).click();
    await form.getByRole('status').filter({ hasText: 'carla is now in class Science. The game logs in with the same username and password' }).waitFor();
    assert.equal(await form.getByRole('alert').count(), 0, 'the earlier refusal is gone');
    await page.locator('table.class-students tr[data-username="carla"]').waitFor();
    assert.deepEqual((await page.locator('tr[data-username="carla"] td').allTextContents()).slice(0, 3), ['carla', '—', 'assistant']);
    await page.waitForFunction(() => document.querySelectorAll('datalist.join-candidates option').length === 2);
    assert.deepEqual(await suggestions(), ['ana.garcia', 'ben'], 'carla is no longer suggested');

    await form.getByLabel('Existing account').fill('ben');
    await form.getByRole('button', { name: 'Add to class' }).click();
    await page.locator('table.class-students tr[data-username="ben"]').waitFor();
    assert.deepEqual(await usernamesShown(), ['ben', 'carla']);
    await page.getByRole('navigation', { name: 'Classes' }).locator('li', { hasText: 'Science' }).getByText('1 student, 1 assistant', { exact: true }).waitFor();

    // Already in the class: refused with the server's reason, and carla keeps her role.
    await form.getByLabel('Existing account').fill('carla');
    await form.getByRole('button', { name: 'Add to class' }).click();
    await form.getByRole('alert').filter({ hasText: 'Not added: carla is already in class Science (as assistant)' }).waitFor();
    await page.screenshot({ path: path.join(SHOTS, '05-existing-student.png'), fullPage: true });

    // What the server has: ben in both classes, carla back in a class, with their old passwords.
    await page.reload();
    await page.locator('table.class-students tr[data-username="carla"]').waitFor();
    assert.deepEqual(await usernamesShown(), ['ben', 'carla']);
    assert.deepEqual((await page.locator('tr[data-username="carla"] td').allTextContents())[2], 'assistant');
    const accounts = (await (await fetch(`${serve.url}/admin/api/students`)).json()) as { students: Array<{ username: string; classes: Array<{ name: string }> }> };
    assert.deepEqual(
      accounts.students.map((s) => [s.username, s.classes.map((c) => c.name)]),
      [
        ['ana.garcia', ['3B']],
        ['ben', ['3B', 'Science']],
        ['carla', ['Science']],
      ],
    );
    assert.equal((await login('carla', 'Luna-Azul-77')).status, 200);
    assert.equal((await login('ben', BEN_NEW_PASSWORD)).status, 200);
  });
  test('a teacher renames and deletes a class; a class another tab creates or deletes shows without a reload', { timeout: 120_000 }, async () => {
    const api = (path: string, init: RequestInit = {}) => fetch(`${serve.url}/admin/api${path}`, init);
    const nav = page.getByRole('navigation', { name: 'Classes' });
    const classNames = () => nav.locator('.class-name').allTextContents();
    const summary = async () => ((await (await api('/classes/summary')).json()) as { classes: Array<{ id: string; name: string }> }).classes;
    const idOf = async (name: string) => (await summary()).find((c) => c.name === name)?.id as string;
    await page.getByRole('heading', { name: 'Class Science' }).waitFor();

    // A name another class has, in another case: the server's reason, nothing renamed.
    await page.getByRole('button', { name: 'Rename class Science…' }).click();
    const rename = page.getByRole('form', { name: 'Rename class Science' });
    const field = rename.getByLabel('New name for class Science');
    assert.equal(await field.inputValue(), 'Science', 'starts from the current name');
    await field.fill('3b');
    await rename.getByRole('button', { name: 'Rename', exact: true }).click();
    await rename.getByRole('alert').filter({ hasText: 'Not renamed: A class named "3B" already exists' }).waitFor();

    await field.fill('Science 4B');
    await rename.getByRole('button', { name: 'Rename', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Renamed class Science to Science 4B. Its students and activities stay with it.' }).waitFor();
    await page.getByRole('heading', { name: 'Class Science 4B' }).waitFor();
    await nav.getByText('Science 4B', { exact: true }).waitFor();
    assert.deepEqual(await usernamesShown(), ['ben', 'carla'], 'the students stay');
    await page.screenshot({ path: path.join(SHOTS, '06-class-renamed.png'), fullPage: true });

    // Another tab (here: the API, as the dashboard in another window would) creates a class: it appears, no reload.
    const created = await api('/classes', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name: 'Art 2C' }) });
    assert.equal(created.status, 201);
    await nav.getByText('Art 2C', { exact: true }).waitFor();
    assert.deepEqual(await classNames(), ['3B', 'Art 2C', 'Science 4B']);
    // …and a student it adds to the open class shows in its list.
    const scienceId = await idOf('Science 4B');
    const joined = await api(`/classes/${scienceId}/members`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'ana.garcia' }) });
    assert.equal(joined.status, 201);
    await page.locator('table.class-students tr[data-username="ana.garcia"]').waitFor();
    assert.deepEqual(await usernamesShown(), ['ana.garcia', 'ben', 'carla']);

    // A class with an activity: the confirmation warns, and the server's refusal names the activity.
    const threeB = await idOf('3B');
    const activity = await api('/activities', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'Fractions 3B', classId: threeB, allowAnonymous: false }),
    });
    assert.equal(activity.status, 201);
    await nav.locator('button', { hasText: '3B' }).click();
    await page.getByRole('heading', { name: 'Class 3B' }).waitFor();
    await page.getByRole('button', { name: 'Delete class 3B…' }).click();
    const refuse = page.getByRole('alertdialog', { name: 'Delete class 3B' });
    await refuse.getByText('1 activity is linked to it: Aula keeps the class until they have another class or none (Activities, Change).').waitFor();
    await refuse.getByRole('button', { name: 'Yes, delete class' }).click();
    await refuse.getByRole('alert').filter({ hasText: 'Class 3B is not deleted: activity "Fractions 3B" is linked to it.' }).waitFor();
    await page.screenshot({ path: path.join(SHOTS, '07-delete-refused.png') });
    await refuse.getByRole('button', { name: 'Close' }).click();
    await refuse.waitFor({ state: 'detached' });
    assert.deepEqual(await classNames(), ['3B', 'Art 2C', 'Science 4B']);

    // A class without activities: Cancel keeps it; Yes deletes it, its memberships only.
    await nav.locator('button', { hasText: 'Science 4B' }).click();
    await page.getByRole('heading', { name: 'Class Science 4B' }).waitFor();
    await page.getByRole('button', { name: 'Delete class Science 4B…' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Delete class Science 4B' });
    await confirm.getByText('Its 3 memberships go: the student accounts stay, with everything they already played').waitFor();
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await confirm.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Delete class Science 4B…' }).click();
    await confirm.getByRole('button', { name: 'Yes, delete class' }).click();
    await page.getByRole('status').filter({ hasText: 'Deleted class Science 4B. Its student accounts stay' }).waitFor();
    await nav.getByText('Science 4B', { exact: true }).waitFor({ state: 'detached' });
    assert.deepEqual(await classNames(), ['3B', 'Art 2C']);
    assert.doesNotMatch(page.url(), /class=/, 'no class is open any more');
    await page.screenshot({ path: path.join(SHOTS, '08-class-deleted.png'), fullPage: true });

    // Another tab deletes a class: it goes from the list, no reload.
    const artId = await idOf('Art 2C');
    assert.equal((await api(`/classes/${artId}`, { method: 'DELETE' })).status, 200);
    await nav.getByText('Art 2C', { exact: true }).waitFor({ state: 'detached' });
    assert.deepEqual(await classNames(), ['3B']);

    // What the server has: the accounts all stay, in the classes they still have.
    const accounts = (await (await api('/students')).json()) as { students: Array<{ username: string; classes: Array<{ name: string }> }> };
    assert.deepEqual(
      accounts.students.map((s) => [s.username, s.classes.map((c) => c.name)]),
      [
        ['ana.garcia', ['3B']],
        ['ben', ['3B']],
        ['carla', []],
      ],
    );
    assert.equal((await login('carla', 'Luna-Azul-77')).status, 200, 'the account stays');
    await page.reload();
    await nav.getByText('3B', { exact: true }).waitFor();
    assert.deepEqual(await classNames(), ['3B']);
  });

  test('the activity that kept a class is given no class on the Activities screen, then the class can be deleted, then the unplayed activity; one made in a terminal shows up', { timeout: 60_000 }, async () => {
    await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'Activities', exact: true }).click();
    const row = page.locator('.activities-table tbody tr[data-activity-id]', { hasText: 'Fractions 3B' });
    await row.getByText('class 3B · students only').waitFor();
    await row.getByRole('button', { name: 'Change Fractions 3B' }).click();
    const form = page.getByRole('form', { name: 'Change Fractions 3B' });
    assert.equal(await form.getByLabel('Class').inputValue(), await form.getByLabel('Class').locator('option', { hasText: '3B' }).getAttribute('value'));
    // Nothing changed yet: nothing to save. No class and no anonymous players: no one could play; the form says so.
    assert.equal(await form.getByRole('button', { name: 'Save' }).isDisabled(), true);
    await form.getByLabel('Class').selectOption({ label: 'no class (anyone)' });
    await form.getByText('With no class and no anonymous players, no game can join this activity.').waitFor();
    await form.getByLabel('Allow anonymous players').check();
    await form.getByLabel('Name').fill('Fractions, open day');
    await page.screenshot({ path: path.join(SHOTS, '09-activity-change.png') });
    await form.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved “Fractions, open day”. Its tracking code is still' }).waitFor();
    await form.waitFor({ state: 'detached' });
    const changed = page.locator('.activities-table tbody tr[data-activity-id]', { hasText: 'Fractions, open day' });
    assert.equal((await changed.locator('.muted.small').first().textContent())?.trim(), 'Fractions 3B', 'the game stays, no class, anonymous players allowed');

    await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'Classes', exact: true }).click();
    const nav = page.getByRole('navigation', { name: 'Classes' });
    await nav.locator('button', { hasText: '3B' }).click();
    await page.getByRole('button', { name: 'Delete class 3B…' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Delete class 3B' });
    await confirm.getByRole('button', { name: 'Yes, delete class' }).click();
    await page.getByRole('status').filter({ hasText: 'Deleted class 3B.' }).waitFor();
    await nav.getByText('3B', { exact: true }).waitFor({ state: 'detached' });

    // No game has played it: it can be deleted, after a question.
    await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'Activities', exact: true }).click();
    await page.getByRole('button', { name: 'Change Fractions, open day' }).click();
    await page.getByRole('button', { name: 'Delete activity…' }).click();
    const ask = page.getByRole('alertdialog', { name: 'Delete activity Fractions, open day' });
    await ask.getByText('No game has played it.').waitFor();
    await ask.getByRole('button', { name: 'Yes, delete activity' }).click();
    await page.getByRole('status').filter({ hasText: 'Deleted activity Fractions, open day. Its tracking code' }).waitFor();
    await page.getByRole('heading', { name: 'No activity yet' }).waitFor();

    // The README's other way, in a terminal beside the running server: the screen follows without a reload.
    await aula(['activity', 'create', '--name', 'From the terminal', '--data-dir', serve.dataDir]);
    await page.locator('.activities-table tbody tr[data-activity-id]', { hasText: 'From the terminal' }).waitFor();
  });
});
