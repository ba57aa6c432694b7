import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { collectorConfig, loadSettings, SettingsNotSavedError, settingsPath, updateSettings } from '../../main/settings.js';
import { tempDir } from '../support/temp-dir.js';

describe('desktop settings', () => {
  test('a first start uses port 3000, open to the classroom network, data in the per-user folder', () => {
    const home = tempDir();
    const { settings, problem } = loadSettings(home);
    assert.equal(problem, undefined);
    const config = collectorConfig(settings, { homeDir: home, dashboardDir: '/app/renderer/dist' });
    assert.deepEqual(
      { port: config.port, host: config.host, dataDir: config.dataDir, dashboardDir: config.dashboardDir },
      { port: 3000, host: '0.0.0.0', dataDir: home, dashboardDir: '/app/renderer/dist' },
    );
  });

  test('saved port, LAN exposure and data folder are what the next start uses', () => {
    const home = tempDir();
    const elsewhere = path.join(tempDir(), 'class data');
    updateSettings(home, { port: 3100 });
    updateSettings(home, { exposeOnLan: false, dataDir: elsewhere });
    // A new process reads the file again: nothing is kept in memory between starts.
    const config = collectorConfig(loadSettings(home).settings, { homeDir: home, dashboardDir: 'd' });
    assert.equal(config.port, 3100);
    assert.equal(config.host, '127.0.0.1');
    assert.equal(config.dataDir, elsewhere);
    assert.ok(fs.existsSync(settingsPath(home)));
  });

  test('dataDir null goes back to the default folder', () => {
    const home = tempDir();
    updateSettings(home, { dataDir: path.join(home, 'other') });
    updateSettings(home, { dataDir: null });
    assert.equal(collectorConfig(loadSettings(home).settings, { homeDir: home, dashboardDir: 'd' }).dataDir, home);
  });

  test('invalid changes are refused and leave the file as it was', () => {
    const home = tempDir();
    updateSettings(home, { port: 3001 });
    const before = fs.readFileSync(settingsPath(home), 'utf8');
    for (const patch of [{ port: 0 }, { port: 70000 }, { port: '3000' }, { exposeOnLan: 'yes' }, { colour: 'red' }, null]) {
      assert.throws(() => updateSettings(home, patch), Error, JSON.stringify(patch));
    }
    assert.equal(fs.readFileSync(settingsPath(home), 'utf8'), before);
  });

  test('a damaged settings file gives the defaults and says why, without deleting it', () => {
    const home = tempDir();
    fs.writeFileSync(settingsPath(home), '{"port": 30');
    const damaged = loadSettings(home);
    assert.equal(damaged.settings.port, 3000);
    assert.match(damaged.problem ?? '', /not valid JSON/);
    fs.writeFileSync(settingsPath(home), '{"port": -4}');
    assert.match(loadSettings(home).problem ?? '', /invalid values/);
    assert.ok(fs.existsSync(settingsPath(home)));
  });

  test('a file with one value Aula cannot take: a change sets only its own setting, every other value stays as written', () => {
    // The dashboard saves its language on every load: this must not drop the USB data folder nor open the laptop
    // to the classroom network.
    const home = tempDir();
    const written = { port: '3001', dataDir: '/media/usb/Aula', exposeOnLan: false };
    fs.writeFileSync(settingsPath(home), JSON.stringify(written));
    const running = updateSettings(home, { language: 'es' });
    assert.deepEqual(JSON.parse(fs.readFileSync(settingsPath(home), 'utf8')), { ...written, language: 'es' });
    assert.deepEqual(running, { port: 3000, dataDir: '/media/usb/Aula', exposeOnLan: false, language: 'es' });
    assert.match(loadSettings(home).problem ?? '', /"port" is "3001"/, 'still reported at the next start');

    // Setting the port again (Settings in the dashboard) mends the file, keeping the rest.
    updateSettings(home, { port: 3001 });
    const mended = loadSettings(home);
    assert.equal(mended.problem, undefined);
    assert.deepEqual(mended.settings, { port: 3001, dataDir: '/media/usb/Aula', exposeOnLan: false, language: 'es' });
  });

  test('a file that is not JSON settings is not replaced: the change is refused, saying why, and the file kept', () => {
    const home = tempDir();
    for (const text of ['{"port": 30', '[3001]', 'null']) {
      fs.writeFileSync(settingsPath(home), text);
      assert.throws(
        () => updateSettings(home, { language: 'es' }),
        (error: unknown) =>
          error instanceof SettingsNotSavedError &&
          /^The setting was not saved: .*desktop-settings\.json does not hold settings as JSON; correct it or delete it/.test(error.english),
        text,
      );
      assert.equal(fs.readFileSync(settingsPath(home), 'utf8'), text);
    }
  });

  test('a settings file that cannot be written: the change is refused with what failed, the file as it was', () => {
    // As root (CI) a folder's permissions stop nothing: the file written first, then renamed over the settings, is
    // taken by a folder of the same name instead (EISDIR), as EACCES would stop it in a folder the user may not write.
    const home = tempDir();
    updateSettings(home, { port: 3001 });
    const before = fs.readFileSync(settingsPath(home), 'utf8');
    fs.mkdirSync(`${settingsPath(home)}.${process.pid}.tmp`);
    assert.throws(
      () => updateSettings(home, { port: 3002 }),
      (error: unknown) => error instanceof SettingsNotSavedError && /desktop-settings\.json cannot be written: EISDIR/.test(error.message),
    );
    assert.equal(fs.readFileSync(settingsPath(home), 'utf8'), before);
  });
});
