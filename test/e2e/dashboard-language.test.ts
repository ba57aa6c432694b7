import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import type { Collector } from '../../server/index.js';
import { makeActivity } from '../support/fixtures.js';
import { startOk, statementS, track } from '../support/rage.js';
import { type CollectorDashboard, chromiumMissing, collectorDashboard } from './browser-support.js';

describe("the dashboard speaks the teacher's language", { skip: chromiumMissing }, () => {
  let collector: Collector;
  let browser: Browser;
  let dashboard: CollectorDashboard | undefined;

  before(async () => {
    dashboard = await collectorDashboard();
    ({ collector, browser } = dashboard);
    const activity = makeActivity(collector.context.db, { name: 'Fracciones' });
    const session = await startOk(collector.url, activity.trackingCode);
    await track(collector.url, session.authToken, [{ ...statementS(session.actor), id: undefined }]);
  });

  after(() => dashboard?.close());

  test("in Spanish on a Spanish browser, and back in English once chosen, for good", async () => {
    const context = await browser.newContext({ locale: 'es-ES', viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${collector.url}/activities`);
    const nav = page.getByRole('navigation', { name: 'Pantallas' });
    await nav.getByRole('link', { name: 'En directo' }).waitFor();
    await nav.getByRole('link', { name: 'Alertas y avisos' }).waitFor();
    await page.locator('.totals', { hasText: '1 traza' }).waitFor();
    await page.locator('.totals', { hasText: '1 jugador (0 alumnos, 1 anónimo)' }).waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'es');

    await page.getByLabel('Idioma').selectOption('en');
    await nav.waitFor({ state: 'detached' });
    await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'Live' }).waitFor();
    await page.locator('.totals', { hasText: '1 statement' }).waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');

    // Kept for this browser: the Spanish laptop's dashboard stays English after a reload.
    await page.reload();
    await page.getByRole('navigation', { name: 'Screens' }).waitFor();
    assert.equal(await page.getByLabel('Language').inputValue(), 'en');
    await context.close();
  });

  test('in English on a browser in a language Aula does not speak', async () => {
    const context = await browser.newContext({ locale: 'de-DE' });
    const page = await context.newPage();
    await page.goto(collector.url);
    await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'Live' }).waitFor();
    assert.equal(await page.getByLabel('Language').inputValue(), 'en');
    await context.close();
  });

  // In the desktop app the preload script gives the page `window.aula` (main/preload-api.ts); Electron cannot run
  // here, so a stand-in records what the dashboard tells it (main's side: test/unit/main-language-choice.test.ts).
  test("the desktop app is told the teacher's choice, when it is made and on every later start, and nothing without one", async () => {
    const context = await browser.newContext({ locale: 'en-US' });
    // As text: a function would be compiled by tsx with its name helper, which the page does not have.
    await context.addInitScript({
      content: `window.aula = { isDesktop: true, setLanguage: (language) => {
        const told = JSON.parse(sessionStorage.getItem('told') ?? '[]');
        sessionStorage.setItem('told', JSON.stringify([...told, language]));
        return Promise.resolve();
      } };`,
    });
    const page = await context.newPage();
    const told = async () => JSON.parse((await page.evaluate(() => sessionStorage.getItem('told'))) ?? '[]') as string[];
    await page.goto(collector.url);
    await page.getByRole('navigation', { name: 'Screens' }).waitFor();
    assert.deepEqual(await told(), [], "no choice yet: the app keeps the system's language, as the browser here");

    await page.getByLabel('Language').selectOption('es');
    await page.getByRole('navigation', { name: 'Pantallas' }).waitFor();
    assert.deepEqual(await told(), ['es']);

    await page.reload();
    await page.getByRole('navigation', { name: 'Pantallas' }).waitFor();
    assert.deepEqual(await told(), ['es', 'es'], 'told again at the next start, so an app that started in English follows');
    await context.close();
  });
});
