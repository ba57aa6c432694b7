import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { runClients } from '../support/load-clients.js';
import { startOk, statementS, track } from '../support/rage.js';
import { aula, startServe } from '../support/serve-process.js';
import { tempDir } from '../support/temp-dir.js';

const CLIENTS = 50;
const LOAD_MS = 2500;

function storedObjectIds(dataDir: string): { ids: string[]; integrity: string } {
  const db = new Database(path.join(dataDir, 'aula.sqlite'), { readonly: true });
  try {
    const ids = (db.prepare('SELECT object_id AS id FROM statements').all() as Array<{ id: string }>).map((row) => row.id);
    const integrity = db.pragma('integrity_check', { simple: true }) as string;
    return { ids, integrity };
  } finally {
    db.close();
  }
}

/** Each stored statement's student and object, and those the results have (a row per student and object). */
function resultCoverage(dataDir: string): { stored: Set<string>; inResults: Set<string> } {
  const db = new Database(path.join(dataDir, 'aula.sqlite'), { readonly: true });
  try {
    const keys = (sql: string) => new Set((db.prepare(sql).all() as Array<{ key: string }>).map((row) => row.key));
    return {
      stored: keys("SELECT DISTINCT player_id || ' ' || object_id AS key FROM statements WHERE activity_id IS NOT NULL"),
      inResults: keys("SELECT player_id || ' ' || object_id AS key FROM results"),
    };
  } finally {
    db.close();
  }
}

const notInResults = ({ stored, inResults }: ReturnType<typeof resultCoverage>) => [...stored].filter((key) => !inResults.has(key));

/** Results are written about once a second: the restarted collector folds what they missed, a step at a time. */
async function waitForResults(dataDir: string, timeoutMs: number): Promise<string[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const missing = notInResults(resultCoverage(dataDir));
    if (missing.length === 0 || Date.now() > deadline) return missing;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function assertExactlyOnce(acknowledged: string[], stored: string[]): void {
  const counts = new Map<string, number>();
  for (const id of stored) counts.set(id, (counts.get(id) ?? 0) + 1);
  const duplicates = [...counts].filter(([, count]) => count > 1);
  assert.deepEqual(duplicates, [], 'no statement is stored twice');
  const missing = acknowledged.filter((id) => !counts.has(id));
  assert.deepEqual(missing.slice(0, 5), [], `${missing.length} acknowledged statements are missing`);
}

describe('nothing acknowledged is lost (issue 9)', () => {
  it(`SIGKILL under the load of ${CLIENTS} clients: every acknowledged statement is there once, in the results after the restart, tokens still work`, async () => {
    const dataDir = tempDir();
    const { trackingCode } = JSON.parse(await aula(['activity', 'create', '--name', 'crash', '--json', '--data-dir', dataDir]));
    const serve = await startServe(dataDir);
    let stop = false;
    const load = runClients(serve.url, trackingCode, { clients: CLIENTS, batch: 10, shouldStop: () => stop });
    await new Promise((resolve) => setTimeout(resolve, LOAD_MS));
    await serve.stop('SIGKILL');
    stop = true;
    const logs = await load;
    const acknowledged = logs.flatMap((log) => log.acknowledged);
    assert.ok(acknowledged.length > CLIENTS * 10, `the load should have been acknowledged for a while (${acknowledged.length})`);

    const after = storedObjectIds(dataDir);
    assert.equal(after.integrity, 'ok');
    assertExactlyOnce(acknowledged, after.ids);

    // The results of the last second before the kill were still in memory.
    const unfolded = notInResults(resultCoverage(dataDir)).length;
    assert.ok(unfolded > 0, 'the kill came before the results of the last batches were written');

    const restarted = await startServe(dataDir);
    try {
      const missing = await waitForResults(dataDir, 15_000);
      assert.deepEqual(missing.slice(0, 3), [], `${missing.length} of the ${unfolded} statements the results missed are still missing`);
      for (const log of logs.slice(0, 5)) {
        const answer = await track(restarted.url, log.authToken, [{ ...statementS({ name: 'x' }), id: undefined }]);
        assert.equal(answer.status, 200);
      }
      assert.equal((await startOk(restarted.url, trackingCode)).session, 1);
    } finally {
      await restarted.stop();
    }
    process.stdout.write(
      `# crash test: ${CLIENTS} clients × ${LOAD_MS} ms, ${acknowledged.length} acknowledged, ${after.ids.length} stored\n`,
    );
  });

  it('SIGTERM under load: in-flight commits finish, the process exits 0, nothing acknowledged is lost', async () => {
    const dataDir = tempDir();
    const { trackingCode } = JSON.parse(await aula(['activity', 'create', '--name', 'quit', '--json', '--data-dir', dataDir]));
    const serve = await startServe(dataDir);
    let stop = false;
    const load = runClients(serve.url, trackingCode, { clients: 20, batch: 10, shouldStop: () => stop });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const exitCode = await serve.stop('SIGTERM');
    stop = true;
    const logs = await load;
    assert.equal(exitCode, 0);
    const acknowledged = logs.flatMap((log) => log.acknowledged);
    const after = storedObjectIds(dataDir);
    assert.equal(after.integrity, 'ok');
    assertExactlyOnce(acknowledged, after.ids);
    const refused = logs.flatMap((log) => [...log.failures.keys()]);
    for (const status of refused) assert.ok(status === 0 || status === 503, `only refusals after the stop (got ${status})`);
  });
});
