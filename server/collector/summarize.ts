import { isPartOfGameType, isSeriousGameType } from '../normalize/serious-games.js';
import type { StatementFact } from '../rules/rule-facts.js';
import type { StatementSummary } from '../store/statements-ingest.js';

const COMPLETED = 'http://adlnet.gov/expapi/verbs/completed';

/**
 * The few facts per statement the live view shows (last action, progress, completion, score), from the facts rules
 * and results read of the same statement: track and xAPI read a statement's facts once for all three.
 */
export function summaryOfFact(fact: StatementFact): StatementSummary {
  const theGame = isSeriousGameType(fact.objectType);
  // The trackers say a game is finished with `completed` on the `serious-game` object, with success and score but no
  // `result.completion` (real-clients.md §7.1): without this, a class that played to the end showed 0 % finished.
  const finished = theGame && fact.verbId === COMPLETED;
  // A finished game is all the way through: its last progress (say 80 %) left a finished student's bar short.
  const progress = fact.progress ?? (finished ? 1 : null);
  const hasResult = fact.success !== null || fact.score !== null;
  return {
    verbId: fact.verbId,
    objectId: fact.objectId,
    objectType: fact.objectType,
    progress,
    progressOfGame: finished || (progress !== null && theGame),
    // A level's `result.completion` (js-tracker's setVar('completion', …), an xAPI client's result) is not the game's:
    // it showed a student who had finished the first level as having completed the game, in the live view and in
    // the Results' share of students who finished.
    completion: isPartOfGameType(fact.objectType) ? null : (fact.completion ?? (finished ? true : null)),
    success: fact.success,
    score: fact.score,
    resultObjectId: hasResult ? fact.objectId : null,
    resultObjectType: hasResult ? fact.objectType : null,
    resultOfGame: hasResult && theGame,
  };
}
