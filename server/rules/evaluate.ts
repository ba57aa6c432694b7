import { isSeriousGameType } from '../normalize/serious-games.js';
import { gameCompletion } from './finished-game.js';
import { isAnswer, isCompleted, objectName, type StatementFact } from './rule-facts.js';
import { type CustomRule, lastPartMatches, type RuleSettings, type Severity } from './rule-match.js';
import type { SessionRuleState } from './session-state.js';

/**
 * What a rule decided: raise an alert on the session, or clear one (on this session, or on every session of the
 * player in the activity, e.g. a level finished later clears "quit without completing" of an earlier session).
 */
export type RuleEffect =
  | { kind: 'raise'; key: string; severity: Severity; message: string; naming?: ObjectNaming }
  | { kind: 'clear'; key: string; scope: 'session' | 'player' };

/**
 * A message that names an object, by the last part of its id in `message`: the engine words it again with the name the
 * object's xAPI game gave it (`definition.name`) once the alert is raised (rules-engine.ts), so the name costs a look-up
 * per alert raised, never a thing per statement.
 */
export interface ObjectNaming {
  objectId: string;
  message: (name: string) => string;
}

/** What is written: the message in its final words. */
export type WrittenEffect = { kind: 'raise'; key: string; severity: Severity; message: string } | Extract<RuleEffect, { kind: 'clear' }>;

/** The raise as the engine words it, with `name` for its object (the effect as it is, without naming). */
export function worded(effect: RuleEffect, name: (objectId: string) => string | null): WrittenEffect {
  if (effect.kind === 'clear') return effect;
  const { naming, ...written } = effect;
  const given = naming ? name(naming.objectId) : null;
  return given === null || !naming ? written : { ...written, message: naming.message(given) };
}

const MINUTE = 60_000;
/** A game has a few dozen levels; a client inventing object ids must not grow a live session's memory without end. */
const PROGRESS_OBJECTS_KEPT = 1_000;
/** Likewise the objects initialized and not completed that "quit without completing" names at the end. */
const OPEN_OBJECTS_KEPT = 1_000;

function minutesText(minutes: number): string {
  if (minutes < 1) return `${Math.round(minutes * 60)} s`;
  return `${Number(minutes.toFixed(1))} min`;
}

function percent(value: number | null): string {
  return value === null ? '' : ` (at ${Math.round((value <= 1 ? value * 100 : value) * 10) / 10} %)`;
}

class Effects {
  readonly list: RuleEffect[] = [];
  constructor(private readonly state: SessionRuleState) {}

  raise(key: string, severity: Severity, message: string, naming?: ObjectNaming): void {
    if (this.state.active.has(key)) return;
    this.state.active.add(key);
    this.list.push(naming ? { kind: 'raise', key, severity, message, naming } : { kind: 'raise', key, severity, message });
  }

  /** A raise whose message names `objectId`: worded with the last part of its id until the engine names it. */
  raiseAbout(key: string, severity: Severity, objectId: string | null, message: (name: string) => string): void {
    if (this.state.active.has(key)) return;
    this.raise(key, severity, message(objectName(objectId)), objectId ? { objectId, message } : undefined);
  }

  clear(key: string, scope: 'session' | 'player' = 'session'): void {
    if (scope === 'session' && !this.state.active.has(key)) return;
    this.state.active.delete(key);
    this.list.push({ kind: 'clear', key, scope });
  }
}

/** One stored statement: O(1) per statement plus the custom rules. Updates `state`. */
export function evaluateStatement(settings: RuleSettings, state: SessionRuleState, fact: StatementFact, now: number): RuleEffect[] {
  const effects = new Effects(state);
  state.lastSeen = now;
  effects.clear('idle');

  const completed = isCompleted(fact);
  const progressed = fact.progress !== null && wentUp(state, fact, fact.progress);
  if (progressed || completed) {
    state.lastProgress = now;
    effects.clear('no-progress');
  }

  // Bounded as the progress kept: a client initializing invented ids grew the set without end, and its end raised (and
  // named, a look-up each) one "quit" alert per id. A game has a few dozen levels open at most.
  if (fact.objectId && fact.verbName === 'initialized' && state.open.size < OPEN_OBJECTS_KEPT) state.open.add(fact.objectId);
  // Finished as Live and Diagnostics say it (finished-game.ts): the game's own object, the last that said so.
  const finished = gameCompletion(fact);
  if (finished !== null) state.finishedGame = finished;
  if (completed) {
    state.completedAnything = true;
    if (fact.objectId) state.open.delete(fact.objectId);
    // A later completion (maybe in another session) takes back "quit without completing".
    if (settings.quit.enabled) {
      if (fact.objectId) effects.clear(`quit:${fact.objectId}`, 'player');
      effects.clear('quit', 'player');
    }
  }

  if (isAnswer(fact) && fact.success !== null) answer(settings, state, fact, effects);
  if (settings.lowScore.enabled && completed && fact.score !== null && fact.objectId) {
    const key = `low-score:${fact.objectId}`;
    if (fact.score < settings.lowScore.below) {
      const { score } = fact;
      effects.raiseAbout(key, settings.lowScore.severity, fact.objectId, (name) => `Scored ${score} on ${name} (below ${settings.lowScore.below})`);
    } else {
      effects.clear(key, 'player');
    }
  }
  for (const rule of settings.custom) if (rule.enabled && customMatches(rule, fact)) custom(rule, state, now, effects);
  return effects.list;
}

function answer(settings: RuleSettings, state: SessionRuleState, fact: StatementFact, effects: Effects): void {
  const rule = settings.wrongAnswers;
  if (fact.success) {
    state.wrongInARow = 0;
    effects.clear('wrong-in-a-row');
    return;
  }
  state.wrongInARow++;
  state.wrongTotal++;
  if (!rule.enabled) return;
  const last = (name: string) => `${name}${fact.response ? ` → ${fact.response}` : ''}`;
  if (rule.inARow !== null && state.wrongInARow >= rule.inARow && !state.active.has('wrong-in-a-row')) {
    const inARow = state.wrongInARow;
    effects.raiseAbout('wrong-in-a-row', rule.severity, fact.objectId, (name) => `${inARow} wrong answers in a row (last: ${last(name)})`);
  }
  if (rule.total !== null && state.wrongTotal >= rule.total && !state.wrongTotalFired) {
    state.wrongTotalFired = true;
    const total = state.wrongTotal;
    effects.raiseAbout('wrong-total', rule.severity, fact.objectId, (name) => `${total} wrong answers in this session (last: ${last(name)})`);
  }
}

export function customMatches(rule: CustomRule, fact: StatementFact): boolean {
  if (!lastPartMatches(rule.verb, fact.verbId)) return false;
  if (rule.objectType && !lastPartMatches(rule.objectType, fact.objectType)) return false;
  switch (rule.condition) {
    case 'any':
      return true;
    case 'success':
      return fact.success === true;
    case 'failure':
      return fact.success === false;
    case 'completed':
      return isCompleted(fact);
    case 'score-below':
      return fact.score !== null && fact.score < rule.score;
  }
}

function custom(rule: CustomRule, state: SessionRuleState, now: number, effects: Effects): void {
  const hits = state.customHits.get(rule.id) ?? [];
  hits.push(now);
  if (rule.windowMinutes !== null) {
    const since = now - rule.windowMinutes * MINUTE;
    while (hits.length > 0 && (hits[0] as number) < since) hits.shift();
  }
  // Only the last `count` matter: memory stays bounded whatever the game sends.
  if (hits.length > rule.count) hits.splice(0, hits.length - rule.count);
  state.customHits.set(rule.id, hits);
  if (hits.length >= rule.count && !state.active.has(`custom:${rule.id}`)) {
    const window = rule.windowMinutes === null ? '' : ` within ${minutesText(rule.windowMinutes)}`;
    const times = rule.count === 1 ? '' : ` ${rule.count} times${window}`;
    effects.raise(`custom:${rule.id}`, rule.severity, `${rule.name}${times}`);
    hits.length = 0;
  }
}

/** Whether this object's progress went above its best so far (which it then becomes). */
function wentUp(state: SessionRuleState, fact: StatementFact, progress: number): boolean {
  const key = fact.objectId ?? '';
  const best = state.bestProgress.get(key);
  if (best !== undefined && progress <= best) return false;
  // Forgetting counts the next progress of each object as going up: at worst a "no progress" alert comes later.
  if (best === undefined && state.bestProgress.size >= PROGRESS_OBJECTS_KEPT) state.bestProgress.clear();
  state.bestProgress.set(key, progress);
  const ofGame = isSeriousGameType(fact.objectType);
  if (ofGame || !state.shownProgress?.ofGame) state.shownProgress = { value: progress, ofGame };
  return true;
}

/** The timer's check: idle and no progress, for a student still playing (not ended, not finished the game). */
export function evaluateClock(settings: RuleSettings, state: SessionRuleState, now: number): RuleEffect[] {
  const effects = new Effects(state);
  if (state.ended || state.finishedGame) return effects.list;
  const { idle, noProgress } = settings;
  if (idle.enabled && now - state.lastSeen >= idle.minutes * MINUTE && state.idleAcknowledged !== state.lastSeen) {
    // Raised once, when the silence reaches the threshold, and read minutes later: "or more" keeps it true then. No clock
    // time: the server's would be UTC, and the dashboard shows when each alert was raised in the teacher's own time.
    effects.raise('idle', idle.severity, `Idle for ${minutesText(idle.minutes)} or more`);
  }
  if (noProgress.enabled && now - state.lastProgress >= noProgress.minutes * MINUTE && state.noProgressAcknowledged !== state.lastProgress) {
    effects.raise('no-progress', noProgress.severity, `No progress for ${minutesText(noProgress.minutes)}${percent(state.shownProgress?.value ?? null)}`);
  }
  return effects.list;
}

/** The game ended the session: idle no longer applies; quitting with a level open does. */
export function evaluateEnd(settings: RuleSettings, state: SessionRuleState): RuleEffect[] {
  const effects = new Effects(state);
  state.ended = true;
  effects.clear('idle');
  effects.clear('no-progress');
  if (!settings.quit.enabled) return effects.list;
  for (const objectId of state.open) {
    effects.raiseAbout(`quit:${objectId}`, settings.quit.severity, objectId, (name) => `Quit without completing ${name}`);
  }
  if (state.open.size === 0 && !state.completedAnything) effects.raise('quit', settings.quit.severity, 'Quit without completing anything');
  return effects.list;
}
