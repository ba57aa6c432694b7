import { isWholeGameType } from '../normalize/whole-game.js';
import { type AlertWording, englishMessage, namingObject } from './alert-wording.js';
import { gameCompletion } from './finished-game.js';
import { isAnswer, isCompleted, objectName, type StatementFact } from './rule-facts.js';
import { type CustomRule, lastPartMatches, type RuleSettings, type Severity } from './rule-match.js';
import type { SessionRuleState } from './session-state.js';

/**
 * What a rule decided: raise an alert on the session, or clear one (on this session, or on every session of the
 * player in the activity, e.g. a level finished later clears "quit without completing" of an earlier session).
 */
export type RuleEffect =
  | { kind: 'raise'; key: string; severity: Severity; message: string; wording: AlertWording; naming?: ObjectNaming }
  | { kind: 'clear'; key: string; scope: 'session' | 'player' };

/**
 * A raise that names an object, by the last part of its id in its wording: the engine names it again with the name the
 * object's xAPI game gave it (`definition.name`) once the alert is raised (rules-engine.ts), so the name costs a look-up
 * per alert raised, never a thing per statement.
 */
export interface ObjectNaming {
  objectId: string;
}

/** What is written: the message in its final words, and its wording as data (the dashboard's, in its language). */
export type WrittenEffect =
  | { kind: 'raise'; key: string; severity: Severity; message: string; wording: AlertWording }
  | Extract<RuleEffect, { kind: 'clear' }>;

/** The raise as the engine words it, with `name` for its object (the effect as it is, without naming). */
export function worded(effect: RuleEffect, name: (objectId: string) => string | null): WrittenEffect {
  if (effect.kind === 'clear') return effect;
  const { naming, ...written } = effect;
  const given = naming ? name(naming.objectId) : null;
  if (given === null) return written;
  const wording = namingObject(written.wording, given);
  return { ...written, message: englishMessage(wording), wording };
}

const MINUTE = 60_000;
/** A game has a few dozen levels; a client inventing object ids must not grow a live session's memory without end. */
const PROGRESS_OBJECTS_KEPT = 1_000;
/** Likewise the objects initialized and not completed that "quit without completing" names at the end. */
const OPEN_OBJECTS_KEPT = 1_000;

/** A progress as its alert says it, in percent to a tenth (a game may send 0.4 or 40). */
function percent(value: number): number {
  return Math.round((value <= 1 ? value * 100 : value) * 10) / 10;
}

class Effects {
  readonly list: RuleEffect[] = [];
  constructor(private readonly state: SessionRuleState) {}

  /** Its English message is made here, once per alert raised, from the wording the dashboard words in its language. */
  raise(key: string, severity: Severity, wording: AlertWording, naming?: ObjectNaming): void {
    if (this.state.active.has(key)) return;
    this.state.active.add(key);
    const message = englishMessage(wording);
    this.list.push(naming ? { kind: 'raise', key, severity, message, wording, naming } : { kind: 'raise', key, severity, message, wording });
  }

  /** A raise whose wording names `objectId`: with the last part of its id until the engine names it (none: "something"). */
  raiseAbout(key: string, severity: Severity, objectId: string | null, wording: (object: string | undefined) => AlertWording): void {
    if (this.state.active.has(key)) return;
    this.raise(key, severity, wording(objectId ? objectName(objectId) : undefined), objectId ? { objectId } : undefined);
  }

  clear(key: string, scope: 'session' | 'player' = 'session'): void {
    if (scope === 'session' && !this.state.active.has(key)) return;
    this.state.active.delete(key);
    this.list.push({ kind: 'clear', key, scope });
  }
}

/** `values` with the object they are about, when there is one (without, the wording says "something"). */
function withObject<T extends object>(values: T, object: string | undefined): T & { object?: string } {
  return object === undefined ? values : { ...values, object };
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
      const threshold = settings.lowScore.below;
      effects.raiseAbout(key, settings.lowScore.severity, fact.objectId, (object) => ({ rule: 'lowScore', values: withObject({ score, threshold }, object) }));
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
  const last = (count: number, object: string | undefined) => withObject(fact.response ? { count, response: fact.response } : { count }, object);
  if (rule.inARow !== null && state.wrongInARow >= rule.inARow && !state.active.has('wrong-in-a-row')) {
    const inARow = state.wrongInARow;
    effects.raiseAbout('wrong-in-a-row', rule.severity, fact.objectId, (object) => ({ rule: 'wrongInARow', values: last(inARow, object) }));
  }
  if (rule.total !== null && state.wrongTotal >= rule.total && !state.wrongTotalFired) {
    state.wrongTotalFired = true;
    const total = state.wrongTotal;
    effects.raiseAbout('wrong-total', rule.severity, fact.objectId, (object) => ({ rule: 'wrongTotal', values: last(total, object) }));
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
    const values = { name: rule.name, count: rule.count };
    effects.raise(`custom:${rule.id}`, rule.severity, {
      rule: 'custom',
      values: rule.windowMinutes === null ? values : { ...values, minutes: rule.windowMinutes },
    });
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
  const ofGame = isWholeGameType(fact.objectType);
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
    effects.raise('idle', idle.severity, { rule: 'idle', values: { minutes: idle.minutes } });
  }
  if (noProgress.enabled && now - state.lastProgress >= noProgress.minutes * MINUTE && state.noProgressAcknowledged !== state.lastProgress) {
    const shown = state.shownProgress?.value;
    const values = { minutes: noProgress.minutes };
    effects.raise('no-progress', noProgress.severity, { rule: 'noProgress', values: shown === undefined ? values : { ...values, percent: percent(shown) } });
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
    effects.raiseAbout(`quit:${objectId}`, settings.quit.severity, objectId, (object) => ({ rule: 'quit', values: withObject({}, object) }));
  }
  if (state.open.size === 0 && !state.completedAnything) effects.raise('quit', settings.quit.severity, { rule: 'quitAnything', values: {} });
  return effects.list;
}
