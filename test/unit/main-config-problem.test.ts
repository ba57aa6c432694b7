import assert from 'node:assert/strict';
import fs from 'node:fs';
import { describe, test } from 'node:test';
import { desktopConfig } from '../../main/desktop-config.js';
import { desktopSettingsSchema, loadSettings, settingsPath } from '../../main/settings.js';
import { problemDialog, settingsProblemDialog } from '../../main/startup-problem.js';
import { tempDir } from '../support/temp-dir.js';

const settings = desktopSettingsSchema.parse({});
const paths = { homeDir: '/home/teacher/.config/Aula', dashboardDir: '/opt/aula/renderer/dist', settingsFile: '/home/teacher/.config/Aula/desktop-settings.json' };

/** The error window the desktop app shows for this environment, or null when the collector would start. */
function windowFor(env: NodeJS.ProcessEnv) {
  const prepared = desktopConfig(settings, env, paths);
  return prepared.ok ? null : problemDialog(prepared.problem, { dataDir: paths.homeDir });
}

describe('the desktop app started with a wrong AULA_* variable', () => {
  test('its window names the variable, the value and what it must be, as aula serve does, and how to fix it', () => {
    const box = windowFor({ AULA_PORT: '30OO' });
    assert.ok(box);
    assert.equal(box.title, 'Aula cannot start: a setting is not valid');
    assert.equal(box.message, 'AULA_PORT must be a number from 0 to 65535, not "30OO"');
    assert.match(box.detail, /^AULA_PORT is set in the environment Aula is started from: a desktop shortcut or launcher, a service file/);
    assert.match(box.detail, /Correct it there, or remove it to use the default, then start Aula again\.$/);
    assert.deepEqual(
      box.buttons.map((button) => button.label),
      ['Quit'],
      'Try again would read the same environment',
    );
    assert.doesNotMatch(box.message, /Invalid configuration/);
  });

  test('every wrong variable is named at once', () => {
    const box = windowFor({ AULA_PORT: '3e3', AULA_LOG_LEVEL: 'verbose' });
    assert.ok(box);
    assert.equal(
      box.message,
      'AULA_PORT must be a number from 0 to 65535, not "3e3"; AULA_LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, not "verbose"',
    );
    assert.match(box.detail, /^AULA_PORT and AULA_LOG_LEVEL are set in the environment/);
  });

  test('valid variables win over the saved settings, as for aula serve', () => {
    const prepared = desktopConfig(settings, { AULA_PORT: '3001', AULA_HOST: '127.0.0.1', AULA_LOG_LEVEL: 'WARN' }, paths);
    assert.ok(prepared.ok);
    assert.equal(prepared.config.port, 3001);
    assert.equal(prepared.config.host, '127.0.0.1');
    assert.equal(prepared.config.logLevel, 'warn');
    assert.equal(windowFor({}), null, 'no variables: the saved settings');
  });
});

describe('the desktop app whose saved settings file was edited by hand into values it cannot take', () => {
  test('says which setting, its value and what it must be, and that the defaults apply, before it starts', () => {
    const home = tempDir();
    fs.writeFileSync(settingsPath(home), JSON.stringify({ port: '3001', exposeOnLan: true }));
    const loaded = loadSettings(home);
    assert.equal(loaded.settings.port, 3000);
    assert.equal(loaded.problem, `${settingsPath(home)} has invalid values ("port" is "3001", but must be a whole number from 1 to 65535); using the defaults`);
    const box = settingsProblemDialog(loaded.problem);
    assert.equal(box.title, "Aula's saved settings could not be used");
    assert.equal(box.message, loaded.problem);
    assert.match(box.detail, /^Aula starts with its default settings: port 3000, open to the classroom network/);
    assert.ok(fs.existsSync(settingsPath(home)), 'the file is left for the teacher');
  });
});
