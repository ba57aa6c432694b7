import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { tempDataFolder } from '../support/data-folder.js';
import { runAula } from '../support/run-aula.js';
import { ROOT, startServe } from '../support/serve-process.js';

describe('aula serve --help, for whoever sets Aula up as a service', () => {
  it('lists every environment variable Aula reads, where the log goes, and the exit codes', async () => {
    const help = await runAula(['serve', '--help']);
    assert.equal(help.code, 0);
    const config = fs.readFileSync(path.join(ROOT, 'server', 'config.ts'), 'utf8');
    const read = new Set([...config.matchAll(/env\.(AULA_[A-Z_]+)/g)].map((match) => match[1]));
    assert.ok(read.size >= 9, [...read].join(' '));
    for (const name of read) assert.ok(help.stdout.includes(name as string), `${name} is in the help`);
    assert.match(help.stdout, /the log on\nstandard error/);
    assert.match(help.stdout, /Exit codes: 0 after Ctrl\+C or SIGTERM/);
  });

  it('AULA_MDNS=off (as people write it) switches the .local name off, as AULA_MDNS=0 does', async () => {
    process.env.AULA_MDNS = 'off';
    try {
      const serve = await startServe(tempDataFolder(), ['--host', '0.0.0.0']);
      try {
        assert.doesNotMatch(serve.output(), /\.local:/);
      } finally {
        await serve.stop();
      }
    } finally {
      delete process.env.AULA_MDNS;
    }
  });
});

describe('aula --version', () => {
  it("names the installed Aula's version (package.json), whatever npm's environment says", async () => {
    const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    for (const env of [{ npm_package_version: undefined }, { npm_package_version: '9.9.9-other-project' }]) {
      const answer = await runAula(['--version'], { env });
      assert.deepEqual([answer.code, answer.stdout], [0, `${version}\n`], JSON.stringify(env));
    }
  });
});
