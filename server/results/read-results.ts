import type { ActivityResults, ClassAggregates, ObjectResult, PlayerRef, StudentResult } from '../admin/api-types.js';
import { PLAYER_REF_COLUMNS, type PlayerColumns, playerRef } from '../admin/read-sessions.js';
import { readOutsiders } from '../admin/roll-call.js';
import { isWholeGameType } from '../normalize/whole-game.js';
import { lastPart, objectName } from '../rules/rule-facts.js';
import type { Db } from '../store/open-database.js';
import { prepared } from '../store/prepared.js';
import { readBestShownProgress } from './best-shown-progress.js';
import { readNotStarted } from './not-started.js';
import { type LanguageMap, readObjectDefinitionNames } from './object-definition-names.js';
import { holdsResult } from './results-accumulator.js';

export interface RawStudent extends PlayerColumns {
  sessions: number;
  seconds: number | null;
  progress: number | null;
  finished: number | null;
  /** The score the student's latest session with one ended on (sessions.score keeps statement order). */
  lastScore: number | null;
}

export interface RawResult {
  playerId: string;
  objectId: string;
  objectType: string | null;
  completed: number;
  bestScore: number | null;
  lastScore: number | null;
  correct: number;
  incorrect: number;
  progress: number | null;
}

/** A student's results with the player id exports, `aula export --player` and the player's page show (playerId or username). */
export interface StudentResultWithPublicId extends StudentResult {
  publicId: string;
}

export interface ActivityResultsWithPublicIds extends ActivityResults {
  students: StudentResultWithPublicId[];
}

/**
 * What the Results screen is made of, before it is shaped: per student, per student and object, and the class's answer
 * counts. From the maintained rows for the whole history (readActivityResults), or from a lesson's sessions and its
 * statements folded anew (read-lesson-results.ts): both are shaped by shapeActivityResults, so the two agree.
 */
export interface ResultsSource {
  students: RawStudent[];
  results: RawResult[];
  /** The answers of the players not in `leftOut` (students of another class), per question and response. */
  answers: (leftOut: readonly string[]) => AnswerCount[];
  /** A roster student of another class is one with a session here heard from since this (null: ever), as Live's. */
  outsidersSince: string | null;
}

/**
 * From maintained rows only: gameplays, sessions (by activity index), results and answer counts; with `classId`, the
 * class's students who have not played it yet, by name, after those who did, and those who played but are of another
 * class, marked and left out of the class figures.
 */
export function readActivityResults(db: Db, activity: ResultsActivity): ActivityResultsWithPublicIds {
  return shapeActivityResults(db, activity, {
    students: readStudentFigures(db, activity.id),
    results: prepared<[string], RawResult>(
      db,
      `SELECT player_id AS playerId, object_id AS objectId, object_type AS objectType, completed, best_score AS bestScore,
         last_score AS lastScore, correct, incorrect, progress
       FROM results WHERE activity_id = ?`,
    ).all(activity.id),
    answers: (leftOut) => readAnswers(db, activity.id, leftOut),
    // Any lesson's sessions: the whole history's.
    outsidersSince: null,
  });
}

export type ResultsActivity = { id: string; name: string; classId?: string | null };

/**
 * Every player with a gameplay in the activity, with the figures of all their sessions in it; their progress is the
 * best Live shows among those sessions (best-shown-progress.ts), not the highest the games sent.
 */
const readStudentFigures = (db: Db, activityId: string): RawStudent[] =>
  withBestShownProgress(
    readBestShownProgress(db, activityId, null),
    prepared<[string], Omit<RawStudent, 'progress'>>(
      db,
      `SELECT p.id AS playerId, ${PLAYER_REF_COLUMNS},
         count(s.id) AS sessions,
         sum(max(0, (julianday(s.last_seen) - julianday(s.started)) * 86400)) AS seconds,
         max(s.completion) AS finished,
         (SELECT last.score FROM sessions last WHERE last.player_id = p.id AND last.activity_id = gp.scope_id
            AND last.score IS NOT NULL ORDER BY last.id DESC LIMIT 1) AS lastScore
       FROM gameplays gp JOIN players p ON p.id = gp.player_id LEFT JOIN students st ON st.id = p.student_id
       LEFT JOIN sessions s ON s.gameplay_id = gp.id
       WHERE gp.scope_id = ? GROUP BY p.id`,
    ).all(activityId),
  );

/** The students' figures with each one's progress from `best` (readBestShownProgress over the same sessions). */
export const withBestShownProgress = (best: ReadonlyMap<string, number | null>, students: Array<Omit<RawStudent, 'progress'>>): RawStudent[] =>
  students.map((student) => ({ ...student, progress: best.get(student.playerId) ?? null }));

/**
 * The answer of the Results API from what `source` holds: students by their shown name, each one's objects, the class
 * aggregates (leaving out students of another class), and the class's students not started.
 */
export function shapeActivityResults(db: Db, activity: ResultsActivity, source: ResultsSource): ActivityResultsWithPublicIds {
  const { students: raw, results } = source;
  // A 1A student who typed 1B's tracking code, as Live's "Playing here, not in 1B" names them.
  const otherClass = new Map(
    (activity.classId ? readOutsiders(db, activity.classId, activity.id, source.outsidersSince) : []).map((outsider) => [
      outsider.playerId,
      outsider.classes,
    ]),
  );
  const answers = source.answers([...otherClass.keys()]);
  const names = readObjectDefinitionNames(db, activity.id, [
    ...results.filter((r) => holdsResult(r) || r.completed === 1 || r.bestScore !== null).map((r) => r.objectId),
    ...answers.map((a) => a.objectId),
  ]);
  const definitionName = (objectId: string): LanguageMap | null => names.get(objectId) ?? null;
  const byPlayer = new Map<string, RawResult[]>();
  for (const row of results) {
    const rows = byPlayer.get(row.playerId);
    if (rows) rows.push(row);
    else byPlayer.set(row.playerId, [row]);
  }

  const students = raw.map((row): StudentResultWithPublicId => {
    const rows = byPlayer.get(row.playerId) ?? [];
    const objects = rows
      .filter(holdsResult)
      .map((r) => toObject(r, definitionName(r.objectId)))
      .sort(byName);
    const scored = rows.filter((r) => r.lastScore !== null);
    return {
      player: playerRef(row),
      publicId: row.publicId,
      sessions: row.sessions,
      secondsPlayed: Math.round(row.seconds ?? 0),
      progress: row.progress,
      finished: row.finished === 1,
      completed: rows.filter((r) => r.completed === 1).length,
      correct: sum(rows.map((r) => r.correct)),
      incorrect: sum(rows.map((r) => r.incorrect)),
      bestScore: scored.length ? Math.max(...scored.map((r) => r.bestScore ?? Number.NEGATIVE_INFINITY)) : null,
      // Not the most recently updated result row: a row's time moves with any statement about its object (a level
      // visited again) and is the same for everything one flush wrote.
      lastScore: row.lastScore,
      objects,
      fromOtherClass: otherClass.has(row.playerId) ? { classes: otherClass.get(row.playerId) ?? [] } : null,
    };
  });
  students.sort((a, b) => naturalOrder.compare(shownName(a.player), shownName(b.player)));
  const notStarted = readNotStarted(
    db,
    activity.classId ?? null,
    students.map((student) => student.player),
  ).sort((a, b) => naturalOrder.compare(a.name ?? a.username, b.name ?? b.username));
  return {
    activity: { id: activity.id, name: activity.name },
    students,
    // "The class" a teacher reads is their own students (and anonymous players, who may be): a student of another class
    // who played with this code by mistake would make 1B's completion rate and averages partly 1A's.
    aggregates: aggregates(
      students.filter((student) => !student.fromOtherClass),
      results.filter((r) => !otherClass.has(r.playerId)),
      answers,
      definitionName,
    ),
    notStarted,
  };
}

/**
 * Numbers inside names in their numeric order, as a teacher reads them: level2 before level10, student9 before
 * student10. SQL's text order put level10 and level11 between level1 and level2.
 */
const naturalOrder = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
const byName = (a: { name: string }, b: { name: string }): number => naturalOrder.compare(a.name, b.name);

/** The name the dashboard shows first for a player: a student's roster name or username, else the animal name. */
const shownName = (player: PlayerRef): string => player.displayName ?? player.username ?? player.animalName;

const toObject = (r: RawResult, definitionName: LanguageMap | null): ObjectResult => ({
  objectId: r.objectId,
  name: objectName(r.objectId),
  definitionName,
  type: lastPart(r.objectType) || 'activity',
  completed: r.completed === 1,
  bestScore: r.bestScore,
  lastScore: r.lastScore,
  correct: r.correct,
  incorrect: r.incorrect,
  progress: r.progress,
});

const sum = (values: number[]): number => values.reduce((a, b) => a + b, 0);

export interface AnswerCount {
  objectId: string;
  response: string;
  count: number;
  correct: number | null;
}

/** The class's answers: those of the players in `leftOut` (students of another class) are not counted. */
const readAnswers = (db: Db, activityId: string, leftOut: readonly string[]): AnswerCount[] =>
  prepared<[string, string], AnswerCount>(
    db,
    `SELECT object_id AS objectId, response, sum(count) AS count, max(correct) AS correct FROM answer_counts
     WHERE activity_id = ? AND player_id NOT IN (SELECT value FROM json_each(?))
     GROUP BY object_id, response ORDER BY object_id, count DESC, response`,
  ).all(activityId, JSON.stringify(leftOut));

function aggregates(
  students: StudentResult[],
  results: RawResult[],
  answers: AnswerCount[],
  definitionName: (objectId: string) => LanguageMap | null,
): ClassAggregates {
  type ObjectEntry = ClassAggregates['objects'][number] & { scores: number[] };
  const objects = new Map<string, ObjectEntry>();
  for (const r of results) {
    if (!(r.completed === 1 || r.bestScore !== null)) continue;
    const entry = objects.get(r.objectId) ?? {
      objectId: r.objectId,
      name: objectName(r.objectId),
      definitionName: definitionName(r.objectId),
      type: lastPart(r.objectType) || 'activity',
      wholeGame: isWholeGameType(r.objectType),
      students: 0,
      completed: 0,
      averageScore: null,
      scores: [],
    };
    entry.students++;
    if (r.completed === 1) entry.completed++;
    if (r.bestScore !== null) entry.scores.push(r.bestScore);
    objects.set(r.objectId, entry);
  }
  const questions = new Map<string, ClassAggregates['questions'][number]>();
  for (const a of answers) {
    const q = questions.get(a.objectId) ?? { objectId: a.objectId, name: objectName(a.objectId), definitionName: definitionName(a.objectId), answers: [] };
    q.answers.push({ response: a.response, count: a.count, correct: a.correct === null ? null : a.correct === 1 });
    questions.set(a.objectId, q);
  }
  return {
    students: students.length,
    completionRate: students.length ? students.filter((s) => s.finished).length / students.length : null,
    objects: [...objects.values()]
      .map(({ scores, ...rest }) => ({
        ...rest,
        averageScore: scores.length ? Math.round((sum(scores) / scores.length) * 1000) / 1000 : null,
      }))
      .sort(byName),
    questions: [...questions.values()].sort(byName),
  };
}
