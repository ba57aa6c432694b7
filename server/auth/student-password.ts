import { setPasswordHash } from '../store/students-repo.js';
import { passwordProblem } from './credential-rules.js';
import { hashPassword } from './password-hash.js';
import type { WriteRunner } from './roster.js';

/** The new password breaks a rule of credential-rules.ts; the message never repeats it. */
export class PasswordRefusedError extends Error {}

/**
 * Gives a student a new password, with the same rules and hashing as a new account (roster.ts). Resolves false
 * when the student no longer exists.
 *
 * Tokens from earlier logins are not revoked: they keep working until they expire (7 days). revoked_tokens holds
 * single jti values and Aula records no jti when it issues a token, so there is no list of a student's tokens to
 * revoke; revoking "everything before now" would need a per-student cut-off read by every token check
 * (LoginTokens.check, on each game start), a schema and login change of its own. A forgotten password, the case
 * this is for, does not need it; taking a student out of a class does stop their class-only activities at once.
 */
export async function resetPassword(write: WriteRunner, studentId: string, password: string): Promise<boolean> {
  const problem = passwordProblem(password);
  if (problem) throw new PasswordRefusedError(problem);
  // scrypt is slow on purpose: hash before the write, so the transaction stays short.
  const passwordHash = await hashPassword(password);
  return write((tx) => setPasswordHash(tx, studentId, passwordHash));
}
