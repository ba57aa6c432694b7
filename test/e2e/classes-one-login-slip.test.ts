import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import type { Collector } from '../../server/index.js';
import { postJson } from '../support/http.js';
import { chromiumMissing, dashboardForSuite } from './browser-support.js';
import { aula, gameAddress, twoClassesWithActivities } from './login-slip-support.js';

const login = (collector: Collector, username: string, password: string) => postJson(`${collector.url}/api/login`, { username, password });

async function openClass(page: Page, className: string): Promise<void> {
  await page.locator('nav.card .class-list button', { hasText: className }).click();
  await page.locator('.class-panel h2', { hasText: className }).first().waitFor();
}

/** Everything the page keeps: what it shows and its storage. */
const keptByPage = (page: Page) =>
  page.evaluate(() => `${document.body.innerHTML}${JSON.stringify({ ...localStorage })}${JSON.stringify({ ...sessionStorage })}`);

/** The one slip on the slips page, checked against what the student types and what the Connect screen says. */
async function assertSlip(
  view: Locator,
  expected: { username: string; password: string; name: string; className: string; address: string; codes: string[] },
): Promise<void> {
  await view.locator('.login-slip-code').first().waitFor();
  assert.equal(await view.locator('.login-slip').count(), 1, 'one slip');
  const slip = view.locator(`.login-slip[data-username="${expected.username}"]`);
  assert.equal(await slip.locator('.login-slip-class').textContent(), `Class ${expected.className}`);
  assert.equal(await slip.locator('.login-slip-name').textContent(), expected.name);
  assert.equal(await slip.locator('.login-slip-username').textContent(), expected.username);
  assert.equal(await slip.locator('.login-slip-password').textContent(), expected.password);
  assert.equal(await slip.locator('.login-slip-address').textContent(), expected.address);
  assert.deepEqual(await slip.locator('.login-slip-code').allTextContents(), expected.codes);
}

describe('the Classes screen: a login slip after Add student and after Reset password…', { skip: chromiumMissing }, () => {
  let collector: Collector;
  let page: Page;
  dashboardForSuite((dashboard) => {
    ({ collector, page } = dashboard);
  });

  test('the teacher prints the slip of a student just added and of a password just reset, and the passwords are gone after', { timeout: 120_000 }, async () => {
    const { fractions, closed, otherClass } = await twoClassesWithActivities(collector);
    const firstPassword = 'Clave-Dani-81';
    const newPassword = 'Clave-Nueva-82';

    await page.goto(`${collector.url}/classes`);
    await openClass(page, 'Maths 3B');
    const address = await gameAddress(page);
    const expected = { username: 'dani.ruiz', name: 'Dani Ruiz', className: 'Maths 3B', address, codes: [`${fractions} (Fractions)`] };

    // Add student: the username typed with capitals is stored lower-case, and the slip says so.
    const add = page.getByRole('form', { name: 'Add a student' });
    await add.getByLabel('Username').fill('Dani.Ruiz');
    await add.getByLabel('Password', { exact: true }).fill(firstPassword);
    await add.getByLabel('Full name').fill('Dani Ruiz');
    await add.getByRole('button', { name: 'Add student' }).click();
    await add.getByRole('status').filter({ hasText: 'Added dani.ruiz to class Maths 3B' }).waitFor();
    const addSlip = add.getByRole('button', { name: 'Print login slip', exact: true });
    assert.match((await add.locator('.one-login-slip-only-now').textContent()) ?? '', /This is the only time Aula can show this password: it keeps only its hash\./);
    assert.equal(await add.getByLabel('Password', { exact: true }).inputValue(), '', 'the form forgets the password');

    await addSlip.click();
    let view = page.getByRole('dialog', { name: 'Login slip for dani.ruiz, class Maths 3B' });
    await view.waitFor();
    await view.getByText('Print it now: once you leave this page Aula cannot show this password again (it keeps only its hash).').waitFor();
    await assertSlip(view, { ...expected, password: firstPassword });
    const text = (await view.locator('.login-slip').textContent()) ?? '';
    assert.ok(!text.includes(closed) && !text.includes(otherClass), 'only the class’s open activity');
    assert.equal((await login(collector, 'dani.ruiz', firstPassword)).status, 200, 'the slip’s password logs in');

    // On paper: the slip alone, as after an import.
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.getByRole('navigation', { name: 'Screens' }).isVisible(), false, 'the navigation is not printed');
    assert.equal(await add.isVisible(), false, 'the form is not printed');
    assert.equal(await view.locator('.login-slip').isVisible(), true, 'the slip is printed');
    await page.emulateMedia({ media: 'screen' });

    await view.getByRole('button', { name: 'Back' }).click();
    await view.waitFor({ state: 'detached' });
    // Typing the next student is another action: the slip, and its password, are gone.
    await add.getByLabel('Username').fill('eva');
    await addSlip.waitFor({ state: 'detached' });
    await add.getByLabel('Username').fill('');

    // Reset password…: a slip with the new password, the old one no longer logs in.
    await page.getByRole('button', { name: 'Reset password of dani.ruiz…' }).click();
    const reset = page.getByRole('form', { name: 'Reset the password of dani.ruiz' });
    await reset.getByLabel('New password for dani.ruiz').fill(newPassword);
    await reset.getByRole('button', { name: 'Set new password' }).click();
    await reset.getByRole('status').filter({ hasText: 'New password set for dani.ruiz' }).waitFor();
    await reset.getByRole('button', { name: 'Print login slip', exact: true }).click();
    view = page.getByRole('dialog', { name: 'Login slip for dani.ruiz, class Maths 3B' });
    await assertSlip(view, { ...expected, password: newPassword });
    assert.equal((await login(collector, 'dani.ruiz', newPassword)).status, 200, 'the new password on the slip logs in');
    assert.equal((await login(collector, 'dani.ruiz', firstPassword)).status, 401, 'the old one no longer does');
    await view.getByRole('button', { name: 'Back' }).click();
    await view.waitFor({ state: 'detached' });
    await reset.getByRole('button', { name: 'Print login slip', exact: true }).waitFor();

    // Another screen and back: the slips are gone, the passwords kept nowhere.
    await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'Activities' }).click();
    await page.waitForURL(/\/activities$/);
    await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'Classes' }).click();
    await openClass(page, 'Maths 3B');
    await page.locator('tr[data-username="dani.ruiz"]').waitFor();
    assert.equal(await page.getByRole('button', { name: 'Print login slip' }).count(), 0);
    const kept = await keptByPage(page);
    assert.ok(!kept.includes(firstPassword) && !kept.includes(newPassword), 'no password is kept');

    // Closing the reset form also drops its slip.
    await page.getByRole('button', { name: 'Reset password of dani.ruiz…' }).click();
    await reset.getByLabel('New password for dani.ruiz').fill('Clave-Otra-83');
    await reset.getByRole('button', { name: 'Set new password' }).click();
    await reset.getByRole('button', { name: 'Print login slip', exact: true }).waitFor();
    await reset.getByRole('button', { name: 'Close' }).click();
    await reset.waitFor({ state: 'detached' });
    assert.equal(await page.getByRole('button', { name: 'Print login slip' }).count(), 0);
  });
});

describe('a single login slip in Spanish', { skip: chromiumMissing }, () => {
  let collector: Collector;
  let page: Page;
  dashboardForSuite(
    (dashboard) => {
      ({ collector, page } = dashboard);
    },
    { locale: 'es-ES' },
  );

  test('the button, its warning and the slip speak the dashboard’s language', { timeout: 60_000 }, async () => {
    await aula(collector, 'class', 'create', '--name', '2B');
    await page.goto(`${collector.url}/classes`);
    await openClass(page, '2B');
    const add = page.getByRole('form', { name: 'Añadir un alumno' });
    await add.getByLabel('Usuario').fill('eva');
    await add.getByLabel('Contraseña', { exact: true }).fill('Clave-Eva-84');
    await add.getByRole('button', { name: 'Añadir alumno' }).click();
    assert.match(
      (await add.locator('.one-login-slip-only-now').textContent({ timeout: 15_000 })) ?? '',
      /Es la única vez que Aula puede mostrar esta contraseña: solo guarda su hash\./,
    );
    await add.getByRole('button', { name: 'Imprimir tarjeta de acceso' }).click();
    const view = page.getByRole('dialog', { name: 'Tarjeta de acceso de eva, clase 2B' });
    await view.getByText('Imprímela ahora: cuando salgas de esta página Aula no podrá volver a mostrar esta contraseña').waitFor();
    const slip = view.locator('.login-slip[data-username="eva"]');
    await slip.locator('.login-slip-no-code').filter({ hasText: 'Pide el código de seguimiento a tu profesor o profesora.' }).waitFor();
    assert.equal(await slip.locator('.login-slip-password').textContent(), 'Clave-Eva-84');
    await view.getByRole('button', { name: 'Volver' }).click();
    await view.waitFor({ state: 'detached' });
  });
});
