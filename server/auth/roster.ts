import { type Wording, word, wording } from '../i18n/wording.js';
import type { Db } from '../store/open-database.js';
import {
  addToClass,
  type ClassRole,
  existingUsernames,
  findStudentByUsername,
  insertStudent,
  type Student,
} from '../store/students-repo.js';
import { emailWording, normalizeUsername, passwordWording, usernameWording } from './credential-rules.js';
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
  /** In English, as the CLI prints it. */
  message: string;
  /** The same in words, for the dashboard's language (server/i18n); absent, `message` is shown as it is. */
  wording?: Wording | undefined;
}

/** A problem with its English message made from its wording, so the two always say the same. */
export function rosterProblem(line: number | undefined, username: string, said: Wording): RosterProblem {
  return { line, username, message: word(said), wording: said };
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
    const { username } = account;
    const report = (said: Wording) => problems.push(rosterProblem(account.line, username, said));
    const badName = usernameWording(username);
    if (badName) report(badName);
    const badPassword = passwordWording(account.password);
    if (badPassword) report(wording('roster.passwordOfStudent', { problem: badPassword, username }));
    const badEmail = emailWording(account.email?.trim() ?? '');
    if (badEmail) report(badEmail);
    if (seen.has(username)) {
      const first = seen.get(username);
      report(first === undefined ? wording('roster.usernameTwice', { username }) : wording('roster.usernameTwiceFirstOn', { username, line: first }));
    } else {
      seen.set(username, account.line);
      if (existingUsernames(db, [username]).length > 0) report(wording('roster.studentExists', { username }));
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
