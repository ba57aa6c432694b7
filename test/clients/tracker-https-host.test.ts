import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { DiagnosticItem, Diagnostics } from '../../server/admin/api-types.js';
import type { Collector } from '../../server/index.js';
import { startTestCollector } from '../support/collector.js';
import { makeActivity } from '../support/fixtures.js';
import { request } from '../support/http.js';
import { runJsTracker } from '../support/js-tracker.js';

/**
 * js-tracker 0.9.2 given a host without `http://` (`192.168.1.10:3000`, as a developer types it) uses https on that
 * port: Aula, which speaks http, sees a TLS handshake. The developer finds it on the Diagnostics screen.
 */
describe('js-tracker with a host without http://', () => {
  let collector: Collector;

  before(async () => {
    collector = await startTestCollector({ config: { mdns: false } });
  });
  after(() => collector?.close());

  async function others(): Promise<DiagnosticItem[]> {
    await collector.context.ingest.idle();
    const answer = await request(`${collector.url}/admin/api/diagnostics`);
    return (answer.json as Diagnostics).groups.find((group) => group.kind === 'other')?.items ?? [];
  }

  test('its start fails, and Diagnostics lists an https:// connection from its address', async () => {
    const { trackingCode } = makeActivity(collector.context.db, { name: 'Fractions' });
    const run = await runJsTracker(`127.0.0.1:${collector.port}`, trackingCode);
    assert.equal(run.started, false);
    const items = await others();
    assert.equal(items.length, 1);
    assert.equal(items[0]?.detail, 'A game connected with https:// to this port, which speaks http:// only');
    assert.equal(items[0]?.address, '127.0.0.1');
    const health = await request(`${collector.url}/health`);
    assert.equal(health.status, 200, 'the collector still answers http');
  });

  test('a request Node cannot read still gets Node\'s own 400 and is not listed as https', async () => {
    const before = (await others()).length;
    const net = await import('node:net');
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(collector.port, '127.0.0.1', () => socket.write('GARBAGE\r\n\r\n'));
      let text = '';
      socket.on('data', (chunk) => {
        text += chunk.toString('latin1');
      });
      socket.on('close', () => resolve(text));
      socket.on('error', reject);
    });
    assert.equal(answer, 'HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    assert.equal((await others()).length, before);
  });
});
