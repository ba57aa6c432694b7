import path from 'node:path';
import Database from 'better-sqlite3';
import { trackerBatch } from './load-client.js';
import { percentiles, round } from './measure.js';

/**
 * The classroom's floor on this disk: a bare SQLite transaction of one batch (10 tracker-shaped statements into a
 * table without indexes), in WAL mode with synchronous = FULL as Aula commits, one every 25 ms (40 games sending
 * once a second). No server, no HTTP, no JSON parsing: only the write and its fsync. A game's answer waits for such
 * a commit, so the classroom's p99 cannot be lower than this one's.
 */
export async function measureDiskCommits(dataDir: string, options: { commits?: number; gapMs?: number } = {}) {
  const { commits = 400, gapMs = 25 } = options;
  const db = new Database(path.join(dataDir, 'disk-floor.sqlite'));
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.exec('CREATE TABLE statements (seq INTEGER PRIMARY KEY, json TEXT NOT NULL)');
    const insert = db.prepare('INSERT INTO statements (json) VALUES (?)');
    const rows = (JSON.parse(trackerBatch({ name: 'floor' }, 'http://aula.local/games/floor', 10, 0)) as unknown[]).map((row) => JSON.stringify(row));
    const commitBatch = db.transaction(() => {
      for (const row of rows) insert.run(row);
    });
    const latencies: number[] = [];
    for (let i = 0; i < commits; i++) {
      const began = performance.now();
      commitBatch();
      latencies.push(performance.now() - began);
      await new Promise((resolve) => setTimeout(resolve, gapMs));
    }
    const figures = percentiles(latencies);
    return { commits, gapMs, latencyMs: { p50: round(figures.p50, 2), p95: round(figures.p95, 2), p99: round(figures.p99, 2), max: round(figures.max, 2) } };
  } finally {
    db.close();
  }
}
