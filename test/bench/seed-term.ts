import fs from 'node:fs';
import path from 'node:path';
import { ResultsAccumulator, writeDeltas } from '../../server/results/results-accumulator.js';
import { writeResultsThrough } from '../../server/results/results-watermark.js';
import { statementFact } from '../../server/rules/rule-facts.js';
import { createActivity } from '../../server/store/activities-repo.js';
import { backupDatabase, backupsDir } from '../../server/store/backups.js';
import { createClass } from '../../server/store/classes-repo.js';
import { openDatabase } from '../../server/store/open-database.js';
import { createAnonymousPlayer, findOrCreateStudentPlayer, type Player } from '../../server/store/players-repo.js';
import { openSession } from '../../server/store/sessions-repo.js';
import { insertBatch, insertPlainRows, newestSeq, type StoredBatch } from '../../server/store/statement-rows.js';
import { addToClass, insertStudent } from '../../server/store/students-repo.js';
import { trackerBatch } from './load-client.js';
import { plainRow, type SeedStatement } from './seed-store.js';

export interface TermShape {
  classes: number;
  studentsPerClass: number;
  activities: number;
  openActivities: number;
  sessions: number;
  anonymousPlayers: number;
  alerts: number;
  refusals: number;
  backups: number;
  statements: number;
}

export const TERM: TermShape = {
  classes: 8,
  studentsPerClass: 25,
  activities: 120,
  openActivities: 3,
  sessions: 15_000,
  anonymousPlayers: 2_000,
  alerts: 6_000,
  refusals: 3_000,
  backups: 5,
  statements: Number(process.env.BENCH_STATEMENTS ?? 500_000),
};

export interface SeededTerm {
  /** The newest open activity: what Live shows. */
  currentId: string;
  closedId: string;
  classId: string;
  studentPlayerId: string;
  anonymousPlayerId: string;
  studentUsername: string;
  activityTrackingCode: string;
}

const DAY = 86_400_000;

/**
 * A laptop after a school term: classes with rosters, activities (most closed) played by their class's students
 * and anonymous players, statements with the counters and results ingest keeps, alerts (most acknowledged),
 * refused requests and backups; straight into the tables as seed-store.ts does.
 */
export function seedTerm(dataDir: string, shape: TermShape = TERM): SeededTerm {
  const db = openDatabase(dataDir);
  const termStart = Date.now() - shape.activities * DAY;
  const iso = (ms: number) => new Date(ms).toISOString();

  const classes = Array.from({ length: shape.classes }, (_, c) => createClass(db, `${c + 1}${'ABCDEFGH'[c % 8]}`));
  const roster: Player[][] = [];
  const usernames: string[] = [];
  db.transaction(() => {
    for (const [c, klass] of classes.entries()) {
      const players: Player[] = [];
      for (let s = 0; s < shape.studentsPerClass; s++) {
        const username = `c${c + 1}s${s + 1}`;
        usernames.push(username);
        const id = insertStudent(db, { username, name: `Student ${s + 1} of ${klass.name}`, passwordHash: 'seeded-no-login' });
        addToClass(db, klass.id, id);
        players.push(findOrCreateStudentPlayer(db, { id, username }));
      }
      roster.push(players);
    }
  })();
  // Backups of the store as it was early in the term: the list reads their files, not their size.
  fs.mkdirSync(backupsDir(dataDir), { recursive: true });
  for (let b = 0; b < shape.backups; b++) backupDatabase(db, path.join(backupsDir(dataDir), `aula-auto-2026-0${(b % 9) + 1}-01T00-00-00.sqlite`));

  const anonymous = db.transaction(() => Array.from({ length: shape.anonymousPlayers }, () => createAnonymousPlayer(db)))();
  const perActivity = Math.floor(shape.sessions / shape.activities);
  const perSession = Math.max(1, Math.floor(shape.statements / shape.sessions));
  const results = new ResultsAccumulator();
  const activities: Array<{ id: string; trackingCode: string }> = [];
  const sessions: Array<{ id: number; activityId: string; playerId: string; started: number }> = [];
  for (let a = 0; a < shape.activities; a++) {
    const klass = classes[a % classes.length];
    const open = a >= shape.activities - shape.openActivities;
    const activity = createActivity(db, { name: `Lesson ${a + 1}`, game: `Game ${(a % 6) + 1}`, classId: klass?.id ?? null, open });
    activities.push(activity);
    const classStart = termStart + a * DAY;
    const objectId = `http://aula.local:3000/api/proxy/gleaner/games/${activity.gameId}/${activity.versionId}`;
    db.transaction(() => {
      const players = roster[a % roster.length] ?? [];
      for (let s = 0; s < perActivity; s++) {
        const player = (s < players.length ? players[s] : anonymous[(a * 97 + s) % anonymous.length]) as Player;
        const session = openSession(db, { activityId: activity.id, versionId: activity.versionId }, player);
        const started = classStart + s * 1000;
        const actor = { account: { homePage: 'http://aula.local:3000/', name: player.publicId }, name: player.animalName };
        const template = JSON.parse(trackerBatch(actor, objectId, 10, s)) as SeedStatement[];
        let batch: StoredBatch | undefined;
        for (let i = 0; i < perSession; i++) {
          const statement = template[i % template.length] as SeedStatement;
          if (i % 10 === 0) {
            batch = insertBatch(db, { sessionId: session.sessionId, activityId: activity.id, playerId: player.id, stored: iso(started + i * 10_000), source: 'rage' });
          }
          insertPlainRows(db, batch as StoredBatch, [plainRow(statement)]);
          results.add(activity.id, player.id, statementFact(statement));
        }
        const last = iso(started + perSession * 10_000);
        db.prepare(
          `UPDATE sessions SET started = ?, last_seen = ?, ended = ?, statements = ?, last_verb = ?, last_object = ?, progress = 1 WHERE id = ?`,
        ).run(iso(started), last, open ? null : last, perSession, 'http://adlnet.gov/expapi/verbs/completed', `${objectId}/level/level1`, session.sessionId);
        db.prepare('UPDATE players SET statements = statements + ?, last_seen = ? WHERE id = ?').run(perSession, last, player.id);
        db.prepare('UPDATE activities SET statements = statements + ?, last_seen = ? WHERE id = ?').run(perSession, last, activity.id);
        sessions.push({ id: session.sessionId, activityId: activity.id, playerId: player.id, started });
      }
      db.prepare('UPDATE activities SET created = ?, opened = ?, closed = ? WHERE id = ?').run(
        iso(classStart - 3_600_000),
        iso(classStart - 600_000),
        open ? null : iso(classStart + 3_600_000),
        activity.id,
      );
    })();
  }
  db.transaction(() => {
    const deltas = results.take();
    writeDeltas(db, deltas.results, deltas.answers, iso(Date.now()));
    writeResultsThrough(db, newestSeq(db));
  })();

  // Alerts over the term: most acknowledged, a few cleared, the newest ones (in the open activities) still active.
  const insertAlert = db.prepare(
    `INSERT INTO alerts (activity_id, session_id, player_id, rule_key, severity, message, raised, cleared, acknowledged)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  db.transaction(() => {
    for (let i = 0; i < shape.alerts; i++) {
      const session = sessions[Math.floor((i * sessions.length) / shape.alerts)] as (typeof sessions)[number];
      const raised = session.started + 60_000;
      const recent = i >= shape.alerts - 40;
      insertAlert.run(
        session.activityId,
        session.id,
        session.playerId,
        i % 2 ? 'idle' : 'errors',
        i % 3 ? 'warning' : 'alert',
        i % 2 ? 'No trace for 2 minutes' : '3 wrong answers in a row',
        iso(raised),
        !recent && i % 5 === 0 ? iso(raised + 120_000) : null,
        !recent && i % 5 !== 0 ? iso(raised + 300_000) : null,
      );
    }
  })();

  // Refused requests: failed logins of the classes' students, unknown tracking codes and tokens.
  const insertRefusal = db.prepare(
    `INSERT INTO rejected_requests (time, route, address, session_id, status, message, sample, repeats, repeat_key)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  db.transaction(() => {
    for (let i = 0; i < shape.refusals; i++) {
      const time = iso(termStart + (i * (Date.now() - termStart)) / shape.refusals);
      const kind = i % 3;
      const route = kind === 0 ? 'login' : kind === 1 ? 'start' : 'track';
      const sample = kind === 0 ? (usernames[i % usernames.length] as string) : kind === 1 ? `code-${i}` : null;
      const message = kind === 0 ? 'Wrong username or password' : kind === 1 ? 'Unknown tracking code' : 'Unknown or missing authToken';
      insertRefusal.run(time, route, `192.168.1.${(i % 200) + 2}`, null, kind === 0 ? 401 : 404, message, sample, i % 4, `seeded-${i}`);
    }
  })();
  db.close();
  const current = activities[activities.length - 1] as (typeof activities)[number];
  const studentPlayer = roster[0]?.[0] as Player;
  return {
    currentId: current.id,
    closedId: (activities[10] as (typeof activities)[number]).id,
    classId: (classes[0] as (typeof classes)[number]).id,
    studentPlayerId: studentPlayer.id,
    anonymousPlayerId: (anonymous[0] as Player).id,
    studentUsername: usernames[0] as string,
    activityTrackingCode: current.trackingCode,
  };
}
