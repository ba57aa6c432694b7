import type { Db } from '../store/open-database.js';
import { prepared } from '../store/prepared.js';

/**
 * A student's token generation (migration 005): login tokens carry the value they were issued under, and a password
 * reset raises it, so every earlier token is refused at once (login-tokens.ts) and the failed-login count starts
 * afresh (login-limiter.ts) — also when the reset ran in another process (`aula student password`), because both
 * read it from the database. undefined when there is no such student.
 */
export function tokenGeneration(db: Db, studentId: string): number | undefined {
  return prepared<[string], { generation: number }>(db, 'SELECT token_generation AS generation FROM students WHERE id = ?').get(
    studentId,
  )?.generation;
}

/** Call inside a write transaction. False when there is no such student. */
export function raiseTokenGeneration(db: Db, studentId: string): boolean {
  return prepared(db, 'UPDATE students SET token_generation = token_generation + 1 WHERE id = ?').run(studentId).changes > 0;
}
