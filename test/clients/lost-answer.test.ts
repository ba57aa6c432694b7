import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { describe, it } from 'node:test';
import { promisify } from 'node:util';
import { startTestCollector } from '../support/collector.js';
import { makeActivity } from '../support/fixtures.js';
import { request } from '../support/http.js';

const run = promisify(execFile);
const DRIVER = path.resolve(import.meta.dirname, 'drive-lost-answer.cjs');

/**
 * A classroom network between the tracker and Aula: passes everything through, but for the first track request it
 * lets the request reach Aula and then resets the game's connection instead of passing the answer back, as when a
 * tablet's Wi-Fi drops just after sending. Returns its port and how many track requests crossed it.
 */
async function lossyNetwork(targetPort: number): Promise<{ port: number; tracks: () => number; close: () => void }> {
  let tracks = 0;
  let answersToLose = 1;
  const server = net.createServer((game) => {
    const aula = net.connect(targetPort, '127.0.0.1');
    let loseThisAnswer = false;
    game.on('data', (chunk: Buffer) => {
      if (/^POST \S*\/collector\/track/m.test(chunk.toString('latin1'))) {
        tracks++;
        if (answersToLose > 0) {
          answersToLose--;
          loseThisAnswer = true;
        }
      }
      aula.write(chunk);
    });
    aula.on('data', (chunk: Buffer) => {
      if (loseThisAnswer) {
        game.resetAndDestroy();
        aula.destroy();
        return;
      }
      game.write(chunk);
    });
    const closeBoth = () => {
      game.destroy();
      aula.destroy();
    };
    game.on('error', closeBoth);
    aula.on('error', closeBoth);
    game.on('close', () => aula.end());
    aula.on('close', () => game.end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as net.AddressInfo).port, tracks: () => tracks, close: () => server.close() };
}

interface LiveSession {
  statements: number;
}

describe('the real js-tracker 0.9.2 when the answer to a batch is lost (Wi-Fi drops after sending)', () => {
  it('sends the batch again, byte for byte; the researcher gets each statement once, the teacher the right count', { timeout: 60_000 }, async () => {
    const collector = await startTestCollector();
    const activity = makeActivity(collector.context.db, { name: 'lossy wifi' });
    const network = await lossyNetwork(collector.port);
    try {
      const { stdout } = await run(process.execPath, [DRIVER, `http://127.0.0.1:${network.port}/`, activity.trackingCode], { timeout: 30_000 });
      const result = JSON.parse(stdout.trim().split('\n').at(-1) as string) as { flushes: boolean[]; pendingAfterLoss: number; pending: number };
      // The game saw its first flush fail and kept the batch; the next flushes sent it again, then the rest.
      assert.deepEqual(result.flushes, [false, true, true]);
      assert.equal(result.pendingAfterLoss, 1);
      assert.equal(result.pending, 0);
      assert.equal(network.tracks(), 4, 'the lost batch, its re-send, then one batch per later flush');

      const rows = collector.context.db
        .prepare("SELECT json FROM statements WHERE object_id LIKE '%level1' OR object_id LIKE '%question1' OR object_id LIKE '%door' ORDER BY seq")
        .all() as Array<{ json: string }>;
      const verbs = rows.map((row) => (JSON.parse(row.json) as { verb: { id: string } }).verb.id.split('/').at(-1));
      assert.deepEqual(verbs, ['initialized', 'selected', 'interacted', 'progressed', 'completed']);

      const live = await request(`${collector.url}/admin/api/activities/${activity.id}/sessions`);
      const sessions = (live.json as { sessions: LiveSession[] }).sessions;
      assert.deepEqual(
        sessions.map((session) => session.statements),
        [5],
      );
    } finally {
      network.close();
      await collector.close();
    }
  });
});
