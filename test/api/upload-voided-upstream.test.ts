import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startTestCollector } from '../support/collector.js';
import { type Json, startScriptedLrs } from '../support/scripted-lrs.js';
import { aulaWithInput } from '../support/serve-process.js';
import { seedClassroom } from './export-support.js';

/**
 * An LRS that answers as TRAX does: 400 for a batch with an id it holds (voided or not), and, as xAPI requires, a
 * voided statement only through `voidedStatementId` (404 through `statementId`).
 */
async function traxLikeLrs() {
  const stored = new Map<string, Json>();
  const voided = new Set<string>();
  const lrs = await startScriptedLrs((request, send) => {
    if (request.method === 'GET') {
      const id = request.url.searchParams.get('statementId');
      const voidedId = request.url.searchParams.get('voidedStatementId');
      if (id !== null) return stored.has(id) && !voided.has(id) ? send(200, stored.get(id)) : send(404, { message: 'not found' });
      if (voidedId !== null) return voided.has(voidedId) ? send(200, stored.get(voidedId)) : send(404, { message: 'not found' });
      return send(400, { message: 'unsupported query' });
    }
    const statements = request.statements();
    if (statements.some((statement) => stored.has(String(statement.id)))) return send(400, { message: 'Statement(s) with similar ID already exist in the store.' });
    for (const statement of statements) stored.set(String(statement.id), statement);
    send(
      200,
      statements.map((statement) => statement.id),
    );
  });
  return { ...lrs, stored, voided };
}

test('a statement voided at the LRS counts as already there when it is uploaded again, not as rejected every time', async () => {
  const collector = await startTestCollector();
  const { sent } = await seedClassroom(collector);
  const total = sent.reduce((sum, n) => sum + n, 0);
  const dataDir = collector.config.dataDir;
  await collector.close();
  const lrs = await traxLikeLrs();
  try {
    const upload = (key: string) =>
      aulaWithInput(['upload', '--endpoint', lrs.endpoint, '--username', key, '--password-stdin', '--data-dir', dataDir], 'secret\n');
    assert.equal((await upload('key')).code, 0);
    // The researcher voids a statement at the LRS (a test session); later the same data goes up again under another
    // key (or from the laptop that imported this one's bundle), which sends every statement again.
    const [first] = lrs.stored.keys();
    lrs.voided.add(String(first));
    const again = await upload('another-key');
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stderr, new RegExp(`Sent 0, already there ${total}, conflicts 0, rejected 0\\.`));
    assert.ok(lrs.voided.has(String(first)), 'still voided at the LRS');
  } finally {
    await lrs.close();
  }
});
