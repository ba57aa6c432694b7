import { type Wording, word } from '../i18n/wording.js';
import { setPasswordHash } from '../store/students-repo.js';
import { passwordWording } from './credential-rules.js';
import { hashPassword } from './password-hash.js';
import type { WriteRunner } from './roster.js';
import { raiseTokenGeneration } from './token-generation.js';

/** The new password breaks a rule of credential-rules.ts; the message never repeats it. */
export class PasswordRefusedError extends Error {
  constructor(readonly wording: Wording) {
    super(word(wording));
  }
}

/**
 * Gives a student a new password, with the same rules and hashing as a new account (roster.ts). Resolves false
 * when the student no longer exists.
 *
 * A reset really resets: in the same transaction it raises the student's token generation (token-generation.ts), so
 * every token from an earlier login is refused at the next start, as a logged-out token is, and the game must log in
 * again with the new password. The failed-login count starts afresh with the new generation, so a locked-out student
 * can log in at once, also after `aula student password` run while Aula is serving.
 */
export async function resetPassword(write: WriteRunner, studentId: string, password: string): Promise<boolean> {
  const problem = passwordWording(password);
  if (problem) throw new PasswordRefusedError(problem);
  // scrypt is slow on purpose: hash before the write, so the transaction stays short.
  const passwordHash = await hashPassword(password);
  return write((tx) => setPasswordHash(tx, studentId, passwordHash) && raiseTokenGeneration(tx, studentId));
}
