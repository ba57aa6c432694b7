import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { describe, test } from 'node:test';
import { createQuitFlow } from '../../main/quit-flow.js';
import { createServerHost, findFreePort } from '../../main/server-host.js';
import { problemDialog } from '../../main/startup-problem.js';
import { type Collector, type ConfigInput, createCollector } from '../../server/index.js';
import { createLogger } from '../../server/logger.js';
import { openDatabase } from '../../server/store/open-database.js';
import { makeActivity } from '../support/fixtures.js';
import { request } from '../support/http.js';
import { startOk, statementS, track } from '../support/rage.js';
import { tempDir } from '../support/temp-dir.js';

const logger = createLogger('silent', { pretty: false });
const startReal = (config: ConfigInput) => createCollector(config, { logger });
const config = (dataDir: string, port = 0): ConfigInput => ({ dataDir, host: '127.0.0.1', port, logLevel: 'silent' });

async function occupyPort(): Promise<{ port: number; release(): Promise<void> }> {
  const blocker = net.createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  const port = (blocker.address() as net.AddressInfo).port;
  return { port, release: () => new Promise((resolve) => blocker.close(() => resolve())) };
}

describe('server host', () => {
  test('starts the collector in-process, serves /health, and stop closes it', async () => {
    const host = createServerHost({ start: startReal });
    const started = await host.start(config(tempDir()));
    assert.ok(started.ok);
    assert.equal(host.collector, started.collector);
    assert.equal((await request(`${started.collector.url}/health`)).status, 200);
    await host.stop();
    assert.equal(host.collector, undefined);
    await assert.rejects(fetch(`${started.collector.url}/health`));
    await host.stop(); // a second Quit is harmless
  });

  test('a taken port is reported as such, another free port is offered, and starting there works', async () => {
    const blocker = await occupyPort();
    try {
      const dataDir = tempDir();
      const host = createServerHost({ start: startReal });
      const failed = await host.start(config(dataDir, blocker.port));
      assert.equal(failed.ok, false);
      assert.ok(!failed.ok && failed.problem.kind === 'port-taken');
      const freePort = await findFreePort(blocker.port, '127.0.0.1');
      assert.ok(freePort !== undefined && freePort !== blocker.port);
      const box = problemDialog(failed.problem, { dataDir, freePort });
      assert.match(box.message, new RegExp(`Port ${blocker.port} is already used`));
      assert.deepEqual(box.buttons[0]?.action, { kind: 'use-port', port: freePort });
      assert.equal(box.buttons[box.cancelId]?.action.kind, 'quit');

      // The failed attempt released the database: the same process starts again on the offered port.
      const retried = await host.start(config(dataDir, freePort));
      assert.ok(retried.ok);
      assert.equal(retried.collector.port, freePort);
      await host.stop();
    } finally {
      await blocker.release();
    }
  });

  test('a database from a newer Aula is a database problem that offers to show or change the data folder', async () => {
    const dataDir = tempDir();
    const db = openDatabase(dataDir);
    db.pragma('user_version = 999');
    db.close();
    const host = createServerHost({ start: startReal });
    const failed = await host.start(config(dataDir));
    assert.ok(!failed.ok);
    assert.equal(failed.problem.kind, 'database');
    assert.match(failed.problem.message, /newer version of Aula/);
    const box = problemDialog(failed.problem, { dataDir });
    assert.deepEqual(
      box.buttons.map((button) => button.action.kind),
      ['show-data-folder', 'choose-data-folder', 'quit'],
    );
    assert.match(box.detail, new RegExp(dataDir.replaceAll(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  });

  test('a damaged database is a database problem whose message says how to restore a backup', async () => {
    const dataDir = tempDir();
    fs.writeFileSync(path.join(dataDir, 'aula.sqlite'), 'this is not a database, it was overwritten'.repeat(200));
    const failed = await createServerHost({ start: startReal }).start(config(dataDir));
    assert.ok(!failed.ok);
    assert.equal(failed.problem.kind, 'database');
    assert.match(failed.problem.message, /damaged|not a database/);
  });

  test('a data folder that is a file cannot open and is reported as a database problem', async () => {
    const file = path.join(tempDir(), 'not-a-folder');
    fs.writeFileSync(file, 'x');
    const failed = await createServerHost({ start: startReal }).start(config(file));
    assert.ok(!failed.ok);
    assert.equal(failed.problem.kind, 'database');
  });

  test('a saved data folder on a drive that is not there (ENOENT) offers to choose another folder', async () => {
    // A USB stick or drive letter that is gone: its folder cannot be created (Windows: ENOENT), as under a link to it.
    const drive = path.join(tempDir(), 'E');
    fs.symlinkSync(path.join(tempDir(), 'unplugged'), drive);
    const dataDir = path.join(drive, 'Aula');
    const failed = await createServerHost({ start: startReal }).start(config(dataDir));
    assert.ok(!failed.ok);
    assert.equal(failed.problem.kind, 'database');
    assert.match(failed.problem.message, /ENOENT/);
    const box = problemDialog(failed.problem, { dataDir });
    assert.deepEqual(
      box.buttons.map((button) => button.action.kind),
      ['show-data-folder', 'choose-data-folder', 'quit'],
    );
  });

  test('a collector that never listens times out with a clear message, and is closed if it starts later', async () => {
    let finishStart: (collector: Collector) => void = () => {};
    const late = new Promise<Collector>((resolve) => {
      finishStart = resolve;
    });
    const host = createServerHost({ start: () => late, timeoutMs: 20 });
    const failed = await host.start(config(tempDir()));
    assert.ok(!failed.ok);
    assert.equal(failed.problem.kind, 'timeout');
    assert.match(failed.problem.message, /did not start within/);

    const real = await startReal(config(tempDir()));
    finishStart(real);
    await late;
    await new Promise((resolve) => setImmediate(resolve));
    await assert.rejects(fetch(`${real.url}/health`), 'the late collector was closed');
    assert.equal(host.collector, undefined);
  });
});

describe('quit', () => {
  test('Quit while games are sending: every acknowledged statement is on disk, then the app exits 0', async () => {
    const dataDir = tempDir();
    const host = createServerHost({ start: startReal });
    const started = await host.start(config(dataDir));
    assert.ok(started.ok);
    const { url, context } = started.collector;
    const activity = makeActivity(context.db);
    const session = await startOk(url, activity.trackingCode);

    const exits: number[] = [];
    const flow = createQuitFlow({ stop: () => host.stop(), exit: (code) => exits.push(code) });
    const sends = Array.from({ length: 40 }, (_, index) =>
      track(url, session.authToken, [{ ...statementS(session.actor), id: undefined, timestamp: new Date(index * 1000).toISOString() }])
        .then((answer) => answer.status)
        .catch(() => 0),
    );
    // Quit once the first answer is back, while the others are still on their way.
    await Promise.race(sends);
    let prevented = 0;
    flow.beforeQuit({ preventDefault: () => prevented++ });
    flow.beforeQuit({ preventDefault: () => prevented++ }); // a second Quit click while stopping
    const statuses = await Promise.all(sends);
    await flow.stopping;

    assert.equal(prevented, 2, 'Electron must wait for the clean stop');
    assert.deepEqual(exits, [0]);
    const acknowledged = statuses.filter((status) => status === 200).length;
    assert.ok(acknowledged >= 1);
    const db = openDatabase(dataDir, { readonly: true });
    try {
      const stored = db.prepare('SELECT count(*) AS n FROM statements').get() as { n: number };
      assert.ok(stored.n >= acknowledged, `${acknowledged} acknowledged, ${stored.n} stored`);
    } finally {
      db.close();
    }
  });

  test('a failing stop still exits, with code 1, after reporting the error', async () => {
    const exits: number[] = [];
    const errors: unknown[] = [];
    const flow = createQuitFlow({
      stop: () => Promise.reject(new Error('disk gone')),
      exit: (code) => exits.push(code),
      onError: (error) => errors.push(error),
    });
    flow.beforeQuit({ preventDefault() {} });
    await flow.stopping;
    assert.deepEqual(exits, [1]);
    assert.match(String(errors[0]), /disk gone/);
  });

  test('a stop that never ends (an ingest worker that does not answer): the app exits anyway, with code 1, saying so', async () => {
    const exits: number[] = [];
    const timeouts: number[] = [];
    const flow = createQuitFlow({
      stop: () => new Promise<void>(() => {}),
      exit: (code) => exits.push(code),
      onTimeout: (timeoutMs) => timeouts.push(timeoutMs),
      timeoutMs: 50,
    });
    flow.beforeQuit({ preventDefault() {} });
    flow.beforeQuit({ preventDefault() {} }); // a second Quit
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.deepEqual(exits, [1]);
    assert.deepEqual(timeouts, [50]);
  });

  test('a stop within the bound exits 0 once, and the bound does not fire afterwards', async () => {
    const exits: number[] = [];
    const flow = createQuitFlow({ stop: () => Promise.resolve(), exit: (code) => exits.push(code), timeoutMs: 50 });
    flow.beforeQuit({ preventDefault() {} });
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.deepEqual(exits, [0]);
  });
});
