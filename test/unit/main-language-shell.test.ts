// The desktop app on a Spanish system: main/index.ts as it ships, against the stand-in Electron answering Spanish
// for the system's languages, with a real collector behind. (main-index-wiring.test.ts runs it on an English one.)
import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import { after, describe, test } from 'node:test';
import { CHANNELS } from '../../main/ipc-channels.js';
import { settingsPath } from '../../main/settings.js';
import { type FakeElectron, fakeElectron, startShell, until } from '../support/electron-shell.js';
import { tempDir } from '../support/temp-dir.js';

const blocker = net.createServer();

describe('the desktop app on a system whose preferred language is Spanish', () => {
  let electron: FakeElectron;
  let dashboard: URL;
  after(() => {
    blocker.close();
    // A test that failed before Salir de Aula leaves the app collecting, and this process would never end.
    if (electron && electron.fake.exits.length === 0) electron.app.quit();
  });

  test('the usual port is taken: the error window explains and offers the next free port in Spanish', async () => {
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const taken = (blocker.address() as net.AddressInfo).port;
    const dataDir = tempDir('aula-spanish-shell-');
    fs.writeFileSync(settingsPath(dataDir), JSON.stringify({ port: taken, exposeOnLan: false }));
    process.env.AULA_DATA_DIR = dataDir;
    process.env.AULA_LOG_LEVEL = 'silent';
    delete process.env.AULA_PORT;
    delete process.env.AULA_HOST;

    electron = await fakeElectron();
    electron.fake.systemLanguages = ['es-ES', 'en-US'];
    electron.fake.locale = 'es-ES';
    electron.fake.dialogAnswers.push(0); // "Usar el puerto N"
    await startShell();

    const window = await until('the dashboard window', () => (electron.fake.windows[0]?.url ? electron.fake.windows[0] : undefined));
    dashboard = new URL(window.url!);
    const offered = Number(dashboard.port);
    const box = electron.fake.dialogs[0];
    assert.ok(box, 'an error window was shown');
    assert.equal(box.title, 'Aula no puede arrancar el colector');
    assert.equal(box.message, `Otro programa ya está usando el puerto ${taken}.`, 'the problem itself in Spanish too');
    assert.equal(
      box.detail,
      `Los juegos están configurados para enviar sus datos al puerto ${taken}. Cierra el otro programa (quizá otra copia del colector) y vuelve a intentarlo, o usa el puerto ${offered} y cambia la dirección del colector en los juegos.`,
    );
    assert.deepEqual(box.buttons, [`Usar el puerto ${offered}`, 'Reintentar', 'Salir']);
  });

  test('the tray menu and its tooltip read in Spanish', () => {
    const tray = electron.fake.trays[0];
    assert.ok(tray);
    assert.deepEqual(
      tray.menu.items.map((item) => item.label ?? '—'),
      [
        'Abrir el panel',
        '—',
        'Dirección del colector para los juegos:',
        `  ${dashboard.origin}/`,
        'Copiar la dirección del colector',
        '—',
        'Abrir la carpeta de datos',
        '—',
        'Salir de Aula',
      ],
    );
    assert.equal(tray.tooltip, `Aula — recogiendo datos en ${dashboard.origin}/`);
  });

  test("an export's save dialog names its file types in Spanish", async () => {
    const saveExport = electron.fake.ipc.get(CHANNELS.saveExport)!;
    assert.deepEqual(await saveExport({ senderFrame: { url: `${dashboard.origin}/` } }, { suggestedName: 'clase-3b.csv', data: 'a,b\n' }), {
      saved: false,
    });
    assert.deepEqual(electron.fake.saveDialogs[0]?.filters, [
      { name: 'Archivo CSV', extensions: ['csv'] },
      { name: 'Todos los archivos', extensions: ['*'] },
    ]);
  });

  test('Salir de Aula stops the collector and exits 0', async () => {
    const quit = electron.fake.trays[0]?.menu.items.find((item) => item.label === 'Salir de Aula');
    quit?.click?.();
    await until('the exit', () => electron.fake.exits.length > 0);
    assert.deepEqual(electron.fake.exits, [0]);
  });
});
