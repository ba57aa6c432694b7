import fs from 'node:fs';
import type { Command } from 'commander';
import { normalizeUsername } from '../auth/credential-rules.js';
import { checkAccounts, createAccounts, describeProblem, type NewAccount, RosterError, type WriteRunner } from '../auth/roster.js';
import { parseRosterCsv } from '../auth/roster-csv.js';
import { decodeRoster } from '../auth/roster-encoding.js';
import { PasswordRefusedError, resetPassword } from '../auth/student-password.js';
import { type ClassInfo, findClassByName, getClass } from '../store/classes-repo.js';
import type { Db } from '../store/open-database.js';
import { deleteRefusal, deleteStudentAccount, StudentDeleteError, studentAccount } from '../store/student-delete.js';
import { type ClassRole, findStudentByUsername, joinClass, listStudents, removeFromClass, type Student } from '../store/students-repo.js';
import { type DataDirOption, type DataFolderUse, withDatabase, withDatabaseAsync as withOpenDatabase } from './open-data.js';
import { CliError, printJson, printLines } from './output.js';
import { passwordOf } from './password-input.js';

const ROLES: readonly ClassRole[] = ['student', 'assistant', 'teacher'];

function requireClass(db: Db, name: string): ClassInfo {
  const found = findClassByName(db, name);
  if (!found) throw new CliError(`No class named "${name}". Create it first: aula class create --name "${name}"`);
  return found;
}

/** Hashing is asynchronous, so these commands hold the database open across awaits; one plain transaction writes. */
function withDatabaseAsync<T>(options: DataDirOption, work: (db: Db, write: WriteRunner) => Promise<T>, use: DataFolderUse = 'existing'): Promise<T> {
  return withOpenDatabase(options, (db) => work(db, async (job) => db.transaction(job).immediate(db)), use);
}

async function create(options: DataDirOption, className: string, accounts: NewAccount[], earlier: RosterError | null) {
  return withDatabaseAsync(
    options,
    async (db, write) => {
      const target = requireClass(db, className);
      if (earlier) throw new RosterError([...earlier.problems, ...checkAccounts(db, accounts)].sort((a, b) => (a.line ?? 0) - (b.line ?? 0)));
      return { target, created: await createAccounts(db, write, target.id, accounts) };
    },
    'set-up',
  );
}

function rosterFailure(error: unknown, what: string): never {
  if (!(error instanceof RosterError)) throw error;
  const count = error.problems.length;
  throw new CliError(
    [`${what}: nothing was imported, ${count} problem${count === 1 ? '' : 's'} to fix:`, ...error.problems.map((p) => `  ${describeProblem(p)}`)].join('\n'),
  );
}

/** One account is not an import: its problems in one sentence, and a username taken points to `student join`. */
function addFailure(error: unknown, username: string, className: string): never {
  if (!(error instanceof RosterError)) throw error;
  const taken = error.problems.some((problem) => problem.wording?.key === 'roster.studentExists');
  const join = taken
    ? ` To put that account in class ${className.trim()} too: aula student join ${normalizeUsername(username)} --class "${className.trim()}"`
    : '';
  throw new CliError(`Student not added: ${error.problems.map((problem) => problem.message).join('; ')}.${join}`);
}

function describe(student: Student): string {
  const classes = student.classes.map((c) => (c.role === 'student' ? c.name : `${c.name} (${c.role})`)).join(', ');
  return `${student.username}${student.name ? `  ${student.name}` : ''}${classes ? `  [${classes}]` : ''}`;
}

interface AddOptions {
  password?: string;
  passwordStdin?: boolean;
  class: string;
  name?: string;
  email?: string;
  role: string;
  json?: boolean;
}

export function registerStudentCommands(program: Command, withDataDir: (command: Command) => Command): void {
  const students = program.command('student').description('student accounts for logging in from games');

  withDataDir(students.command('add'))
    .argument('<username>', 'login name: letters a-z, digits, . _ - (case does not matter)')
    .description('create a student account in a class')
    .option('--password <password>', 'the password the student types in the game')
    .option('--password-stdin', 'read the password from standard input instead (it stays out of the shell history)')
    .requiredOption('--class <name>', 'the class the student belongs to')
    .option('--name <name>', "the student's full name, shown to the teacher")
    .option('--email <email>', 'e-mail address (sent back to the game on login, as A2 did)')
    .option('--role <role>', `role in the class: ${ROLES.join(', ')}`, 'student')
    .option('--json', 'print the student as JSON')
    .action(async (username: string, options: DataDirOption & AddOptions) => {
      if (!ROLES.includes(options.role as ClassRole)) throw new CliError(`--role must be one of: ${ROLES.join(', ')}`);
      const password = await passwordOf(options);
      const account: NewAccount = { username, password, name: options.name, email: options.email, role: options.role as ClassRole };
      const { target, created } = await create(options, options.class, [account], null).catch((error: unknown) =>
        addFailure(error, username, options.class),
      );
      const student = created[0] as Student;
      if (options.json) return printJson(student);
      printLines(`Added ${student.username} to class ${target.name}. The game logs in with this username and the password given.`);
    });

  withDataDir(students.command('import'))
    .argument('<file>', 'CSV file, one student per line: username,password[,name] (a header line is allowed)')
    .description('create the student accounts of a roster file in a class (all or nothing)')
    .requiredOption('--class <name>', 'the class the students belong to')
    .option('--json', 'print the created students as JSON')
    .action(async (file: string, options: DataDirOption & { class: string; json?: boolean }) => {
      let bytes: Uint8Array;
      try {
        bytes = fs.readFileSync(file);
      } catch (error) {
        throw new CliError(`Cannot read ${file}: ${(error as Error).message}`);
      }
      const { text, encoding } = decodeRoster(bytes);
      const parsed = parseRosterCsv(text);
      if (parsed.accounts.length === 0 && parsed.problems.length === 0) throw new CliError(`${file} holds no students`);
      const earlier = parsed.problems.length > 0 ? new RosterError(parsed.problems) : null;
      const { target, created } = await create(options, options.class, parsed.accounts, earlier).catch((error: unknown) =>
        rosterFailure(error, file),
      );
      if (options.json) return printJson(created);
      // Said, so a teacher whose file really was in another encoding sees why the names look wrong.
      const readAs = encoding === 'windows-1252' ? ' (the file is not UTF-8: read as Windows-1252, as Excel saves CSV on Windows)' : '';
      printLines(
        `Imported ${created.length} student${created.length === 1 ? '' : 's'} into class ${target.name}${readAs}:`,
        ...created.map((s) => `  ${s.username}${s.name ? `  ${s.name}` : ''}`),
      );
    });

  withDataDir(students.command('list'))
    .description('list student accounts (never their passwords)')
    .option('--class <name>', 'only the members of this class')
    .option('--json', 'print one JSON array')
    .action((options: DataDirOption & { class?: string; json?: boolean }) => {
      const found = withDatabase(options, (db) => listStudents(db, options.class === undefined ? undefined : requireClass(db, options.class).id));
      if (options.json) return printJson(found);
      if (found.length === 0) {
        return printLines(options.class ? `No students in class ${options.class} yet.` : 'No students yet. Add one: aula student add USERNAME --password PW --class NAME');
      }
      printLines(...found.map(describe));
    });

  withDataDir(students.command('password'))
    .argument('<username>', "the student's login name")
    .description(
      'set a new password for a student (e.g. a forgotten one); games already logged in must log in again, and a student locked out by failed logins may log in at once',
    )
    .option('--password <password>', 'the new password')
    .option('--password-stdin', 'read the new password from standard input instead (it stays out of the shell history)')
    .option('--json', 'print the student as JSON')
    .action(async (username: string, options: DataDirOption & { password?: string; passwordStdin?: boolean; json?: boolean }) => {
      const password = await passwordOf(options);
      const student = await withDatabaseAsync(options, async (db, write) => {
        const found = requireStudent(db, username);
        try {
          if (!(await resetPassword(write, found.id, password))) throw new CliError(`No student "${found.username}" any more.`);
        } catch (error) {
          if (error instanceof PasswordRefusedError) throw new CliError(`Password not changed: ${error.message}.`);
          throw error;
        }
        return found;
      });
      if (options.json) return printJson(student);
      printLines(
        `New password set for ${student.username}. The game logs in with it from now on; a game already logged in must log in again, and a lockout after failed logins no longer applies.`,
      );
    });

  withDataDir(students.command('remove'))
    .argument('<username>', "the student's login name")
    .description('take a student out of a class; the account and everything the student played stay')
    .requiredOption('--class <name>', 'the class to take the student out of')
    .option('--json', 'print the class and the student as JSON')
    .action((username: string, options: DataDirOption & { class: string; json?: boolean }) => {
      const { target, student } = withDatabase(options, (db) => {
        const target = requireClass(db, options.class);
        const found = requireStudent(db, username);
        const removed = db.transaction(() => removeFromClass(db, target.id, found.id)).immediate();
        if (!removed) throw new CliError(`${found.username} is not in class ${target.name}. See its students: aula student list --class "${target.name}"`);
        return { target: getClass(db, target.id) as ClassInfo, student: findStudentByUsername(db, found.username) as Student };
      });
      if (options.json) return printJson({ class: target, student });
      printLines(
        `Removed ${student.username} from class ${target.name}. The account and everything ${student.username} played stay; class-only activities of ${target.name} no longer accept ${student.username}.`,
      );
    });

  withDataDir(students.command('delete'))
    .argument('<username>', "the student's login name")
    .description("delete a student's account for good: username, name, e-mail address, password, classes (erase the student's data first)")
    .option('--yes', 'really delete (without it, only shows what would be deleted)')
    .option('--json', 'print the deleted account as JSON')
    .action((username: string, options: DataDirOption & { yes?: boolean; json?: boolean }) => {
      const account = withDatabase(options, (db) => {
        try {
          if (!options.yes) {
            const found = studentAccount(db, username);
            const who = `the account of ${found.username}${found.name ? ` (${found.name})` : ''}${found.classes.length ? `, in ${found.classes.join(', ')}` : ''}`;
            // Said now, not after the teacher runs it again with --yes only to be refused.
            const refusal = deleteRefusal(db, found);
            if (refusal) {
              printLines(`Would not delete ${who}: --yes is refused too while ${found.username}'s data is in Aula.`);
              throw refusal;
            }
            printLines(`Would delete ${who}.`);
            throw new CliError('Nothing deleted. Run again with --yes to delete it; this cannot be undone.');
          }
          return db.transaction(() => deleteStudentAccount(db, username)).immediate();
        } catch (error) {
          if (error instanceof StudentDeleteError) throw new CliError(error.message);
          throw error;
        }
      });
      if (options.json) return printJson({ deleted: true, username: account.username, classes: account.classes });
      printLines(`Deleted the account of ${account.username}: its name, e-mail address, password and classes are gone, and its logins stop working.`);
    });

  withDataDir(students.command('join'))
    .argument('<username>', "an existing student's login name")
    .description('put an existing student account into one more class (e.g. a second subject, or after `student remove` from the wrong one)')
    .requiredOption('--class <name>', 'the class to put the student in')
    .option('--role <role>', `role in that class: ${ROLES.join(', ')}`, 'student')
    .option('--json', 'print the class and the student as JSON')
    .action((username: string, options: DataDirOption & { class: string; role: string; json?: boolean }) => {
      if (!ROLES.includes(options.role as ClassRole)) throw new CliError(`--role must be one of: ${ROLES.join(', ')}`);
      const role = options.role as ClassRole;
      const { target, student } = withDatabase(options, (db) => {
        const target = requireClass(db, options.class);
        const found = requireStudent(db, username);
        if (!db.transaction(() => joinClass(db, target.id, found.id, role)).immediate()) {
          // The role is never changed silently: the teacher takes the student out first, then joins with the new one.
          const current = found.classes.find((c) => c.name === target.name)?.role ?? 'student';
          throw new CliError(
            `${found.username} is already in class ${target.name} (as ${current}). To change the role: aula student remove ${found.username} --class "${target.name}", then join again.`,
          );
        }
        return { target: getClass(db, target.id) as ClassInfo, student: findStudentByUsername(db, found.username) as Student };
      });
      if (options.json) return printJson({ class: target, student });
      const classes = student.classes.map((c) => c.name).join(', ');
      printLines(
        `Added ${student.username} to class ${target.name}${role === 'student' ? '' : ` as ${role}`} (now in: ${classes}). The game logs in with the same username and password as before.`,
      );
    });
}

function requireStudent(db: Db, username: string): Student {
  const normalized = normalizeUsername(username);
  const found = findStudentByUsername(db, normalized);
  if (!found) throw new CliError(`No student "${normalized}". See the accounts: aula student list`);
  return found;
}
