import assert from 'node:assert/strict';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { defaultDataDir } from '../../server/config.js';

test('the default data folder: AULA_DATA_DIR, else the per-user app-data folder; an empty or relative XDG_CONFIG_HOME is ignored', () => {
  const home = os.homedir();
  assert.equal(defaultDataDir({ AULA_DATA_DIR: '/srv/aula' }, 'linux'), '/srv/aula');
  assert.equal(defaultDataDir({ XDG_CONFIG_HOME: '/custom/config' }, 'linux'), path.join('/custom/config', 'Aula'));
  assert.equal(defaultDataDir({}, 'linux'), path.join(home, '.config', 'Aula'));
  assert.equal(defaultDataDir({ XDG_CONFIG_HOME: '' }, 'linux'), path.join(home, '.config', 'Aula'));
  assert.equal(defaultDataDir({ XDG_CONFIG_HOME: 'relative/config' }, 'linux'), path.join(home, '.config', 'Aula'));
  assert.equal(defaultDataDir({}, 'darwin'), path.join(home, 'Library', 'Application Support', 'Aula'));
});
