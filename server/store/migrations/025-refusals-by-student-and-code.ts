import type { Database } from 'better-sqlite3';

/**
 * Refused requests found by the student or tracking code they name, for erasures (player-refusals.ts,
 * erase-activity.ts) and a student's deletion and access report (STUDENT_REFUSALS_WHERE): each of those read the
 * whole table, and erasing a whole activity asked it some four times per student, inside the ingest writer's
 * transaction (about 1.3 s for 30 students and 50,000 refusals, games' batches waiting meanwhile).
 *
 * - by student: a refused start's logged-in student (NULL on every other refusal, so the index stays small).
 * - by login name: a failed login's or logout's sample, the roster username tried.
 * - by code: a refused start's or xAPI request's sample, the tracking code tried.
 *
 * Partial, so the track batches' samples (up to 2 KB each) stay out. SQLite uses a partial index only when the query
 * repeats its WHERE term as written: `route IN ('login', 'logout')` and `route IN ('start', 'xapi')` here and in
 * those queries go together.
 */
export function up(db: Database): void {
  db.exec(`
    CREATE INDEX rejected_requests_by_student ON rejected_requests (student) WHERE student IS NOT NULL;
    CREATE INDEX rejected_requests_by_login_name ON rejected_requests (sample) WHERE route IN ('login', 'logout');
    CREATE INDEX rejected_requests_by_code ON rejected_requests (sample) WHERE route IN ('start', 'xapi');
  `);
}
