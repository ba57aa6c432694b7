import type { Database } from 'better-sqlite3';

/**
 * Results are folded from the statements in memory and written about once a second (rules-engine.ts), so a crash
 * in that second left the results short of statements that are stored, for good. The writer now records, with each
 * write of results, the seq up to which every stored statement is in them (`results_through_seq`); at start the
 * rules engine folds whatever lies beyond it. An import folds its statements' results in its own transaction and
 * records their seqs in `results_folded`, so that catching up does not count them twice.
 *
 * A store from before this migration has every statement in its results already (or as many as it will ever have).
 */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE results_folded (
      first_seq INTEGER NOT NULL,
      last_seq INTEGER NOT NULL,
      PRIMARY KEY (first_seq, last_seq)
    ) STRICT, WITHOUT ROWID;
    INSERT INTO settings (key, value) SELECT 'results_through_seq', CAST(coalesce(max(seq), 0) AS TEXT) FROM statement_rows;
  `);
}
