import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lanAddresses } from '../../server/net/lan-addresses.js';
import { request } from '../support/http.js';
import { startServe } from '../support/serve-process.js';
import { tempDir } from '../support/temp-dir.js';

/** The lines `aula serve` prints about games, up to the dashboard's address. */
const gameLines = (output: string): string => output.slice(0, output.indexOf('Dashboard:'));

describe('the addresses aula serve gives the students’ games', () => {
  it('on this computer only: says games on other computers cannot reach it, and how to change that', async () => {
    const serve = await startServe(tempDir(), ['--no-mdns']);
    try {
      const lines = gameLines(serve.output());
      assert.match(lines, /Games on other computers cannot reach it yet \(it listens on 127\.0\.0\.1 only: start it with --host 0\.0\.0\.0/);
      assert.doesNotMatch(lines, /Games on this network can reach it at/);
      assert.match(lines, new RegExp(`A game on this computer can use http://127\\.0\\.0\\.1:${serve.port}/`));
    } finally {
      await serve.stop();
    }
  });

  it('on every network: the network addresses, never 127.0.0.1, in the banner and in Settings', { skip: lanAddresses().length === 0 && 'this machine is on no network' }, async () => {
    const serve = await startServe(tempDir(), ['--host', '0.0.0.0', '--no-mdns']);
    try {
      const lines = gameLines(serve.output());
      assert.match(lines, /Games on this network can reach it at:/);
      for (const address of lanAddresses()) assert.ok(lines.includes(`  http://${address}:${serve.port}/`), lines);
      assert.doesNotMatch(lines, /127\.0\.0\.1/);
      const settings = (await request(`${serve.url}/admin/api/settings`)).json as { collector: { urls: string[] } };
      assert.deepEqual(settings.collector.urls.sort(), lanAddresses().map((address) => `http://${address}:${serve.port}/`).sort());
    } finally {
      await serve.stop();
    }
  });
});
