// The desktop app's own words (tray, start-up windows, save dialog) in the system's language: Spanish when the
// system prefers it, by the dashboard's rule, English otherwise and as it always read.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, test } from 'node:test';
import { en } from '../../main/i18n/en.js';
import { es } from '../../main/i18n/es.js';
import { LANGUAGES, type Language, pickLanguage } from '../../main/i18n/languages.js';
import { setDesktopLanguage, systemLanguage } from '../../main/i18n/setup.js';
import { classifyStartError, createServerHost } from '../../main/server-host.js';
import { loadSettings, settingsPath } from '../../main/settings.js';
import { problemDialog, settingsProblemDialog } from '../../main/startup-problem.js';
import { trayMenu, trayTooltip } from '../../main/tray-menu.js';
import { LANGUAGES as DASHBOARD_LANGUAGES, pickLanguage as dashboardPick } from '../../renderer/src/i18n/languages.js';
import { assertMirrors } from '../support/catalog-leaves.js';
import { tempDir } from '../support/temp-dir.js';

const system = (preferred: string[], locale: string) => ({ getPreferredSystemLanguages: () => preferred, getLocale: () => locale });

describe("the desktop app's language", () => {
  test("is the dashboard's: the same languages, picked by the same rule (main/ keeps a twin of the renderer's)", () => {
    assert.deepEqual(LANGUAGES, DASHBOARD_LANGUAGES);
    const cases: Array<[string | null, string[]]> = [
      [null, ['es-ES']],
      [null, ['es-419', 'en']],
      [null, ['de-DE', 'es-419', 'en']],
      [null, ['ES']],
      [null, ['en-US', 'es-ES']],
      [null, ['fr-FR', 'pt-BR']],
      [null, []],
      ['es', ['en-US']],
      ['en', ['es-ES']],
      ['fr', ['de']],
      ['', ['es']],
    ];
    for (const [stored, preferred] of cases) {
      assert.equal(pickLanguage(stored, preferred), dashboardPick(stored, preferred), `${stored} ${preferred.join(',')}`);
    }
  });

  test("follows the system's preferred languages, then Electron's locale, else English", () => {
    assert.equal(systemLanguage(system(['es-ES', 'en-US'], 'es-ES')), 'es');
    assert.equal(systemLanguage(system(['de-DE', 'es-419'], 'en-US')), 'es', 'the first language Aula speaks');
    assert.equal(systemLanguage(system([], 'es')), 'es', 'a Linux without a preferred list: the locale');
    assert.equal(systemLanguage(system(['en-GB', 'es-ES'], 'es-ES')), 'en');
    assert.equal(systemLanguage(system(['fr-FR'], 'fr')), 'en');
  });

  test('the Spanish wording has every English key, none empty, with the same placeholders', () => {
    assertMirrors(en, es);
  });
});

describe('on a Spanish system', () => {
  const speak = (language: Language) => setDesktopLanguage(language);
  afterEach(() => speak('en'));

  test('the tray menu and its tooltip read in Spanish', () => {
    speak('es');
    const collector = { url: 'http://127.0.0.1:3000', lanUrls: ['http://127.0.0.1:3000/', 'http://192.168.1.20:3000/'] };
    const labels = trayMenu({ collector }).map((item) => (item.type === 'separator' ? '—' : item.label));
    assert.deepEqual(labels, [
      'Abrir el panel',
      '—',
      'Dirección del colector para los juegos:',
      '  http://192.168.1.20:3000/',
      'Copiar la dirección del colector',
      '—',
      'Abrir la carpeta de datos',
      '—',
      'Salir de Aula',
    ]);
    assert.equal(trayTooltip({ collector }), 'Aula — recogiendo datos en http://192.168.1.20:3000/');
    assert.ok(trayMenu({}).some((item) => item.type === 'info' && item.label === 'El colector no está en marcha'));
    assert.equal(trayTooltip({}), 'Aula');
  });

  test('a wrong AULA_* variable: the window explains in Spanish, the message names it as aula serve does', () => {
    speak('es');
    const message = 'AULA_PORT must be a number from 0 to 65535, not "30OO"';
    const one = problemDialog({ kind: 'config', message, variables: ['AULA_PORT'] }, { dataDir: '/d' });
    assert.equal(one.title, 'Aula no puede arrancar: un ajuste no es válido');
    assert.equal(one.message, message, 'worded where it happened, as sent');
    assert.match(one.detail, /^AULA_PORT está definida en el entorno desde el que se arranca Aula: /);
    assert.match(one.detail, /Corrígela ahí, o elimínala para usar el valor predeterminado, y vuelve a arrancar Aula\.$/);
    assert.deepEqual(
      one.buttons.map((button) => [button.label, button.action.kind]),
      [['Salir', 'quit']],
    );
    const three = problemDialog({ kind: 'config', message, variables: ['AULA_PORT', 'AULA_HOST', 'AULA_LOG_LEVEL'] }, { dataDir: '/d' });
    assert.match(three.detail, /^AULA_PORT, AULA_HOST y AULA_LOG_LEVEL están definidas en el entorno/);
    assert.match(three.detail, /Corrígelas ahí, o elimínalas/);
    const file = problemDialog({ kind: 'config', message: 'The setting "port" in /s.json must be…', variables: [] }, { dataDir: '/d' });
    assert.match(file.detail, /^Corrige el ajuste en ese archivo/);
  });

  test('a taken port, a data folder that cannot be used or is in use, a timeout: Spanish titles, details and buttons', () => {
    speak('es');
    const port = problemDialog({ kind: 'port-taken', port: 3000, message: 'Port 3000 is already used by another program.' }, { dataDir: '/d', freePort: 3001 });
    assert.equal(port.title, 'Aula no puede arrancar el colector');
    assert.equal(port.message, 'Port 3000 is already used by another program.');
    assert.equal(
      port.detail,
      'Los juegos están configurados para enviar sus datos al puerto 3000. Cierra el otro programa (quizá otra copia del colector) y vuelve a intentarlo, o usa el puerto 3001 y cambia la dirección del colector en los juegos.',
    );
    assert.deepEqual(
      port.buttons.map((button) => button.label),
      ['Usar el puerto 3001', 'Reintentar', 'Salir'],
    );
    const database = problemDialog({ kind: 'database', dataDir: '/srv/aula/datos', message: 'The data folder cannot be used: EACCES' }, { dataDir: '/d' });
    assert.equal(database.title, 'Aula no puede abrir sus datos');
    assert.equal(database.detail, 'Carpeta de datos: /srv/aula/datos\nElige otra carpeta o comprueba que se puede escribir en esta.');
    assert.deepEqual(
      database.buttons.map((button) => button.label),
      ['Mostrar la carpeta de datos', 'Elegir otra carpeta de datos…', 'Salir'],
    );
    const inUse = problemDialog({ kind: 'in-use', dataDir: '/srv/aula/datos', message: 'Aula is already running…' }, { dataDir: '/d' });
    assert.equal(inUse.title, 'Aula ya está en marcha con esta carpeta de datos');
    assert.deepEqual(
      inUse.buttons.map((button) => button.label),
      ['Reintentar', 'Elegir otra carpeta de datos…', 'Salir'],
    );
    const timeout = problemDialog({ kind: 'timeout', seconds: 20, message: 'The collector did not start within 20 s.' }, { dataDir: '/d' });
    assert.equal(timeout.detail, 'Carpeta de datos: /d');
  });

  test('saved settings it cannot use: the warning reads in Spanish, the problem as written', () => {
    speak('es');
    const box = settingsProblemDialog('/home/x/desktop-settings.json is not valid JSON; using the defaults');
    assert.equal(box.title, 'No se han podido usar los ajustes guardados de Aula');
    assert.equal(box.message, '/home/x/desktop-settings.json is not valid JSON; using the defaults');
    assert.match(box.detail, /^Aula arranca con sus ajustes predeterminados: puerto 3000, abierto a la red del aula/);
    assert.deepEqual(box.buttons, ['Aceptar']);
  });

  test('the problem under the title, from the collector and from the saved settings, reads in Spanish too', async () => {
    const problems = async () => {
      const taken = Object.assign(new Error('listen EADDRINUSE: address already in use 127.0.0.1:3000'), { code: 'EADDRINUSE', syscall: 'listen' });
      const refused = Object.assign(new Error('listen EACCES: permission denied 0.0.0.0:80'), { code: 'EACCES', syscall: 'listen' });
      const host = createServerHost({ start: () => new Promise(() => {}), timeoutMs: 10 });
      const late = await host.start({ dataDir: '/d' });
      const home = tempDir();
      const file = settingsPath(home);
      fs.writeFileSync(file, '{"port": ');
      const notJson = loadSettings(home).problem;
      fs.writeFileSync(file, JSON.stringify({ port: '3001', exposeOnLan: 'yes' }));
      const invalid = loadSettings(home).problem;
      fs.rmSync(file);
      fs.mkdirSync(file);
      const unreadable = loadSettings(home).problem;
      return {
        file,
        taken: classifyStartError(taken, { dataDir: '/d', port: 3000 }).message,
        refused: classifyStartError(refused, { dataDir: '/d', port: 80 }).message,
        timeout: late.ok ? '' : late.problem.message,
        notJson,
        invalid,
        unreadable: unreadable?.replace(/: EISDIR.*$/, ': EISDIR'),
      };
    };
    speak('es');
    const spanish = await problems();
    assert.equal(spanish.taken, 'Otro programa ya está usando el puerto 3000.');
    assert.equal(spanish.refused, 'Aula no tiene permiso para escuchar en el puerto 80 (EACCES).');
    assert.equal(spanish.timeout, 'El colector no ha arrancado en 0 s.');
    assert.equal(spanish.notJson, `${spanish.file} no es JSON válido; se usan los ajustes predeterminados`);
    assert.equal(
      spanish.invalid,
      `${spanish.file} tiene valores no válidos ("port" vale "3001", pero debe ser un número entero de 1 a 65535; "exposeOnLan" vale "yes", pero debe ser true o false); se usan los ajustes predeterminados`,
    );
    assert.equal(spanish.unreadable, `No se puede leer ${spanish.file}: EISDIR`);
    assert.equal(settingsProblemDialog(spanish.notJson ?? '').message, spanish.notJson, 'shown under the Spanish title');

    speak('en');
    const english = await problems();
    assert.equal(english.taken, 'Port 3000 is already used by another program.');
    assert.equal(english.refused, 'Aula may not listen on port 80 (EACCES).');
    assert.equal(english.timeout, 'The collector did not start within 0 s.');
    assert.equal(english.notJson, `${english.file} is not valid JSON; using the defaults`);
    assert.equal(
      english.invalid,
      `${english.file} has invalid values ("port" is "3001", but must be a whole number from 1 to 65535; "exposeOnLan" is "yes", but must be true or false); using the defaults`,
    );
    assert.equal(english.unreadable, `${english.file} cannot be read: EISDIR`);
    assert.ok(path.isAbsolute(english.file));
  });

  test('back on an English system, every word is as it always was', () => {
    speak('es');
    speak('en');
    const port = problemDialog({ kind: 'port-taken', port: 3000, message: 'Port 3000 is already used by another program.' }, { dataDir: '/d', freePort: 3001 });
    assert.equal(
      port.detail,
      'Games were set up to send their data to port 3000. Close the other program (perhaps another copy of the collector) and try again, or use port 3001 and change the collector address in the games.',
    );
    assert.deepEqual(
      port.buttons.map((button) => button.label),
      ['Use port 3001', 'Try again', 'Quit'],
    );
    const three = problemDialog({ kind: 'config', message: 'x', variables: ['AULA_PORT', 'AULA_HOST', 'AULA_LOG_LEVEL'] }, { dataDir: '/d' });
    assert.match(three.detail, /^AULA_PORT and AULA_HOST and AULA_LOG_LEVEL are set in the environment/);
    assert.match(three.detail, /Correct them there, or remove them to use the default, then start Aula again\.$/);
    const database = problemDialog({ kind: 'database', dataDir: '/srv/aula', message: 'm' }, { dataDir: '/d' });
    assert.equal(database.detail, 'Data folder: /srv/aula\nChoose another folder, or check that this one can be written to.');
    const inUse = problemDialog({ kind: 'in-use', dataDir: '/srv/aula', message: 'm' }, { dataDir: '/d' });
    assert.equal(
      inUse.detail,
      'Data folder: /srv/aula\nStop the other one (a terminal running aula serve, a service, or Aula in another user session), then try again.',
    );
    assert.equal(
      settingsProblemDialog('p').detail,
      'Aula starts with its default settings: port 3000, open to the classroom network, data in the usual folder. Set them again in the dashboard (Settings), or correct the file, then restart Aula. The file is left as it is.',
    );
    assert.equal(trayTooltip({ collector: { url: 'http://127.0.0.1:3000', lanUrls: ['http://10.0.0.5:3000/'] } }), 'Aula — collecting at http://10.0.0.5:3000/');
  });
});
