import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { describe, it } from 'node:test';
import { startOk } from '../support/rage.js';
import { runAula } from '../support/run-aula.js';
import { startServe } from '../support/serve-process.js';
import { tempDir } from '../support/temp-dir.js';

/** `aula serve` on a new folder that must not be created, as a wrong setting must change nothing. */
async function serveRefused(args: string[], env: Record<string, string> = {}): Promise<string> {
  const dataDir = path.join(tempDir(), 'Aula');
  const answer = await runAula(['serve', '--data-dir', dataDir, '--host', '127.0.0.1', '--no-mdns', ...args], { env, timeoutMs: 15_000 });
  assert.equal(answer.code, 1, `${args.join(' ')} ${JSON.stringify(env)}: ${answer.stderr}`);
  assert.equal(answer.stdout, '');
  assert.equal(answer.stderr.split('\n').length, 2, `one line, no stack trace: ${answer.stderr}`);
  assert.equal(fs.existsSync(dataDir), false, 'no data folder was set up');
  return answer.stderr;
}

describe('aula serve refuses a wrong setting in one line naming the flag or variable, exit code 1, nothing set up', () => {
  it('flags', async () => {
    assert.equal(await serveRefused(['--port', '']), 'aula: --port must be a number from 0 to 65535, not ""\n');
    assert.equal(await serveRefused(['--port', '0x10']), 'aula: --port must be a number from 0 to 65535, not "0x10"\n');
    assert.equal(
      await serveRefused(['--port', '0', '--home-page', 'aula.local']),
      'aula: --home-page must be an http:// or https:// address, such as https://my-project.example.org/, not "aula.local"\n',
    );
    assert.equal(
      await serveRefused(['--port', '0', '--mdns-name', 'aula_3b']),
      'aula: --mdns-name must be a host name such as "aula" (letters, digits and dashes), not "aula_3b"\n',
    );
  });

  it('environment variables, named as such (a flag given as well wins)', async () => {
    assert.equal(await serveRefused([], { AULA_PORT: '30OO' }), 'aula: AULA_PORT must be a number from 0 to 65535, not "30OO"\n');
    assert.equal(
      await serveRefused(['--port', '0'], { AULA_LOG_LEVEL: 'verbose' }),
      'aula: AULA_LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, not "verbose"\n',
    );
    assert.equal(
      await serveRefused(['--port', '0'], { AULA_LOGIN_FAILURES: 'ten' }),
      'aula: AULA_LOGIN_FAILURES must be a whole number above 0, not "ten"\n',
    );
    assert.equal(
      await serveRefused(['--port', '0', '--home-page', 'see-the-wiki'], { AULA_HOME_PAGE: 'https://lab.example.org/' }),
      'aula: --home-page must be an http:// or https:// address, such as https://my-project.example.org/, not "see-the-wiki"\n',
    );
  });

  it('an address this computer does not have (a laptop that changed networks, a mistyped IP)', async () => {
    // 198.51.100.0/24 is TEST-NET-2: never an address of a real interface.
    const stderr = await serveRefused(['--host', '198.51.100.7', '--port', '0']);
    assert.match(
      stderr,
      /^aula: Aula cannot listen on 198\.51\.100\.7: it is not an address of this computer \(its addresses: 127\.0\.0\.1[^)]*\)\. Give --host \(or AULA_HOST\) one of them, or 0\.0\.0\.0 for every network\.\n$/,
    );
  });

  it('a port another program holds', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const taken = (blocker.address() as net.AddressInfo).port;
    try {
      assert.equal(await serveRefused(['--port', String(taken)]), `aula: Port ${taken} is already in use. Stop the other program or use --port.\n`);
    } finally {
      blocker.close();
    }
  });
});

describe('aula serve that could not listen', () => {
  it('leaves the players\' home page unfixed: the next run on another port fixes its own, not the one nobody served on', async () => {
    const dataDir = tempDir();
    const created = await runAula(['activity', 'create', '--name', 'Fractions 3B', '--json', '--data-dir', dataDir]);
    const { trackingCode } = JSON.parse(created.stdout) as { trackingCode: string };
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const taken = (blocker.address() as net.AddressInfo).port;
    try {
      const refused = await runAula(['serve', '--data-dir', dataDir, '--host', '127.0.0.1', '--no-mdns', '--port', String(taken)], { timeoutMs: 15_000 });
      assert.equal(refused.stderr, `aula: Port ${taken} is already in use. Stop the other program or use --port.\n`);
    } finally {
      blocker.close();
    }
    // startServe listens on --port 0, whose home page is the documented http://aula.local:3000/.
    const serve = await startServe(dataDir, ['--no-mdns']);
    try {
      const started = await startOk(serve.url, trackingCode);
      assert.equal(started.actor.account.homePage, 'http://aula.local:3000/');
      assert.ok(started.objectId.startsWith('http://aula.local:3000/'), started.objectId);
    } finally {
      await serve.stop();
    }
  });
});

describe('aula serve on a new data folder', () => {
  it('says beside the data folder in its banner that it set it up now, and how to choose another; standard error keeps to the log', async () => {
    const dataDir = path.join(tempDir(), 'new laptop', 'Aula');
    const serve = await startServe(dataDir, ['--no-mdns']);
    try {
      const lines = serve.output().split('\n');
      const running = lines.indexOf(`Aula collector is running (data: ${dataDir})`);
      assert.ok(running >= 0, serve.output());
      assert.equal(lines[running + 1], '  a new data folder, set up now (another one: --data-dir DIR or AULA_DATA_DIR)');
      // Standard error is the log (JSON lines when it is not a terminal): a plain line there breaks a log collector.
      assert.deepEqual(lines.filter((line) => line.startsWith('aula:')), []);
      assert.equal(fs.existsSync(path.join(dataDir, 'aula.sqlite')), true);
    } finally {
      assert.equal(await serve.stop(), 0);
    }
    const again = await startServe(dataDir, ['--no-mdns']);
    try {
      assert.doesNotMatch(again.output(), /new data folder/, 'only the first time');
    } finally {
      await again.stop();
    }
  });

  it('without a built dashboard (a source checkout): says so and how to build it, instead of an address that answers Not found', async () => {
    process.env.AULA_DASHBOARD_DIR = path.join(tempDir(), 'dist');
    try {
      const serve = await startServe(tempDir(), ['--no-mdns']);
      try {
        assert.match(serve.output(), /Dashboard: http:\/\/127\.0\.0\.1:\d+\/ {2}\(not built in this copy of Aula: it answers "Not found"; games are collected all the same\)\n {2}build it with: npm run build:renderer/);
        assert.equal((await fetch(`${serve.url}/health`)).status, 200);
      } finally {
        await serve.stop();
      }
    } finally {
      delete process.env.AULA_DASHBOARD_DIR;
    }
  });
});
