import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setTimeout } from 'node:timers/promises';
import type { DiagnosticGroup, Diagnostics } from '../../server/admin/api-types.js';
import { useTestCollector } from '../support/collector.js';
import { makeActivity } from '../support/fixtures.js';
import { postJson, request } from '../support/http.js';
import { startOk } from '../support/rage.js';
import { RawConnection } from '../support/raw-http.js';
import { afterFirstBatch, taggedBatch, trackHead } from '../support/track-batches.js';
import { statement, xapiEndpoint } from './xapi-support.js';

const BUDGET = 100_000;
const BUSY = 'The collector is busy, retry shortly';

describe('Diagnostics: games asked to wait because Aula was busy', () => {
  const collector = useTestCollector({ config: { inflightBodyBytes: BUDGET } });

  async function busyGroup(): Promise<DiagnosticGroup | undefined> {
    const answer = await request(`${collector.current.url}/admin/api/diagnostics`);
    assert.equal(answer.status, 200);
    return (answer.json as Diagnostics).groups.find((group) => group.kind === 'busy');
  }

  /** Runs `refused` while a track backlog holds most of the in-flight budget, then lets the backlog finish. */
  async function whileBudgetHeld(refused: () => Promise<void>): Promise<void> {
    const activity = makeActivity(collector.current.context.db, { name: 'busy' });
    const holding = await startOk(collector.current.url, activity.trackingCode);
    const held = taggedBatch(holding, 'held', 0.9 * BUDGET);
    const connection = await RawConnection.open(Number(new URL(collector.current.url).port));
    try {
      await connection.write(trackHead(holding, held.body) + held.body.slice(0, 1000));
      // Written is not yet admitted: wait until the server has taken the backlog's share of the budget.
      while (collector.current.context.inflight.usedBytes === 0) await setTimeout(5);
      await refused();
      await connection.write(held.body.slice(1000));
      assert.equal((await connection.nextResponse()).status, 200);
    } finally {
      connection.close();
    }
  }

  it('lists a refused track backlog by address, counts it again, and hides it once marked as handled', async () => {
    assert.equal(await busyGroup(), undefined, 'nothing refused yet');
    const activity = makeActivity(collector.current.context.db, { name: 'returning' });
    const returning = await startOk(collector.current.url, activity.trackingCode);
    await afterFirstBatch(collector.current.url, returning);
    const backlog = taggedBatch(returning, 'backlog', 0.8 * BUDGET);
    const send = async () => {
      const answer = await request(`${collector.current.url}/api/collector/track`, {
        method: 'POST',
        headers: { Authorization: returning.authToken, 'Content-Type': 'application/json' },
        body: backlog.body,
      });
      assert.equal(answer.status, 503);
    };
    await whileBudgetHeld(async () => {
      await send();
      await send();
    });
    const group = await busyGroup();
    assert.equal(group?.title, 'Games asked to wait: Aula was busy');
    assert.equal(group?.count, 2);
    assert.equal(group?.items.length, 1, 'one game machine, listed once');
    assert.equal(group?.items[0]?.address, '127.0.0.1');
    assert.equal(group?.items[0]?.detail, BUSY);
    assert.equal(group?.items[0]?.count, 2);
    // Games that are not refused do not add to it.
    const playing = await startOk(collector.current.url, activity.trackingCode);
    const regular = taggedBatch(playing, 'regular', 2_000);
    const stored = await request(`${collector.current.url}/api/collector/track`, {
      method: 'POST',
      headers: { Authorization: playing.authToken, 'Content-Type': 'application/json' },
      body: regular.body,
    });
    assert.equal(stored.status, 200);
    assert.equal((await busyGroup())?.count, 2);

    assert.equal((await postJson(`${collector.current.url}/admin/api/diagnostics/clear`, { kind: 'busy' })).status, 200);
    assert.equal(await busyGroup(), undefined);
  });

  it('counts an xAPI batch refused as busy too', async () => {
    const xapi = xapiEndpoint(collector.current, 'busy xapi');
    const statements = Array.from({ length: 300 }, () => statement());
    await whileBudgetHeld(async () => {
      const answer = await xapi.call('statements', { method: 'POST', body: JSON.stringify(statements) });
      assert.equal(answer.status, 503, answer.text.slice(0, 200));
    });
    const group = await busyGroup();
    assert.equal(group?.count, 1);
    assert.equal(group?.items[0]?.address, '127.0.0.1');
  });
});
