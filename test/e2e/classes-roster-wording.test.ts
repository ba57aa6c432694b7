import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import type { Collector } from '../../server/index.js';
import { postJson } from '../support/http.js';
import { startOk } from '../support/rage.js';
import { runAula } from '../support/run-aula.js';
import { chromiumMissing, dashboardForSuite } from './browser-support.js';

// What Excel's "CSV" writes on a Spanish Windows: Windows-1252 bytes (ñ is 0xF1, € 0x80), not UTF-8.
const ansi = (text: string) => Buffer.from([...text].map((c) => (c === '€' ? 0x80 : (c.codePointAt(0) as number))));

/** Two classes as a teacher has them: Maths 3B with students and its teacher, and 4A; david has played. */
async function setUp(collector: Collector): Promise<void> {
  const aula = async (...args: string[]) => {
    const run = await runAula([...args, '--data-dir', collector.config.dataDir]);
    assert.equal(run.code, 0, run.stderr);
    return run.stdout;
  };
  await aula('class', 'create', '--name', 'Maths 3B');
  await aula('class', 'create', '--name', '4A');
  for (const username of ['ana', 'ben', 'david']) await aula('student', 'add', username, '--password', `Clave-${username}-77`, '--class', 'Maths 3B');
  await aula('student', 'add', 'profe', '--password', 'Tiza-Verde-88', '--class', 'Maths 3B', '--role', 'teacher');
  // Ben is moved: out of Maths 3B, into 4A later from the dashboard.
  await aula('student', 'remove', 'ben', '--class', 'Maths 3B');
  const activity = JSON.parse(await aula('activity', 'create', '--name', 'Fractions', '--json')) as { trackingCode: string };
  const login = await postJson(`${collector.url}/api/login`, { username: 'david', password: 'Clave-david-77' });
  await startOk(collector.url, activity.trackingCode, { headers: { Authorization: `Bearer ${(login.json as { user: { token: string } }).user.token}` } });
}

const openClass = async (page: Page, name: string, heading: string) => {
  await page.locator('nav.card .class-list button', { hasText: name }).click();
  await page.getByRole('heading', { name: heading }).waitFor();
};

describe('the Classes screen: roster encodings, counts and wording', { skip: chromiumMissing }, () => {
  let collector: Collector;
  let page: Page;
  dashboardForSuite((dashboard) => {
    ({ collector, page } = dashboard);
  });

  test('a teacher reads counts that match Live, imports an Excel roster from a Spanish Windows, and is pointed to the right place', { timeout: 120_000 }, async () => {
    await setUp(collector);
    await page.goto(`${collector.url}/classes`);
    const list = page.getByRole('navigation', { name: 'Classes' });
    await list.locator('button', { hasText: 'Maths 3B' }).getByText('2 students, 1 teacher', { exact: true }).waitFor();
    await openClass(page, 'Maths 3B', 'Class Maths 3B');
    await page.locator('.class-panel p.muted.small', { hasText: /^2 students, 1 teacher · 0 activities linked/ }).waitFor();

    // A roster saved by Excel as "CSV" on a Spanish Windows: its ñ and € are Windows-1252 bytes.
    await page
      .getByLabel('Roster file (.csv)')
      .setInputFiles({ name: 'ansi.csv', mimeType: 'text/csv', buffer: ansi('usuario;contraseña;nombre\njulia;piña-€-42;Julia Muñoz\n') });
    await page.getByRole('button', { name: 'Import students' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Imported 1 student into class Maths 3B. The file is not UTF-8: it was read as Windows-1252, as Excel saves CSV on Windows.' })
      .waitFor();
    await page.locator('tr[data-username="julia"] td', { hasText: 'Julia Muñoz' }).waitFor();
    assert.equal((await postJson(`${collector.url}/api/login`, { username: 'julia', password: 'piña-€-42' })).status, 200, 'her password logs in');
    await list.locator('button', { hasText: 'Maths 3B' }).getByText('3 students, 1 teacher', { exact: true }).waitFor();

    // An account whose data is still in Aula: the refusal links the player's page that erases it.
    await page.getByRole('button', { name: 'Delete the account of david…' }).click();
    await page.getByRole('button', { name: 'Yes, delete account' }).click();
    const refusal = page.getByRole('alertdialog', { name: 'Delete the account of david' }).getByRole('alert');
    await refusal.filter({ hasText: 'Nothing deleted: david still has data in Aula (1 session).' }).waitFor();
    const link = refusal.getByRole('link', { name: "Open david's player page to erase the data" });
    assert.equal(await link.getAttribute('href'), '/players/david');
    await link.click();
    await page.waitForURL(/\/players\/david$/);
    await page.goBack();

    // In 4A: a username that exists is not added again, and the teacher is told where to add the account.
    await openClass(page, '4A', 'Class 4A');
    const add = page.getByRole('form', { name: 'Add a student' });
    await add.getByLabel('Username').fill('ana');
    await add.getByLabel('Password', { exact: true }).fill('Otra-Clave-52');
    await add.getByRole('button', { name: 'Add student' }).click();
    await add
      .getByRole('alert')
      .filter({ hasText: 'Not added: A student "ana" already exists (usernames are unique across all classes). To put that account in class 4A too, use Add an existing student below.' })
      .waitFor();

    // Ben, moved out of Maths 3B, is now only in 4A: no "too". Ana, still in Maths 3B, is in 4A too.
    const join = page.getByRole('form', { name: 'Add an existing student' });
    await join.getByLabel('Existing account').fill('ben');
    await join.getByRole('button', { name: 'Add to class' }).click();
    const joined = join.getByRole('status');
    await joined.filter({ hasText: 'ben is now in class 4A. The game logs in with the same username and password as before.' }).waitFor();
    await join.getByLabel('Existing account').fill('ana');
    await join.getByRole('button', { name: 'Add to class' }).click();
    await joined.filter({ hasText: 'ana is now in class 4A too (and still in Maths 3B).' }).waitFor();
  });
});

describe('the same counts and wording in Spanish', { skip: chromiumMissing }, () => {
  let collector: Collector;
  let page: Page;
  dashboardForSuite(
    (dashboard) => {
      ({ collector, page } = dashboard);
    },
    { locale: 'es-ES' },
  );

  test('a Spanish dashboard counts the teacher apart and says "también" only for a student in other classes too', { timeout: 120_000 }, async () => {
    await setUp(collector);
    await page.goto(`${collector.url}/classes`);
    const list = page.getByRole('navigation', { name: 'Clases' });
    await list.locator('button', { hasText: 'Maths 3B' }).getByText('2 alumnos, 1 docente', { exact: true }).waitFor();
    await openClass(page, '4A', 'Clase 4A');
    const join = page.locator('form[aria-labelledby="join-student-title"]');
    await join.locator('input[name="existing-username"]').fill('ben');
    await join.locator('button[type="submit"]').click();
    await join.getByRole('status').filter({ hasText: 'ben está ahora en la clase 4A. El juego' }).waitFor();
    await join.locator('input[name="existing-username"]').fill('ana');
    await join.locator('button[type="submit"]').click();
    await join.getByRole('status').filter({ hasText: 'ana está ahora también en la clase 4A (y sigue en Maths 3B).' }).waitFor();

    await openClass(page, 'Maths 3B', 'Clase Maths 3B');
    await page.getByRole('button', { name: 'Eliminar la cuenta de david…' }).click();
    await page.locator('.confirm-action .button-danger').click();
    await page.locator('.confirm-action').getByRole('link', { name: 'Abrir la página de jugador de david para borrar sus datos' }).waitFor();
  });
});
