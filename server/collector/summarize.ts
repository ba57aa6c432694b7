import { isWholeGameType } from '../normalize/whole-game.js';
import { gameCompletion } from '../rules/finished-game.js';
import type { StatementFact } from '../rules/rule-facts.js';
import type { StatementSummary } from '../store/statements-ingest.js';

/**
 * The few facts per statement the live view shows (last action, progress, completion, score), from the facts rules
 * and results read of the same statement: track and xAPI read a statement's facts once for all three.
 */
export function summaryOfFact(fact: StatementFact): StatementSummary {
  const theGame = isWholeGameType(fact.objectType);
  // The trackers say a game is finished with `completed` on the `serious-game` object, with success and score but no
  // `result.completion` (real-clients.md §7.1), an ADL-vocabulary game on its `game` or `course` object (whole-game.ts):
  // without this, a class that played to the end showed 0 % finished.
  // Only the game's own object says it (finished-game.ts): a level's, a question's `result.completion` (js-tracker's
  // setVar('completion', …), an xAPI client's result) showed a student as finished in the middle of the game, in the
  // live view and in the Results' share of students who finished, while the Idle rule still called them idle.
  const completion = gameCompletion(fact);
  const finished = completion === true;
  // A finished game is all the way through: its last progress (say 80 %) left a finished student's bar short.
  const progress = fact.progress ?? (finished ? 1 : null);
  const hasResult = fact.success !== null || fact.score !== null;
  return {
    verbId: fact.verbId,
    objectId: fact.objectId,
    objectType: fact.objectType,
    progress,
    progressOfGame: finished || (progress !== null && theGame),
    completion,
    success: fact.success,
    score: fact.score,
    resultObjectId: hasResult ? fact.objectId : null,
    resultObjectType: hasResult ? fact.objectType : null,
    resultOfGame: hasResult && theGame,
  };
}
