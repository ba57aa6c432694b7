import { isWholeGameType } from '../normalize/whole-game.js';
import type { StatementFact } from './rule-facts.js';

/**
 * What a statement says of the game being finished: the trackers end a game with `completed` on its `serious-game`
 * object (js-, java- and C# trackers without `result.completion`, xasu with it; real-clients.md §7.1 and the captures
 * in fixtures/real-clients), so true for that, or the game object's own `result.completion` when it sends one; null
 * for any other object. A game on the standard ADL vocabulary (TinCanJS, @xapi/xapi) says the same with `completed` on
 * its Activity Streams `game` or ADL `course` object (whole-game.ts): without it such a class never finished, and the
 * Idle rule called every student who had finished idle. `passed` and `failed` judge the game without ending it (xAPI
 * keeps success and completion apart, cmi5 too): they finish it only with the object's own `result.completion`.
 *
 * A `result.completion` on a question, a level or an object of no known type is not the end of the game: js-tracker's
 * setCompletion/setVar('completion', …) puts it on whatever statement comes next, and Live then called a student
 * finished (and the Idle rule left them alone) in the middle of the game.
 *
 * The one "finished" of the dashboard: a session is finished while the last statement that said so said true. The
 * session keeps it as its `completion` (summarize.ts, merged like that as statements are stored), which Live,
 * Diagnostics and the results read; the Idle rule follows it statement by statement (evaluate.ts) and reads it back
 * after a restart (session-rebuild.ts).
 */
export function gameCompletion(fact: Pick<StatementFact, 'objectType' | 'verbName' | 'completion'>): boolean | null {
  if (!isWholeGameType(fact.objectType)) return null;
  return fact.completion ?? (fact.verbName === 'completed' ? true : null);
}
