/**
 * Activity types that name the whole game, not a part of it: what a `completed` (or the object's own
 * `result.completion`) must be about for the student to have finished (finished-game.ts), and whose progress and
 * result are the game's own rather than a level's (summarize.ts).
 *
 * - The serious-games profile's `serious-game` (real-clients.md §7.1), and its bare key, which the trackers send for a
 *   type they do not know.
 * - Activity Streams' `game` as the ADL vocabulary lists it ("a game or competition of any kind"): what a game built on
 *   the standard vocabulary (TinCanJS, @xapi/xapi) calls itself.
 * - ADL's `course`: "an entire content package worth of material, the largest level of granularity"; a game packaged
 *   as a course reports its end on it, as authoring tools do.
 *
 * Nothing smaller: ADL's `module` and `lesson` are parts of a course, `assessment` a test within it, `question`,
 * `interaction` and `cmi.interaction` one question, `simulation` an exercise that may be one of many, and the
 * profile's `level`, `quest`, `stage`… parts of the game. A `completed` on any of them is the end of that part only:
 * counting it called a student finished in the middle of the game (Live), took them out of the Idle rule and into the
 * Results' share of students who finished.
 *
 * Exact IRIs only, compared as sent: a Set lookup per statement on the ingest path.
 */
const WHOLE_GAME_TYPES = new Set<unknown>([
  'https://w3id.org/xapi/seriousgames/activity-types/serious-game',
  'serious-game',
  'http://activitystrea.ms/schema/1.0/game',
  'http://adlnet.gov/expapi/activities/course',
]);

/** Whether an activity type (`object.definition.type`) is the game itself (see above). */
export function isWholeGameType(type: unknown): boolean {
  return WHOLE_GAME_TYPES.has(type);
}
