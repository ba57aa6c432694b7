import type { ResultsLesson } from '../admin/api-types.js';
import { PLAYER_REF_COLUMNS } from '../admin/read-sessions.js';
import { lessonSince } from '../admin/roll-call.js';
import { storedStatementFact } from '../rules/rule-facts.js';
import type { Activity } from '../store/activities-repo.js';
import { firstSeqStoredFrom } from '../store/first-seq-stored.js';
import type { Db } from '../store/open-database.js';
import { prepared } from '../store/prepared.js';
import { activityEdge, readInSteps, type StepOptions } from '../store/read-in-steps.js';
import { readBestShownProgress } from './best-shown-progress.js';
import {
  type ActivityResultsWithPublicIds,
  type AnswerCount,
  type RawStudent,
  readActivityResults,
  shapeActivityResults,
  withBestShownProgress,
} from './read-results.js';
import { type AnswerDelta, ResultsAccumulator } from './results-accumulator.js';

export interface LessonResults extends ActivityResultsWithPublicIds {
  lesson: ResultsLesson;
}

type LessonActivity = Pick<Activity, 'id' | 'name' | 'classId' | 'created' | 'opened' | 'closed'>;

/**
 * Statements of the activity per step of the fold: each one of the lesson is parsed (as results-folding.ts's catch-up
 * does, 500 a step), a few milliseconds of the event loop's turn. A lesson of 30 games and 54,000 statements takes
 * about 0.27 s in all; its longest step was 12-15 ms with steps of 2,000 (STEP_ROWS), 3-4 ms with these.
 */
const LESSON_STEP_ROWS = 500;

/**
 * The Results of this lesson: what the students did since the activity was last opened, once it has been closed
 * before (1A's morning closed, opened again after lunch; next week's lesson with the same code). The cut is Live's
 * (lessonSince, as its Not started yet and "this lesson" take it): the students are those with a session heard from
 * since then (sessions.last_seen), and their sessions, time, progress and finish are those sessions'; the results and
 * answers are the activity's statements stored since then (statement_batches.stored, as Data → Export's "Since it was
 * opened again" cuts them) folded into a fresh ResultsAccumulator, as the maintained rows were folded. Nothing is
 * written. An activity never closed and opened again has had one lesson: its whole history, read from the maintained
 * rows.
 */
export async function readLessonResults(db: Db, activity: LessonActivity, steps: StepOptions = {}): Promise<LessonResults> {
  const since = lessonOpening(activity);
  if (since === null) return { ...readActivityResults(db, activity), lesson: { since: null, wholeHistory: true } };
  const folded = await foldStatementsSince(db, activity.id, since, { stepRows: LESSON_STEP_ROWS, ...steps });
  const { results, answers } = folded.take();
  const playersFolded = new Set([...results.map((r) => r.playerId), ...answers.map((a) => a.playerId)]);
  const students = readLessonStudents(db, activity.id, since, playersFolded);
  // As the maintained rows, which are only written for a player with a gameplay here: an erased player's are not.
  const listed = new Set(students.map((student) => student.playerId));
  const unlisted = [...playersFolded].filter((playerId) => !listed.has(playerId));
  const shaped = shapeActivityResults(db, activity, {
    students,
    results: results.filter((r) => listed.has(r.playerId)),
    answers: (leftOut) => classAnswers(answers, new Set([...leftOut, ...unlisted])),
    outsidersSince: since,
  });
  return { ...shaped, lesson: { since, wholeHistory: false } };
}

/**
 * Live's lesson cut (lessonSince), unless the activity was only closed after the lesson it was created for, and not
 * opened since: that first lesson is still its whole history.
 */
function lessonOpening(activity: LessonActivity): string | null {
  const since = lessonSince(activity);
  return since !== null && Date.parse(since) > Date.parse(activity.created) ? since : null;
}

interface StoredRow {
  playerId: string;
  json: string;
}

/**
 * The activity's statements stored since `since`, in the order they were stored (seq), folded as they are read: a
 * step at a time through the activity's index (read-in-steps.ts), so that a lesson of a term-long activity does not
 * hold every game's request back while its statements are parsed. The walk starts at the first statement stored here
 * since the opening (firstSeqStoredFrom: a few lookups), so earlier lessons' statements are not read at all: from the
 * activity's first statement, an activity of 1,000,000 statements of about 1 KB before a lesson of 5,000 cost 0.67 s
 * a request. Those stored here before the opening whose `stored` is later (a bundle imported before it from a laptop
 * whose clock was ahead) were the earlier lesson's here and stay out. No row is kept: each step's are folded and
 * dropped.
 */
async function foldStatementsSince(db: Db, activityId: string, since: string, steps: StepOptions): Promise<ResultsAccumulator> {
  const accumulator = new ResultsAccumulator();
  const step = prepared<[string, number, number, string], StoredRow>(
    db,
    `SELECT b.player_id AS playerId, r.json
       FROM statement_rows r JOIN statement_batches b ON b.id = r.batch_id
      WHERE r.activity_id = ? AND r.seq > ? AND r.seq <= ? AND b.stored >= ? AND b.player_id IS NOT NULL
      ORDER BY r.seq`,
  );
  const first = firstSeqStoredFrom(db, since);
  if (first === undefined) return accumulator;
  await readInSteps<never>(
    first - 1,
    Number.POSITIVE_INFINITY,
    activityEdge(db, activityId, true),
    (after, end) => {
      for (const row of step.all(activityId, after, end ?? Number.MAX_SAFE_INTEGER, since)) {
        accumulator.add(activityId, row.playerId, storedStatementFact(row.json));
      }
      return [];
    },
    steps,
  );
  return accumulator;
}

/**
 * The players of the lesson: those with a gameplay here and a session heard from since `since` (Live's "this
 * lesson"), or statements folded for it without one. Their figures are those sessions': the time played counts from
 * the cut for a session that began before it (a game left running through the close and the opening), and the progress
 * the best Live shows among them.
 */
const readLessonStudents = (db: Db, activityId: string, since: string, folded: ReadonlySet<string>): RawStudent[] =>
  withBestShownProgress(
    readBestShownProgress(db, activityId, since),
    prepared<{ activity: string; since: string; folded: string }, Omit<RawStudent, 'progress'>>(
      db,
      `SELECT p.id AS playerId, ${PLAYER_REF_COLUMNS},
         count(s.id) AS sessions,
         sum(max(0, (julianday(s.last_seen) - julianday(max(s.started, @since))) * 86400)) AS seconds,
         max(s.completion) AS finished,
         (SELECT last.score FROM sessions last WHERE last.player_id = p.id AND last.activity_id = gp.scope_id
            AND last.last_seen >= @since AND last.score IS NOT NULL ORDER BY last.id DESC LIMIT 1) AS lastScore
       FROM gameplays gp JOIN players p ON p.id = gp.player_id LEFT JOIN students st ON st.id = p.student_id
       LEFT JOIN sessions s ON s.gameplay_id = gp.id AND s.last_seen >= @since
       WHERE gp.scope_id = @activity GROUP BY p.id
       HAVING count(s.id) > 0 OR p.id IN (SELECT value FROM json_each(@folded))`,
    ).all({ activity: activityId, since, folded: JSON.stringify([...folded]) }),
  );

/**
 * The folded answers as readAnswers reads the maintained ones: summed over the players not in `leftOut`, per question
 * and response, with whether it is correct when any said so; by object id, most chosen first, then by response, in
 * SQLite's order (bytes of UTF-8), so the lesson lists them as the whole history does.
 */
function classAnswers(answers: readonly AnswerDelta[], leftOut: ReadonlySet<string>): AnswerCount[] {
  const counts = new Map<string, AnswerCount>();
  for (const answer of answers) {
    if (leftOut.has(answer.playerId)) continue;
    const key = `${answer.objectId}\u0000${answer.response}`;
    const count = counts.get(key) ?? { objectId: answer.objectId, response: answer.response, count: 0, correct: null };
    count.count += answer.count;
    const correct = answer.correct === null ? null : answer.correct ? 1 : 0;
    if (correct !== null) count.correct = Math.max(count.correct ?? 0, correct);
    counts.set(key, count);
  }
  return [...counts.values()].sort((a, b) => bytewise(a.objectId, b.objectId) || b.count - a.count || bytewise(a.response, b.response));
}

const bytewise = (a: string, b: string): number => Buffer.compare(Buffer.from(a), Buffer.from(b));
