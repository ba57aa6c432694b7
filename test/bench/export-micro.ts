// Micro-measurements of reading statement rows on a seeded store (BENCH_DATA_DIR of bench:export): CPU µs per row.
import path from 'node:path';
import { openDatabase } from '../../server/store/open-database.js';

const dir = process.env.BENCH_DATA_DIR ?? '/tmp/aula-bench-1m';
const db = openDatabase(path.join(dir, 'data'), { readonly: true });
const N = 300_000;
for (const columns of [
  's.json',
  's.id, s.json',
  's.id, s.stored, s.json',
  "s.id, s.stored, s.source = 'xapi', s.json",
  "s.id, s.stored, s.source = 'xapi', s.json, s.session_id",
  "s.id, s.stored, s.source = 'xapi', s.json, s.session_id, s.player_id, s.activity_id",
  "s.id, s.stored, s.source, s.json, s.session_id, s.player_id, s.activity_id",
  's.seq, s.id, s.stored, s.source, s.json, s.session_id, s.player_id, s.activity_id',
  's.id, s.stored, s.source, s.json, s.session_id, s.player_id',
  "s.id || s.stored, s.source = 'xapi', s.json, s.session_id, s.player_id || s.activity_id",
  "s.id || s.stored || s.session_id || s.player_id || s.activity_id || s.source, s.json",
]) {
  const cpu = process.cpuUsage();
  let rows = 0;
  for (const _ of db.prepare(`SELECT ${columns} FROM statements s WHERE s.seq > ? ORDER BY s.seq LIMIT ?`).raw(true).iterate(0, N)) rows++;
  if (rows !== N) throw new Error(`the store has ${rows} statements; seed ${N} first (npm run bench:export)`);
  const used = process.cpuUsage(cpu);
  process.stdout.write(`${columns}: ${((used.user + used.system) / N).toFixed(2)} µs cpu/row\n`);
}
