import { isAnswer, isCompleted, type StatementFact } from '../rules/rule-facts.js';
import type { Db } from '../store/open-database.js';
import { prepared } from '../store/prepared.js';

export interface ResultDelta {
  activityId: string;
  playerId: string;
  objectId: string;
  objectType: string | null;
  completed: 0 | 1;
  bestScore: number | null;
  lastScore: number | null;
  correct: number;
  incorrect: number;
  progress: number | null;
}

export interface AnswerDelta {
  activityId: string;
  playerId: string;
  objectId: string;
  response: string;
  count: number;
  correct: boolean | null;
}

/**
 * Per-student results are maintained, not recounted (DESIGN.md): statements are folded into deltas in memory,
 * and the deltas are written in one transaction per flush. Rows are only written while the player still has a
 * gameplay in the activity, so an erasure that happened meanwhile (even from the CLI) is not undone.
 */
export class ResultsAccumulator {
  /** By activity and player, then by object: a batch's statements share the first key, which is looked up once. */
  private results = new Map<string, Map<string, ResultDelta>>();
  private answers = new Map<string, AnswerDelta>();
  private last: { activityId: string; playerId: string; deltas: Map<string, ResultDelta> } | undefined;

  get isEmpty(): boolean {
    return this.results.size === 0 && this.answers.size === 0;
  }

  private deltasOf(activityId: string, playerId: string): Map<string, ResultDelta> {
    const last = this.last;
    if (last && last.activityId === activityId && last.playerId === playerId) return last.deltas;
    const key = `${activityId}\u0000${playerId}`;
    let deltas = this.results.get(key);
    if (!deltas) {
      deltas = new Map();
      this.results.set(key, deltas);
    }
    this.last = { activityId, playerId, deltas };
    return deltas;
  }

  add(activityId: string, playerId: string, fact: StatementFact): void {
    if (!fact.objectId) return;
    const deltas = this.deltasOf(activityId, playerId);
    let delta = deltas.get(fact.objectId);
    if (!delta) {
      delta = { activityId, playerId, objectId: fact.objectId, objectType: null, completed: 0, bestScore: null, lastScore: null, correct: 0, incorrect: 0, progress: null };
      deltas.set(fact.objectId, delta);
    }
    if (fact.objectType) delta.objectType = fact.objectType;
    if (isCompleted(fact)) delta.completed = 1;
    if (fact.score !== null) {
      delta.lastScore = fact.score;
      delta.bestScore = maxOf(delta.bestScore, fact.score);
    }
    if (fact.progress !== null) delta.progress = maxOf(delta.progress, fact.progress);
    if (isAnswer(fact)) {
      if (fact.success === true) delta.correct++;
      else if (fact.success === false) delta.incorrect++;
      if (fact.response !== null) {
        const key = answerKey(activityId, playerId, fact.objectId, fact.response);
        const answer = this.answers.get(key) ?? { activityId, playerId, objectId: fact.objectId, response: fact.response, count: 0, correct: null };
        answer.count++;
        if (fact.success !== null) answer.correct = fact.success;
        this.answers.set(key, answer);
      }
    }
  }

  /**
   * Takes back deltas a write did not store (its transaction failed), in the order take() gave them, each newer than
   * the one before: they are written with the next flush instead of being lost (a disk full for a moment).
   */
  restore(results: readonly ResultDelta[], answers: readonly AnswerDelta[]): void {
    for (const next of results) {
      const deltas = this.deltasOf(next.activityId, next.playerId);
      const earlier = deltas.get(next.objectId);
      deltas.set(next.objectId, earlier ? laterResult(earlier, next) : { ...next });
    }
    for (const next of answers) {
      const key = answerKey(next.activityId, next.playerId, next.objectId, next.response);
      const earlier = this.answers.get(key);
      this.answers.set(key, earlier ? { ...earlier, count: earlier.count + next.count, correct: next.correct ?? earlier.correct } : { ...next });
    }
  }

  /**
   * Hands over what was gathered, as plain data for the writer thread (writeDeltas). Objects that were only seen
   * (a screen accessed, an item used) are left out: such a row would never be shown, and under 100 games they were
   * five of the six upserts per student in each write of results, a group commit held up by 6-17 ms (issue 8).
   */
  take(): { results: ResultDelta[]; answers: AnswerDelta[] } {
    const results = [...this.results.values()].flatMap((deltas) => [...deltas.values()]).filter(holdsResult);
    const answers = [...this.answers.values()];
    this.results = new Map();
    this.answers = new Map();
    this.last = undefined;
    return { results, answers };
  }
}

const answerKey = (activityId: string, playerId: string, objectId: string, response: string) =>
  `${activityId}\u0000${playerId}\u0000${objectId}\u0000${response}`;

const maxOf = (a: number | null, b: number | null): number | null => (a === null ? b : b === null ? a : Math.max(a, b));

/** Two deltas of one student's object as one, `later` folded after `earlier`: what writeDeltas makes of the pair. */
function laterResult(earlier: ResultDelta, later: ResultDelta): ResultDelta {
  return {
    ...later,
    objectType: later.objectType ?? earlier.objectType,
    completed: later.completed === 1 || earlier.completed === 1 ? 1 : 0,
    bestScore: maxOf(earlier.bestScore, later.bestScore),
    lastScore: later.lastScore ?? earlier.lastScore,
    correct: earlier.correct + later.correct,
    incorrect: earlier.incorrect + later.incorrect,
    progress: maxOf(earlier.progress, later.progress),
  };
}

/**
 * Whether a student's result for an object says anything (completed, scored, answered or with progress; not every
 * screen visited): what the Results screen lists per student.
 */
export function holdsResult(r: { completed: number; bestScore: number | null; correct: number; incorrect: number; progress: number | null }): boolean {
  return r.completed === 1 || r.bestScore !== null || r.correct + r.incorrect > 0 || r.progress !== null;
}

const HAS_GAMEPLAY = 'EXISTS (SELECT 1 FROM gameplays WHERE scope_id = @activity AND player_id = @player)';

export function writeDeltas(db: Db, results: ResultDelta[], answers: AnswerDelta[], now: string): void {
  const upsert = prepared(
    db,
    `INSERT INTO results (activity_id, player_id, object_id, object_type, completed, best_score, last_score, correct, incorrect, progress, updated)
     SELECT @activity, @player, @object, @type, @completed, @best, @last, @correct, @incorrect, @progress, @now WHERE ${HAS_GAMEPLAY}
     ON CONFLICT (activity_id, player_id, object_id) DO UPDATE SET
       object_type = coalesce(excluded.object_type, object_type),
       completed = max(completed, excluded.completed),
       best_score = CASE WHEN best_score IS NULL THEN excluded.best_score WHEN excluded.best_score IS NULL THEN best_score
                         ELSE max(best_score, excluded.best_score) END,
       last_score = coalesce(excluded.last_score, last_score),
       correct = correct + excluded.correct,
       incorrect = incorrect + excluded.incorrect,
       progress = CASE WHEN progress IS NULL THEN excluded.progress WHEN excluded.progress IS NULL THEN progress
                       ELSE max(progress, excluded.progress) END,
       updated = excluded.updated`,
  );
  for (const r of results) {
    upsert.run({
      activity: r.activityId,
      player: r.playerId,
      object: r.objectId,
      type: r.objectType,
      completed: r.completed,
      best: r.bestScore,
      last: r.lastScore,
      correct: r.correct,
      incorrect: r.incorrect,
      progress: r.progress,
      now,
    });
  }
  const count = prepared(
    db,
    `INSERT INTO answer_counts (activity_id, player_id, object_id, response, count, correct)
     SELECT @activity, @player, @object, @response, @count, @correct WHERE ${HAS_GAMEPLAY}
     ON CONFLICT (activity_id, object_id, response, player_id) DO UPDATE SET
       count = count + excluded.count, correct = coalesce(excluded.correct, correct)`,
  );
  for (const a of answers) {
    const correct = a.correct === null ? null : a.correct ? 1 : 0;
    count.run({ activity: a.activityId, player: a.playerId, object: a.objectId, response: a.response, count: a.count, correct });
  }
}
