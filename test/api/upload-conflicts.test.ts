import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { normalizeSettingsFor } from '../../server/export/export-options.js';
import type { Collector } from '../../server/index.js';
import { uploadStatements } from '../../server/upload/uploader.js';
import { startTestCollector } from '../support/collector.js';
import { type Json, startScriptedLrs } from '../support/scripted-lrs.js';
import { type Classroom, seedClassroom } from './export-support.js';

/** A scripted LRS: stores what it accepts; `mode` decides how it answers a POST that touches a stored id. */
async function scriptedLrs(mode: 'trax-400' | 'whole-409') {
  const stored = new Map<string, Json>();
  const posts: number[] = [];
  const lrs = await startScriptedLrs((request, send) => {
    const { method, url } = request;
    if (method === 'GET') {
      const found = stored.get(url.searchParams.get('statementId') ?? '');
      return found ? send(200, found) : send(404, { message: 'not found' });
    }
    if (method === 'PUT') {
      const id = url.searchParams.get('statementId') ?? '';
      if (stored.has(id)) return send(mode === 'trax-400' ? 204 : 409);
      stored.set(id, JSON.parse(request.body.toString('utf8')) as Json);
      return send(204);
    }
    const statements = request.statements();
    posts.push(statements.length);
    if (statements.some((s) => stored.has(String(s.id)))) {
      return mode === 'trax-400' ? send(400, { message: 'Statement(s) with similar ID already exist in the store.' }) : send(409, { message: 'Conflict' });
    }
    const invalid = statements.find((s) => JSON.stringify(s).includes('poison'));
    if (invalid) return send(400, { message: `Invalid statement ${String(invalid.id)}` });
    for (const s of statements) stored.set(String(s.id), s);
    send(
      200,
      statements.map((s) => s.id),
    );
  });
  after(() => lrs.close());
  return { ...lrs, stored, posts };
}

let collector: Collector;
let classroom: Classroom;
let total: number;
before(async () => {
  collector = await startTestCollector();
  classroom = await seedClassroom(collector);
  total = classroom.sent.reduce((sum, n) => sum + n, 0);
});
after(() => collector.close());

function upload(endpoint: string, batchSize = 100) {
  const db = collector.context.db;
  return uploadStatements(db, {
    target: { endpoint, username: 'key', password: 'secret' },
    filters: {},
    batchSize,
    settings: normalizeSettingsFor(db, collector.context.homePage, { actors: 'per-player', pseudonymize: false }, undefined),
    write: (job) => collector.context.writer.run(job),
    retryDelays: [10],
  });
}

for (const mode of ['trax-400', 'whole-409'] as const) {
  describe(`an LRS that answers ${mode} for a batch touching a stored id`, () => {
    test('statements already upstream are recognised, the rest still arrives once, a different one is a conflict', async () => {
      const lrs = await scriptedLrs(mode);
      const { endpoint } = lrs;
      // Another laptop (or a crash after the LRS stored it) already put some statements there.
      const first = await upload(endpoint, 5);
      assert.equal(first.sent, total);
      const ids = [...lrs.stored.keys()];
      const kept = ids.slice(0, 3).map((id) => [id, lrs.stored.get(id)] as const);
      lrs.stored.clear();
      for (const [id, statement] of kept) lrs.stored.set(id, statement as Json);
      const [changedId] = kept[2] ?? [];
      lrs.stored.set(String(changedId), { ...(kept[2]?.[1] as Json), verb: { id: 'http://example.com/other' } });
      collector.context.db.prepare("UPDATE upload_state SET state = 'pending'").run();

      const second = await upload(endpoint, 100);
      assert.equal(second.alreadyThere, 2);
      assert.equal(second.conflicts, 1);
      assert.equal(second.sent, total - 3);
      assert.equal(lrs.stored.size, total);
      assert.deepEqual(second.totals, { pending: 0, sent: total - 1, conflict: 1, rejected: 0 });
      assert.equal(second.problems[0]?.id, changedId);

      const third = await upload(endpoint, 100);
      assert.equal(third.sent + third.alreadyThere + third.conflicts, 0, 'a re-run sends nothing');
      collector.context.db.prepare('DELETE FROM upload_state').run();
    });
  });
}

test('a 400 about content: the batch is split until the offending statement stands alone; the rest arrives', async () => {
  const lrs = await scriptedLrs('trax-400');
  const { endpoint } = lrs;
  const db = collector.context.db;
  const victim = db.prepare('SELECT seq, json FROM statements ORDER BY seq LIMIT 1 OFFSET 7').get() as { seq: number; json: string };
  const poisoned = JSON.parse(victim.json) as Json;
  poisoned.result = { response: 'poison' };
  db.prepare('UPDATE statement_rows SET json = ? WHERE seq = ?').run(JSON.stringify(poisoned), victim.seq);
  const summary = await upload(endpoint, 100);
  assert.equal(summary.rejected, 1);
  assert.equal(summary.sent, total - 1);
  assert.match(summary.problems[0]?.message ?? '', /LRS 400: Invalid statement/);
  assert.equal(lrs.stored.size, total - 1);
});
