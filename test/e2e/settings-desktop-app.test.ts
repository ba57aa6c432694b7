import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { Collector } from '../../server/index.js';
import { chromiumMissing, dashboardForSuite } from './browser-support.js';

// In the desktop app the dashboard's Settings screen changes the app's own settings (port, who can connect, data
// folder) through `window.aula`, which the app's preload script gives the page. The Electron binary cannot run here,
// so an init script stands in for the preload: the same methods, answering as main/desktop-handlers.ts does, and
// recording what the card asks the app to do (desktop-preload-stand-in.js).

/** The app the stand-in answers as. */
interface FakeApp {
  saved: { port: number; exposeOnLan: boolean; dataDir: string };
  running: { port: number; exposeOnLan: boolean; dataDir: string };
  overriddenBy?: Record<string, string>;
  /** What the folder dialog answers; undefined: the teacher cancels it. */
  chosenFolder?: string;
  /** openDataFolder fails as shell.openPath does, with Electron's wrapping of an error thrown in main. */
  openFails?: string;
}

type Call = [method: string, ...args: unknown[]];

const STAND_IN = path.join(import.meta.dirname, 'desktop-preload-stand-in.js');

const HOME = '/home/ms-ruiz/.config/Aula';

/** The calls the card made, the reads (getSettings, appVersion) left out: what it asked the app to do. */
async function actions(page: Page): Promise<Call[]> {
  const calls = (await page.evaluate(() => (window as unknown as { aulaCalls: Call[] }).aulaCalls)) as Call[];
  return calls.filter(([method]) => method !== 'getSettings' && method !== 'appVersion');
}

describe('Settings: the desktop app card', { skip: chromiumMissing }, () => {
  let collector: Collector;
  let browser: Browser;
  let page: Page;

  dashboardForSuite((opened) => ({ collector, browser, page } = opened));

  async function inTheApp(fake: FakeApp, language?: string): Promise<Page> {
    const appPage = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    appPage.setDefaultTimeout(15_000);
    await appPage.addInitScript((app) => {
      (window as unknown as { aulaFakeApp: unknown }).aulaFakeApp = app;
    }, { version: '1.4.2', ...fake });
    await appPage.addInitScript({ path: STAND_IN });
    if (language) await appPage.addInitScript((chosen) => window.localStorage.setItem('aula.language', chosen), language);
    await appPage.goto(`${collector.url}/settings`);
    return appPage;
  }

  test('after "Use port 3001" the teacher goes back to 3000, told that games must use it, and restarts the app', async () => {
    const app = await inTheApp({
      saved: { port: 3001, exposeOnLan: true, dataDir: HOME },
      running: { port: 3001, exposeOnLan: true, dataDir: HOME },
    });
    const card = app.getByTestId('desktop-app');
    await card.getByRole('heading', { name: 'Desktop app' }).waitFor();
    await card.getByText('Aula 1.4.2').waitFor();
    const port = card.getByRole('textbox', { name: 'Port' });
    assert.equal(await port.inputValue(), '3001', 'the saved port');
    assert.equal(await card.getByTestId('desktop-app-restart').count(), 0, 'nothing to restart for yet');

    for (const wrong of ['70000', '0', '30 00', 'abc', '']) {
      await port.fill(wrong);
      await card.getByRole('button', { name: 'Save port' }).click();
      await card.getByRole('alert').getByText('The port must be a whole number from 1 to 65535. Nothing was saved.').waitFor();
    }
    assert.deepEqual(await actions(app), [], 'a wrong port is not sent to the app');

    await port.fill('3000');
    await card.getByRole('button', { name: 'Save port' }).click();
    await card
      .getByRole('status')
      .getByText(
        'Saved: from the next start Aula listens on port 3000. Every game must then use port 3000 in its collector address (for example http://192.168.1.10:3000/); games set up for port 3001 no longer reach Aula.',
      )
      .waitFor();
    await card.getByText('Aula listens on port 3001 now; on port 3000 from the next start.').waitFor();
    assert.equal(await card.getByRole('alert').count(), 0);
    const restart = card.getByTestId('desktop-app-restart');
    await restart.getByText('Changes apply at the next start.', { exact: false }).waitFor();
    await restart.getByRole('button', { name: 'Restart Aula now' }).click();
    await card.getByRole('button', { name: 'Restarting…' }).waitFor();
    assert.deepEqual(await actions(app), [['updateSettings', { port: 3000 }], ['relaunch']]);
    await app.close();
  });

  test('"Only this computer can connect" warns what it means; the data folder opens and another one is chosen in the app\'s dialog', async () => {
    const app = await inTheApp({
      saved: { port: 3000, exposeOnLan: true, dataDir: HOME },
      running: { port: 3000, exposeOnLan: true, dataDir: HOME },
      chosenFolder: '/media/usb/aula-3b',
    });
    const card = app.getByTestId('desktop-app');
    const onlyHere = card.getByRole('checkbox', { name: 'Only this computer can connect' });
    await onlyHere.waitFor();
    assert.equal(await onlyHere.isChecked(), false);
    await card.getByText("Games on the classroom network (students' computers, tablets) can connect.").waitFor();
    await onlyHere.check();
    await card
      .getByTestId('only-this-computer-warning')
      .getByText(
        "Games on students' computers and tablets cannot reach Aula, and no other device can open the dashboard: only games running on this computer can connect.",
      )
      .waitFor();
    await card.getByRole('button', { name: 'Restart Aula now' }).waitFor();

    assert.equal(await card.getByText(`Data folder: ${HOME}`).count(), 1);
    await card.getByRole('button', { name: 'Open data folder' }).click();
    await card.getByRole('button', { name: 'Choose another folder…' }).click();
    await card
      .getByRole('status')
      .getByText(
        `Saved: from the next start Aula keeps its data in /media/usb/aula-3b. What ${HOME} holds stays there and is not moved: the dashboard then shows what the new folder holds.`,
      )
      .waitFor();
    await card.getByText(`Data folder: /media/usb/aula-3b Aula uses ${HOME} until the next start.`).waitFor();
    assert.deepEqual(await actions(app), [['updateSettings', { exposeOnLan: false }], ['openDataFolder'], ['chooseDataFolder']]);

    await onlyHere.uncheck();
    await card.getByText("Games on the classroom network (students' computers, tablets) can connect.").waitFor();
    assert.deepEqual((await actions(app)).at(-1), ['updateSettings', { exposeOnLan: true }]);
    await app.close();
  });

  test("what the app refuses is said on the card, without Electron's wrapping", async () => {
    const app = await inTheApp({
      saved: { port: 3000, exposeOnLan: true, dataDir: HOME },
      running: { port: 3000, exposeOnLan: true, dataDir: HOME },
      openFails: 'Failed to open path',
    });
    const card = app.getByTestId('desktop-app');
    await card.getByRole('button', { name: 'Open data folder' }).click();
    assert.equal(
      await card.getByRole('alert').textContent(),
      'The app did not do it: Failed to open path',
    );
    await app.close();
  });

  test('a port AULA_PORT gives this run is not shown as the saved one, and asks no restart', async () => {
    const app = await inTheApp({
      saved: { port: 3000, exposeOnLan: true, dataDir: HOME },
      running: { port: 4000, exposeOnLan: true, dataDir: HOME },
      overriddenBy: { port: 'AULA_PORT' },
    });
    const card = app.getByTestId('desktop-app');
    const port = card.getByRole('textbox', { name: 'Port' });
    await port.waitFor();
    assert.equal(await port.inputValue(), '3000');
    await card
      .getByText(
        'AULA_PORT sets the port where Aula was started: it listens on port 4000 whatever is saved here. The saved port applies when Aula starts without AULA_PORT.',
      )
      .waitFor();
    assert.equal(await card.getByTestId('desktop-app-restart').count(), 0);
    await app.close();
  });

  test('in Spanish', async () => {
    const app = await inTheApp(
      {
        saved: { port: 3001, exposeOnLan: false, dataDir: HOME },
        running: { port: 3001, exposeOnLan: true, dataDir: HOME },
      },
      'es',
    );
    const card = app.getByTestId('desktop-app');
    await card.getByRole('heading', { name: 'Aplicación de escritorio' }).waitFor();
    assert.equal(await card.getByRole('checkbox', { name: 'Solo este ordenador puede conectarse' }).isChecked(), true);
    await card.getByText('solo pueden conectarse los juegos que se ejecutan en este ordenador', { exact: false }).waitFor();
    await card.getByRole('button', { name: 'Abrir la carpeta de datos' }).waitFor();
    await card.getByRole('button', { name: 'Elegir otra carpeta…' }).waitFor();
    await card.getByRole('textbox', { name: 'Puerto' }).fill('99999');
    await card.getByRole('button', { name: 'Guardar puerto' }).click();
    await card.getByRole('alert').getByText('El puerto debe ser un número entero del 1 al 65535. No se ha guardado nada.').waitFor();
    await card.getByText('Los cambios se aplican en el próximo arranque.', { exact: false }).waitFor();
    await card.getByRole('button', { name: 'Reiniciar Aula ahora' }).waitFor();
    await app.close();
  });

  test('in a plain browser there is no app to ask: the card is absent', async () => {
    await page.goto(`${collector.url}/settings`);
    await page.getByTestId('backups').waitFor();
    await page.getByTestId('collector-settings').waitFor();
    assert.equal(await page.getByTestId('desktop-app').count(), 0);
    assert.equal(await page.getByRole('heading', { name: 'Desktop app' }).count(), 0);
  });
});
