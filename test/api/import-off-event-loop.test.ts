import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { test } from 'node:test';
import type { ImportReport } from '../../server/admin/api-types.js';
import { exportOptionsSchema } from '../../server/export/export-options.js';
import { exportToFile } from '../../server/export/export-to.js';
import { createActivity } from '../../server/store/activities-repo.js';
import { seedStore } from '../bench/seed-store.js';
import { startTestCollector } from '../support/collector.js';
import { request } from '../support/http.js';
import { startOk, track } from '../support/rage.js';
import { tempDir } from '../support/temp-dir.js';
import { taggedBatch } from '../support/track-batches.js';

const STATEMENTS = 40_000;

test("games' batches are answered at once while the dashboard imports a large bundle, and the import's report is whole", async () => {
  // Another laptop's term, handed over as a bundle.
  const other = path.join(tempDir(), 'other-laptop');
  seedStore(other, STATEMENTS, 40);
  const bundle = path.join(tempDir(), 'term.zip');
  await exportToFile(other, 'http://aula.local:3000/', exportOptionsSchema.parse({ format: 'zip' }), bundle, undefined);

  const collector = await startTestCollector();
  const activity = createActivity(collector.context.db, { name: 'Maths 3B', game: 'Number Quest' });
  const game = await startOk(collector.url, activity.trackingCode);

  // How much of the import's time the collector's event loop was busy (what games' requests wait on), rather than the
  // longest pause, which the other tests running on this machine's two cores lengthen as much as the import did.
  const busy = performance.eventLoopUtilization();
  const importing = request(`${collector.url}/admin/api/data/import`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/zip' },
    body: fs.readFileSync(bundle),
  });
  let finished = false;
  void importing.finally(() => {
    finished = true;
  });
  const answers: Array<{ status: number; count: number }> = [];
  for (let batch = 0; !finished; batch++) {
    const sent = taggedBatch(game, `during-${batch}`, 2_000);
    const answer = await track(collector.url, game.authToken, JSON.parse(sent.body));
    answers.push({ status: answer.status, count: sent.count });
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const utilization = performance.eventLoopUtilization(busy).utilization;

  const answer = await importing;
  assert.equal(answer.status, 200, answer.text);
  const { report } = answer.json as { report: ImportReport };
  assert.equal(report.added.statements, STATEMENTS);
  assert.ok(answers.length >= 5, `the import took long enough to send games' batches meanwhile (${answers.length})`);
  assert.ok(
    answers.every((sent) => sent.status === 200),
    answers.map((sent) => sent.status).join(' '),
  );
  // On the event loop, the import kept it busy three quarters of the time, in stretches of 300 ms to a second.
  assert.ok(utilization < 0.4, `the event loop was busy ${Math.round(utilization * 100)}% of the import`);
  const stored = collector.context.db.prepare('SELECT count(*) AS n FROM statements').get() as { n: number };
  assert.equal(stored.n, STATEMENTS + answers.reduce((sum, sent) => sum + sent.count, 0), "the bundle's statements and the games' are all stored");
});
