import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import type { Collector } from '../../server/index.js';
import { postJson } from '../support/http.js';
import { chromiumMissing, dashboardForSuite } from './browser-support.js';
import { aula, gameAddress, twoClassesWithActivities } from './login-slip-support.js';

const csvFile = (lines: string[]) => ({ name: 'roster.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n'), 'utf8') });

async function importRoster(page: Page, className: string, lines: string[], importButton: string, imported: string): Promise<void> {
  await page.locator('nav.card .class-list button', { hasText: className }).click();
  await page.locator('.class-panel h2', { hasText: className }).first().waitFor();
  await page.locator('input[type=file][name=roster]').setInputFiles(csvFile(lines));
  await page.getByRole('button', { name: importButton }).click();
  await page.getByRole('status').filter({ hasText: imported }).waitFor();
}

describe('the Classes screen: login slips right after a roster import', { skip: chromiumMissing }, () => {
  let collector: Collector;
  let page: Page;
  dashboardForSuite((dashboard) => {
    ({ collector, page } = dashboard);
  });

  test('the teacher prints one slip per student with the password, the open activity’s code and the address, and the passwords are gone after', { timeout: 120_000 }, async () => {
    const { fractions, closed, otherClass } = await twoClassesWithActivities(collector);

    await page.goto(`${collector.url}/classes`);
    // A Spanish spreadsheet's header, a username typed with capitals, a student without a name, a quoted password with the separator in it.
    await importRoster(
      page,
      'Maths 3B',
      ['usuario;contraseña;nombre', 'ana;Clave-Ana-71;Ana Pérez', 'Ben;"Clave;Ben-72";', 'carla;Clave-Carla-73;Carla Ruiz'],
      'Import students',
      'Imported 3 students into class Maths 3B.',
    );
    const print = page.getByRole('button', { name: 'Print login slips' });
    await print.waitFor();
    assert.match(
      (await page.locator('#roster-slips-only-now').textContent()) ?? '',
      /This is the only time Aula can show these passwords: it keeps only their hashes\./,
    );

    await print.click();
    const view = page.getByRole('dialog', { name: 'Login slips for class Maths 3B' });
    await view.waitFor();
    const address = await gameAddress(page);
    const expected = [
      { username: 'ana', password: 'Clave-Ana-71', name: 'Ana Pérez' },
      { username: 'ben', password: 'Clave;Ben-72', name: null },
      { username: 'carla', password: 'Clave-Carla-73', name: 'Carla Ruiz' },
    ];
    await view.locator('.login-slip-code').first().waitFor();
    assert.deepEqual(await view.locator('.login-slip').evaluateAll((slips) => slips.map((slip) => slip.getAttribute('data-username'))), ['ana', 'ben', 'carla']);
    for (const student of expected) {
      const slip = view.locator(`.login-slip[data-username="${student.username}"]`);
      assert.equal(await slip.locator('.login-slip-class').textContent(), 'Class Maths 3B');
      assert.equal(await slip.locator('.login-slip-username').textContent(), student.username);
      assert.equal(await slip.locator('.login-slip-password').textContent(), student.password);
      assert.equal(await slip.locator('.login-slip-name').count(), student.name ? 1 : 0);
      if (student.name) assert.equal(await slip.locator('.login-slip-name').textContent(), student.name);
      assert.equal(await slip.locator('.login-slip-address').textContent(), address);
      // The class's open activity only: not its closed one, nor another class's.
      assert.deepEqual(await slip.locator('.login-slip-code').allTextContents(), [`${fractions} (Fractions)`]);
      const text = (await slip.textContent()) ?? '';
      assert.ok(!text.includes(closed) && !text.includes(otherClass), text);
      // What the slip says logs the student in.
      const login = await postJson(`${collector.url}/api/login`, { username: student.username, password: student.password });
      assert.equal(login.status, 200, `${student.username} logs in with the slip's password`);
    }

    // On paper: the slips alone, without the dashboard's header and navigation or the slips' own buttons.
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.getByRole('navigation', { name: 'Screens' }).isVisible(), false, 'the navigation is not printed');
    assert.equal(await page.locator('header.header').isVisible(), false, 'the header is not printed');
    assert.equal(await view.getByRole('button', { name: 'Print' }).isVisible(), false, 'the buttons are not printed');
    assert.equal(await view.locator('.login-slip[data-username="carla"]').isVisible(), true, 'the slips are printed');
    await page.emulateMedia({ media: 'screen' });
    assert.equal(await page.getByRole('navigation', { name: 'Screens' }).isVisible(), true);

    // Back to the class; the slips can be opened again until the teacher leaves.
    await view.getByRole('button', { name: 'Back' }).click();
    await view.waitFor({ state: 'detached' });
    await print.waitFor();

    // Another screen and back: the passwords are gone, kept nowhere.
    await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'Activities' }).click();
    await page.waitForURL(/\/activities$/);
    await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'Classes' }).click();
    await page.locator('nav.card .class-list button', { hasText: 'Maths 3B' }).click();
    await page.locator('tr[data-username="carla"]').waitFor();
    assert.equal(await page.getByRole('button', { name: 'Print login slips' }).count(), 0);
    const kept = await page.evaluate(() => `${document.body.innerHTML}${JSON.stringify({ ...localStorage })}${JSON.stringify({ ...sessionStorage })}`);
    for (const { password } of expected) assert.ok(!kept.includes(password), `${password} is not kept`);
  });

  test('a class without an open activity: the slips say to ask the teacher for the code', { timeout: 60_000 }, async () => {
    await aula(collector, 'class', 'create', '--name', '5C');
    await aula(collector, 'activity', 'create', '--name', 'Closed one', '--class', '5C', '--closed');
    await page.goto(`${collector.url}/classes`);
    await importRoster(page, '5C', ['dora,Clave-Dora-74,Dora Gil'], 'Import students', 'Imported 1 student into class 5C.');
    await page.getByRole('button', { name: 'Print login slips' }).click();
    const slip = page.getByRole('dialog', { name: 'Login slips for class 5C' }).locator('.login-slip[data-username="dora"]');
    await slip.locator('.login-slip-no-code').filter({ hasText: 'Ask your teacher for the tracking code.' }).waitFor();
    assert.equal(await slip.locator('.login-slip-code').count(), 0);
    assert.equal(await slip.locator('.login-slip-password').textContent(), 'Clave-Dora-74');
  });
});

describe('login slips in Spanish', { skip: chromiumMissing }, () => {
  let collector: Collector;
  let page: Page;
  dashboardForSuite(
    (dashboard) => {
      ({ collector, page } = dashboard);
    },
    { locale: 'es-ES' },
  );

  test('the button, its warning and the slips speak the dashboard’s language', { timeout: 60_000 }, async () => {
    await aula(collector, 'class', 'create', '--name', '2B');
    await page.goto(`${collector.url}/classes`);
    await importRoster(page, '2B', ['eva;Clave-Eva-75;Eva Sanz'], 'Importar alumnos', 'Se ha importado 1 alumno a la clase 2B.');
    assert.match((await page.locator('#roster-slips-only-now').textContent()) ?? '', /Es la única vez que Aula puede mostrar estas contraseñas/);
    await page.getByRole('button', { name: 'Imprimir tarjetas de acceso' }).click();
    const view = page.getByRole('dialog', { name: 'Tarjetas de acceso de la clase 2B' });
    const slip = view.locator('.login-slip[data-username="eva"]');
    await slip.locator('.login-slip-no-code').filter({ hasText: 'Pide el código de seguimiento a tu profesor o profesora.' }).waitFor();
    assert.deepEqual(await slip.locator('dt').allTextContents(), ['Usuario', 'Contraseña', 'Dirección de Aula', 'Código de seguimiento']);
    assert.equal(await slip.locator('.login-slip-class').textContent(), 'Clase 2B');
    await view.getByRole('button', { name: 'Volver' }).click();
    await view.waitFor({ state: 'detached' });
  });
});
