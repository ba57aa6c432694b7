import express, { type Request, type Response } from 'express';
import { z } from 'zod';
import { normalizeUsername } from '../auth/credential-rules.js';
import { checkAccounts, createAccounts, type NewAccount, RosterError, type RosterProblem, type WriteRunner } from '../auth/roster.js';
import { parseRosterCsv } from '../auth/roster-csv.js';
import { decodeRoster } from '../auth/roster-encoding.js';
import { PasswordRefusedError, resetPassword } from '../auth/student-password.js';
import type { AppContext } from '../context.js';
import { sendJson } from '../http/send.js';
import { requestLanguage } from '../i18n/request-language.js';
import { capitalized, type Language, word, wording } from '../i18n/wording.js';
import { ClassExistsError, type ClassInfo, ClassInUseError, createClass, deleteClass, getClass, listClasses, renameClass } from '../store/classes-repo.js';
import { deleteStudentAccount, type StudentAccount, StudentDeleteError } from '../store/student-delete.js';
import { existingUsernames, findStudentByUsername, joinClass, listStudents, removeFromClass, StudentExistsError } from '../store/students-repo.js';
import { AdminError } from './admin-error.js';
import type { ClassStudent } from './api-types.js';
import { readClassStudent, readClassStudentById, readClassStudents } from './classes-read.js';
import { parseBody } from './validate.js';

const newClassSchema = z.object({ name: z.string().trim().min(1, word(wording('field.className'))).max(120) });

// Every message here is a wording (server/i18n): the dashboard gets it in its language, anything else in English.
const classExists = (error: ClassExistsError) => new AdminError(409, 'class-exists', wording('class.existsCaseless', { problem: error.wording }));

// Lengths are generous here: credential-rules.ts says what a username and a password may really be, in the
// same words as `aula student add`. Messages never repeat a password.
const newStudentSchema = z.object({
  username: z.string().max(200),
  password: z.string().max(1000),
  name: z.string().trim().max(120).optional(),
  email: z.string().trim().max(254).optional(),
  role: z.enum(['student', 'assistant', 'teacher']).default('student'),
});

const newPasswordSchema = z.object({ password: z.string().max(1000) });

const joinSchema = z.object({
  username: z.string().trim().min(1, word(wording('field.existingUsername'))).max(200),
  role: z.enum(['student', 'assistant', 'teacher']).default('student'),
});

/** A class of about thirty is a few kilobytes; a whole school year's roster still fits. */
const ROSTER_LIMIT = '512kb';

/**
 * Classes and their student accounts from the dashboard: what `aula class create` and `aula student add|import|list`
 * do, with the same rules (server/auth/roster.ts). `GET /classes` (id and name only) stays in activity-routes.ts.
 */
export function classesRoutes(ctx: AppContext): express.Router {
  const router = express.Router();
  const write: WriteRunner = (job) => ctx.writer.run(job);
  // After commit, so a tab that refetches sees the change. `aula class|student …` write from another process and
  // cannot reach this bus: an open dashboard shows those at its next reload (or its next own change).
  const changed = (classId: string) => ctx.bus.emit('classes.changed', { classId });

  router.get('/classes/summary', (_req, res) => sendJson(res, 200, { classes: listClasses(ctx.db) }));

  router.post('/classes', async (req, res) => {
    const { name } = parseBody(newClassSchema, req.body);
    const created = await ctx.writer.run((db) => createClass(db, name)).catch((error: unknown) => {
      if (error instanceof ClassExistsError) throw classExists(error);
      throw error;
    });
    changed(created.id);
    ctx.log.info({ classId: created.id }, 'class created from the dashboard');
    sendJson(res, 201, { class: created });
  });

  // Activities reference the class by id, so they follow the new name; so do the members.
  router.post('/classes/:id/rename', async (req, res) => {
    const found = requireClass(ctx, req);
    const { name } = parseBody(newClassSchema, req.body);
    const renamed = await ctx.writer.run((db) => renameClass(db, found.id, name)).catch((error: unknown) => {
      if (error instanceof ClassExistsError) throw classExists(error);
      throw error;
    });
    if (!renamed) throw classNotFound();
    changed(renamed.id);
    ctx.log.info({ classId: renamed.id }, 'class renamed from the dashboard');
    sendJson(res, 200, { class: renamed });
  });

  // The class and its memberships only: the accounts stay (other classes, their data). Refused while activities link to it.
  router.delete('/classes/:id', async (req, res) => {
    const found = requireClass(ctx, req);
    let deleted: ClassInfo | undefined;
    try {
      deleted = await ctx.writer.run((db) => deleteClass(db, found.id));
    } catch (error) {
      if (!(error instanceof ClassInUseError)) throw error;
      // The admin error shape, plus the linked activities so the dashboard can list them.
      const message = word(wording('class.sentence', { text: error.wording }), requestLanguage(req));
      return sendJson(res, 409, { error: { reason: 'class-in-use', message, activities: error.activities } });
    }
    if (!deleted) throw classNotFound();
    changed(deleted.id);
    ctx.log.info({ classId: deleted.id, members: deleted.members }, 'class deleted from the dashboard');
    sendJson(res, 200, { class: deleted });
  });

  router.get('/classes/:id/students', (req, res) => {
    const found = requireClass(ctx, req);
    sendJson(res, 200, { class: found, students: readClassStudents(ctx.db, found.id) });
  });

  router.post('/classes/:id/students', async (req, res) => {
    const found = requireClass(ctx, req);
    const input = parseBody(newStudentSchema, req.body);
    const username = normalizeUsername(input.username);
    // A single new account: the teacher is pointed to Add an existing student, not told about an import.
    const joinInstead = () => new AdminError(409, 'student-exists', wording('student.existsJoinInstead', { username, className: found.name }));
    if (username !== '' && existingUsernames(ctx.db, [username]).length > 0) throw joinInstead();
    const account: NewAccount = { ...input, username };
    try {
      await createAccounts(ctx.db, write, found.id, [account]);
    } catch (error) {
      if (error instanceof RosterError) {
        const problems = error.problems;
        throw new AdminError(400, 'invalid-student', (language) => sentence(problems.map((problem) => problemIn(problem, language)).join('; ')));
      }
      if (error instanceof StudentExistsError) throw joinInstead();
      throw error;
    }
    changed(found.id);
    ctx.log.info({ classId: found.id, username }, 'student added from the dashboard');
    sendJson(res, 201, { student: readClassStudent(ctx.db, found.id, username) });
  });

  // The file's bytes as they are, whatever charset the request names: read as UTF-8, or as Windows-1252 when they are
  // not UTF-8 (Excel's CSV on a Spanish Windows), the same as `aula student import` (server/auth/roster-encoding.ts).
  router.post('/classes/:id/students/import', express.raw({ type: ['text/csv', 'text/plain'], limit: ROSTER_LIMIT }), async (req, res) => {
    const found = requireClass(ctx, req);
    if (!Buffer.isBuffer(req.body)) {
      throw new AdminError(415, 'unsupported-media-type', wording('roster.notCsvText'));
    }
    const { text, encoding } = decodeRoster(req.body);
    const parsed = parseRosterCsv(text);
    if (parsed.accounts.length === 0 && parsed.problems.length === 0) {
      throw new AdminError(400, 'empty-roster', wording('roster.empty'));
    }
    try {
      // As `aula student import`: the file's own problems and the accounts' problems are reported together.
      if (parsed.problems.length > 0) throw new RosterError(sortedByLine([...parsed.problems, ...checkAccounts(ctx.db, parsed.accounts)]));
      const created = await createAccounts(ctx.db, write, found.id, parsed.accounts);
      changed(found.id);
      ctx.log.info({ classId: found.id, imported: created.length }, 'roster imported from the dashboard');
      const usernames = new Set(created.map((student) => student.username));
      sendJson(res, 201, {
        imported: created.length,
        encoding,
        students: readClassStudents(ctx.db, found.id).filter((student) => usernames.has(student.username)),
      });
    } catch (error) {
      if (error instanceof StudentExistsError) throw studentExists(error.username);
      if (!(error instanceof RosterError)) throw error;
      sendInvalidRoster(res, error.problems, requestLanguage(req));
    }
  });

  // Earlier logins' tokens stop working and the failed-login count starts afresh: server/auth/student-password.ts.
  router.post('/classes/:id/students/:studentId/password', async (req, res) => {
    const found = requireClass(ctx, req);
    const student = requireMember(ctx, found, req);
    const { password } = parseBody(newPasswordSchema, req.body);
    try {
      if (!(await resetPassword(write, student.id, password))) throw notInClass(found);
    } catch (error) {
      if (error instanceof PasswordRefusedError) {
        const refusal = error.wording;
        throw new AdminError(400, 'invalid-password', (language) => sentence(word(refusal, language)));
      }
      throw error;
    }
    // The new generation already counts afresh; this also drops the old counts from memory at once.
    ctx.loginLimiter.forgive(student.username);
    ctx.log.info({ classId: found.id, username: student.username }, 'student password reset from the dashboard');
    sendJson(res, 200, { student: readClassStudentById(ctx.db, found.id, student.id) ?? student });
  });

  // The membership only: the account, its players and their statements stay (research data).
  router.delete('/classes/:id/students/:studentId', async (req, res) => {
    const found = requireClass(ctx, req);
    const studentId = String(req.params.studentId);
    if (!(await ctx.writer.run((db) => removeFromClass(db, found.id, studentId)))) throw notInClass(found);
    changed(found.id);
    ctx.log.info({ classId: found.id, studentId }, 'student taken out of a class from the dashboard');
    sendJson(res, 200, { class: getClass(ctx.db, found.id) ?? found, students: readClassStudents(ctx.db, found.id) });
  });

  // The account itself, for good (aula student delete): refused while the student's data is not erased.
  router.delete('/students/:username', async (req, res) => {
    const username = String(req.params.username);
    // deleteStudentAccount turns secure_delete on itself: the freed pages are overwritten.
    let account: StudentAccount;
    try {
      account = await ctx.writer.run((db) => deleteStudentAccount(db, username));
    } catch (error) {
      if (!(error instanceof StudentDeleteError)) throw error;
      if (error.reason === 'student-not-found') throw new AdminError(404, error.reason, error.wording);
      // The admin error shape, plus the player whose page erases the data, so the dashboard can link it.
      const message = word(error.wording, requestLanguage(req));
      return sendJson(res, 409, { error: { reason: error.reason, message, player: error.player ?? null } });
    }
    for (const classId of account.classIds) changed(classId);
    ctx.log.info({ username: account.username, classes: account.classIds.length }, 'student account deleted from the dashboard');
    sendJson(res, 200, { deleted: account.username, classes: account.classes });
  });

  // Every account with its classes (never a password hash): the dashboard suggests them when adding an existing student.
  router.get('/students', (_req, res) => sendJson(res, 200, { students: listStudents(ctx.db) }));

  // An existing account into one more class (a student who takes two subjects, or was put in the wrong class).
  router.post('/classes/:id/members', async (req, res) => {
    const found = requireClass(ctx, req);
    const input = parseBody(joinSchema, req.body);
    const username = normalizeUsername(input.username);
    // Looked up inside the write job, so what is checked is what is written.
    const outcome = await ctx.writer.run((db) => {
      const student = findStudentByUsername(db, username);
      if (!student) return { kind: 'no-student' } as const;
      if (!getClass(db, found.id)) return { kind: 'no-class' } as const;
      if (!joinClass(db, found.id, student.id, input.role)) {
        return { kind: 'member', username: student.username, role: readClassStudentById(db, found.id, student.id)?.role } as const;
      }
      return { kind: 'joined', username: student.username } as const;
    });
    if (outcome.kind === 'no-student') {
      throw new AdminError(404, 'student-not-found', wording('student.noSuchStudent', { username }));
    }
    if (outcome.kind === 'no-class') throw classNotFound();
    if (outcome.kind === 'member') {
      const names = { username: outcome.username, className: found.name };
      throw new AdminError(
        409,
        'already-in-class',
        outcome.role ? wording('student.alreadyInClassAs', { ...names, role: wording(`role.${outcome.role}`) }) : wording('student.alreadyInClass', names),
      );
    }
    changed(found.id);
    ctx.log.info({ classId: found.id, username: outcome.username, role: input.role }, 'existing student joined a class from the dashboard');
    // The account with all its classes: the dashboard says "too" only when the student is in other classes as well.
    sendJson(res, 201, {
      class: getClass(ctx.db, found.id) ?? found,
      students: readClassStudents(ctx.db, found.id),
      student: findStudentByUsername(ctx.db, outcome.username),
    });
  });

  return router;
}

function requireMember(ctx: AppContext, found: ClassInfo, req: Request): ClassStudent {
  const student = readClassStudentById(ctx.db, found.id, String(req.params.studentId));
  if (!student) throw notInClass(found);
  return student;
}

const notInClass = (found: ClassInfo) => new AdminError(404, 'student-not-in-class', wording('student.notInClass', { className: found.name }));

function requireClass(ctx: AppContext, req: Request): ClassInfo {
  const found = getClass(ctx.db, String(req.params.id));
  if (!found) throw classNotFound();
  return found;
}

const classNotFound = () => new AdminError(404, 'class-not-found', wording('class.notFound'));

const studentExists = (username: string) => new AdminError(409, 'student-exists', wording('student.existsEverywhere', { username }));

/** Nothing was imported; every problem, by line, so the teacher fixes the file once. */
function sendInvalidRoster(res: Response, problems: RosterProblem[], language: Language): void {
  sendJson(res, 400, {
    error: {
      reason: 'invalid-roster',
      message: word(wording('roster.nothingImported', { count: problems.length }), language),
      problems: problems.map((problem) => ({ line: problem.line ?? null, message: problemIn(problem, language) })),
    },
  });
}

function problemIn(problem: RosterProblem, language: Language): string {
  return problem.wording === undefined ? problem.message : word(problem.wording, language);
}

function sortedByLine(problems: RosterProblem[]): RosterProblem[] {
  return problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

/** A refusal's reasons as one sentence: capital first, full stop last, in any language. */
function sentence(text: string): string {
  return `${capitalized(text)}.`;
}
