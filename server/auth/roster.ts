import type { Db } from '../store/open-database.js';
import {
  addToClass,
  type ClassRole,
  existingUsernames,
  findStudentByUsername,
  insertStudent,
  type Student,
} from '../store/students-repo.js';
import { emailProblem, normalizeUsername, passwordProblem, usernameProblem } from './credential-rules.js';
import { hashPassword } from './password-hash.js';

export interface NewAccount {
  username: string;
  password: string;
  name?: string | undefined;
  email?: string | undefined;
  role?: ClassRole | undefined;
  /** Where it came from, for error reports: the CSV line number. */
  line?: number | undefined;
}

export interface RosterProblem {
  line?: number | undefined;
  username: string;
  message: string;
}

/** Nothing was created: every problem found is listed, so the teacher can fix them all at once. */
export class RosterError extends Error {
  constructor(readonly problems: RosterProblem[]) {
    super(problems.map(describeProblem).join('\n'));
  }
}

export function describeProblem(problem: RosterProblem): string {
  return problem.line === undefined ? problem.message : `line ${problem.line}: ${problem.message}`;
}

/** Runs a job in one write transaction: the server passes `ctx.writer.run`, the CLI a plain transaction. */
export type WriteRunner = <T>(job: (db: Db) => T) => Promise<T>;

/** Every reason these accounts cannot be created, sorted by line; empty when they all can. */
export function checkAccounts(db: Db, accounts: NewAccount[]): RosterProblem[] {
  const problems: RosterProblem[] = [];
  const seen = new Map<string, number | undefined>();
  for (const account of accounts.map(normalized)) {
    const report = (message: string) => problems.push({ line: account.line, username: account.username, message });
    const badName = usernameProblem(account.username);
    if (badName) report(badName);
    const badPassword = passwordProblem(account.password);
    if (badPassword) report(`${badPassword} (student "${account.username}")`);
    const badEmail = emailProblem(account.email?.trim() ?? '');
    if (badEmail) report(badEmail);
    if (seen.has(account.username)) {
      const first = seen.get(account.username);
      report(`the username "${account.username}" appears twice${first === undefined ? '' : ` (first on line ${first})`}`);
    } else {
      seen.set(account.username, account.line);
      if (existingUsernames(db, [account.username]).length > 0) report(`a student "${account.username}" already exists`);
    }
  }
  return problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

function normalized(account: NewAccount): NewAccount {
  return { ...account, username: normalizeUsername(account.username) };
}

/**
 * Creates student accounts and puts them in a class, all or nothing. Passwords are hashed before the transaction
 * (scrypt is slow on purpose) and never kept in clear anywhere.
 */
export async function createAccounts(db: Db, write: WriteRunner, classId: string, accounts: NewAccount[]): Promise<Student[]> {
  const problems = checkAccounts(db, accounts);
  if (problems.length > 0) throw new RosterError(problems);
  const hashed = await Promise.all(
    accounts.map(normalized).map(async (account) => ({ ...account, passwordHash: await hashPassword(account.password) })),
  );
  const usernames = await write((tx) =>
    hashed.map((account) => {
      const id = insertStudent(tx, {
        username: account.username,
        passwordHash: account.passwordHash,
        name: account.name,
        email: account.email,
      });
      addToClass(tx, classId, id, account.role ?? 'student');
      return account.username;
    }),
  );
  return usernames.map((username) => findStudentByUsername(db, username) as Student);
}
