import { createHmac, randomBytes } from 'node:crypto';

/**
 * Names of students in the log, at levels that keep them or not. The log goes wherever the teacher or IT keeps it
 * (`aula serve 2> aula.log`, a service manager's journal), out of reach of an erasure: at the default level a line
 * says *a* student (a tag that is the same for one student while Aula runs, so IT can still follow "the same account
 * keeps failing"), and only debug and trace, chosen to diagnose, name them.
 */
const NAMING_FIELDS = ['username'] as const;

/** A new key each run: the tags of two runs cannot be matched, and no tag can be recomputed from a roster afterwards. */
const runKey = randomBytes(32);

export function studentTag(username: string): string {
  return `student-${createHmac('sha256', runKey).update(username.toLowerCase()).digest('base64url').slice(0, 8)}`;
}

/** The log object with each name replaced by its tag (a copy: the caller's object is left as it was). */
export function withoutNames(fields: Record<string, unknown>): Record<string, unknown> {
  if (!NAMING_FIELDS.some((field) => typeof fields[field] === 'string')) return fields;
  const copy: Record<string, unknown> = { ...fields };
  for (const field of NAMING_FIELDS) {
    const value = copy[field];
    if (typeof value !== 'string') continue;
    delete copy[field];
    copy.student = studentTag(value);
  }
  return copy;
}

/** Levels at which students are named: debug (20) and trace (10), pino's numbers. */
export const NAMING_LEVEL = 20;
