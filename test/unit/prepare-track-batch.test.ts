import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PREPARE_CHUNK, prepareTrackBatch } from '../../server/collector/prepare-track-batch.js';
import { CollectorRefusal } from '../../server/collector/refusals.js';
import { trackerBatch } from '../bench/load-client.js';
import { sessionContext } from '../support/fixtures.js';

const session = sessionContext();
const actor = { account: { homePage: 'http://aula.test/', name: 'Anonymous' }, name: 'player-1' };
const backlog = (size: number) => JSON.parse(trackerBatch(actor, 'http://aula.test/api/proxy/gleaner/games/g/v', size, 0)) as Array<Record<string, unknown>>;

describe("track prepares a returning game's backlog in chunks (issue 8: other games' batches get turns)", () => {
  it('pauses between chunks and prepares every statement as a single pass would, in order', async () => {
    const statements = backlog(2 * PREPARE_CHUNK + 500);
    const verbs = statements.map((statement) => (statement.verb as { id: string }).id);
    let pauses = 0;
    const prepared = await prepareTrackBatch(statements, session, { pause: async () => void pauses++ });
    assert.equal(pauses, 2);
    assert.equal(prepared.length, statements.length);
    assert.deepEqual(
      prepared.map((statement) => statement.summary.verbId),
      verbs,
    );
    // Augmented as stored: the collector's keys are in every statement's JSON (C-6.5).
    for (const statement of [prepared[0], prepared[PREPARE_CHUNK], prepared.at(-1)]) {
      const extensions = (JSON.parse(statement?.json ?? '{}') as { object: { definition: { extensions: Record<string, unknown> } } }).object.definition.extensions;
      assert.equal(extensions.gameplayId, 'gameplay-1');
      assert.equal(extensions.versionId, 'version-1');
    }
  });

  it('refuses the whole batch for a bad statement in its last chunk', async () => {
    const statements = backlog(2 * PREPARE_CHUNK + 500);
    delete statements[2 * PREPARE_CHUNK + 400]?.actor;
    await assert.rejects(prepareTrackBatch(statements, session, { pause: async () => {} }), (error: unknown) => {
      assert.ok(error instanceof CollectorRefusal);
      assert.equal(error.status, 400);
      assert.match(error.message, /^Statement 2400 doesn't have a valid format\. Error: Actor is missing/);
      return true;
    });
  });

  it('prepares a regular batch without a pause', async () => {
    let pauses = 0;
    const prepared = await prepareTrackBatch(backlog(10), session, { pause: async () => void pauses++ });
    assert.equal(prepared.length, 10);
    assert.equal(pauses, 0);
  });
});
