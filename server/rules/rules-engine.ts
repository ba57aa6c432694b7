import type { AppContext } from '../context.js';
import { ResultsFolding } from '../results/results-folding.js';
import { prepared } from '../store/prepared.js';
import { nextTurn } from '../util/next-turn.js';
import { alertObjectName } from './alert-object-names.js';
import type { AlertOp } from './alerts-writes.js';
import { type ClockGap, LESSON_BREAK_MS, type RuleClocks, systemClocks } from './clock-gaps.js';
import { evaluateClock, evaluateEnd, evaluateStatement, type RuleEffect, worded } from './evaluate.js';
import type { StatementFact } from './rule-facts.js';
import { needsClock, parseStoredRules, type RuleSettings } from './rule-settings.js';
import { SessionReadBack, type StoredSession } from './session-read-back.js';
import { FORGET_SILENT_MS, newSessionState, type SessionRuleState, shiftSessionTimes } from './session-state.js';
import { type SilentSession, UnwatchedTime } from './unwatched-time.js';

export interface RulesEngineOptions {
  /** How often idle / no-progress are checked. */
  tickMs?: number;
  /** Writes of alerts are grouped over this window (one transaction each). */
  flushMs?: number;
  /** Results are written at least this often (with alerts when there are some); by default flushMs when given, else 1 s. */
  resultsFlushMs?: number;
  /** false: do not read the batches at all (AULA_RULES=off, for measuring what rules cost). */
  listen?: boolean;
  /** The clocks a pause of the laptop is noticed on (clock-gaps.ts); the computer's by default. */
  clocks?: RuleClocks;
}

const FORGET_ENDED_MS = 10 * 60_000;
/** While sessions are live, Aula notes at least this often that it is watching them (last-watched.ts). */
const WATCHED_EVERY_MS = 30_000;

/**
 * Rules evaluated continuously on the statements as they are stored (never by rescanning the table): the track
 * route hands over each acknowledged batch after its answer left, so the work is O(statements in the batch) and
 * off the request's path; a timer checks the time-based rules. Per-session state lives in memory; raised alerts
 * and maintained results are written through the one writer, grouped per flush window. After a restart, a session's
 * state is rebuilt from its stored statements and alerts when it is next seen (session-read-back.ts), and the sessions
 * the clock rules watch are rebuilt a step at a time after the start; the time Aula was off or the laptop asleep is
 * not counted as the students' silence (unwatched-time.ts).
 */
export class RulesEngine {
  private readonly sessions = new Map<number, SessionRuleState>();
  private readonly rules = new Map<string, RuleSettings>();
  private readonly results: ResultsFolding;
  /** Settles once the results have folded what they missed before the collector started (results-folding.ts). */
  readonly caughtUp: Promise<void>;
  /** Settles once the sessions live before the start are watched again by the clock rules. */
  readonly resumed: Promise<void>;
  private ops: AlertOp[] = [];
  private flushTimer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();
  private readonly ticker: NodeJS.Timeout;
  private readonly unsubscribe: Array<() => void>;
  /** The time Aula was not watching (asleep, off, the clock set): not counted as the students' silence. */
  private readonly unwatched: UnwatchedTime;
  /** The sessions not in memory, read back from the store (after a restart, or a long silence). */
  private readonly readBack: SessionReadBack;
  private watchedWritten = Number.NEGATIVE_INFINITY;
  private readonly flushMs: number;
  private readonly resultsFlushMs: number;
  /** When the scheduled flush is due (performance.now()), so an alert can bring it forward. */
  private flushDue = Number.POSITIVE_INFINITY;
  private closed = false;
  /** false with AULA_RULES=off: sessions are then not followed, their state in memory says nothing of their silence. */
  private readonly listening: boolean;

  constructor(
    private readonly ctx: AppContext,
    options: RulesEngineOptions = {},
  ) {
    this.flushMs = options.flushMs ?? 200;
    // Under saturation a flush of results was some 600 upserts (6-17 ms of the writer's group commit, the batches in
    // that group waiting for it) five times a second: once a second writes each row as often as it then changes.
    this.resultsFlushMs = options.resultsFlushMs ?? options.flushMs ?? 1000;
    const { bus } = ctx;
    const listen = options.listen ?? true;
    this.listening = listen;
    const tickMs = options.tickMs ?? 1000;
    this.unwatched = new UnwatchedTime(ctx, tickMs, options.clocks ?? systemClocks, (gap) => this.skipGap(gap));
    this.readBack = new SessionReadBack(ctx.db, this.unwatched);
    this.results = new ResultsFolding(ctx.db);
    this.caughtUp = listen
      ? this.catchUp().catch((error: unknown) => ctx.log.warn({ err: error }, 'results could not catch up on stored statements'))
      : Promise.resolve();
    this.resumed =
      listen && this.unwatched.offBeforeStart < LESSON_BREAK_MS
        ? this.resumeLiveSessions().catch((error: unknown) =>
            ctx.log.warn({ err: error }, 'rules could not take up the sessions live before the start'),
          )
        : Promise.resolve();
    this.unsubscribe = [
      bus.on('statements.accepted', (e) => {
        if (!listen) return;
        if (!e.activityId) return;
        try {
          this.onStatements(e.activityId, e.sessionId, e.playerId, e.facts, e.lastSeq, e.firstSeq ?? e.lastSeq - e.facts.length + 1);
        } catch (error) {
          // Never the game's problem: its batch is stored and answered already.
          ctx.log.warn({ err: error }, 'rules could not read a batch');
        }
      }),
      bus.on('session.started', (e) => {
        // A new session: nothing of it is stored to read back.
        if (e.activityId && !this.sessions.has(e.sessionId)) this.sessions.set(e.sessionId, newSessionState(e.activityId, e.sessionId, e.playerId, ctx.now()));
      }),
      bus.on('session.ended', (e) => {
        if (listen && e.activityId) this.onEnded(e.activityId, e.sessionId);
      }),
      bus.on('activity.changed', (e) => this.rules.delete(e.activityId)),
      bus.on('changed.elsewhere', () => this.rules.clear()),
    ];
    this.ticker = setInterval(() => this.tick(), tickMs);
    this.ticker.unref();
  }

  /** The clocks a pause is noticed on (a test's own, to put the laptop to sleep); from the next look on. */
  watchClocks(clocks: RuleClocks): void {
    this.unwatched.watchClocks(clocks);
  }

  /** The rules of an activity, cached until the activity changes. */
  rulesOf(activityId: string): RuleSettings {
    let settings = this.rules.get(activityId);
    if (!settings) {
      const row = prepared<[string], { rules: string | null }>(this.ctx.db, 'SELECT rules FROM activities WHERE id = ?').get(activityId);
      settings = parseStoredRules(row?.rules ?? null);
      this.rules.set(activityId, settings);
    }
    return settings;
  }

  /** Checks the time-based rules now (the timer calls this every second). */
  tick(): void {
    if (this.closed) return;
    const now = this.ctx.now();
    this.unwatched.look(now);
    let live = false;
    for (const [sessionId, state] of this.sessions) {
      if (now - state.lastSeen > (state.ended ? FORGET_ENDED_MS : FORGET_SILENT_MS)) {
        this.sessions.delete(sessionId);
        continue;
      }
      live ||= !state.ended;
      const settings = this.rulesOf(state.activityId);
      if (needsClock(settings)) this.apply(state, evaluateClock(settings, state, now), now);
    }
    if (live && performance.now() - this.watchedWritten >= WATCHED_EVERY_MS) this.schedule(this.flushMs);
  }

  /** How long each session has been silent as the Idle rule counts it, at `now` (ctx.now()): see UnwatchedTime.silentMs. */
  silentMs(sessions: ReadonlyArray<SilentSession>, now: number): Map<number, number> {
    return this.unwatched.silentMs(sessions, now, (sessionId) => (this.listening ? this.sessions.get(sessionId)?.lastSeen : undefined));
  }

  /**
   * The laptop slept (or the clock was set) for `gap.ms`: the sessions' times before it move on by as much, so that the
   * silence is counted from when Aula was watching again, plus what was silent before. After a pause as long as a lesson
   * break, the sessions silent since before it are forgotten instead: watched again, from their stored state, once
   * their game sends.
   */
  private skipGap(gap: ClockGap): void {
    for (const [sessionId, state] of this.sessions) {
      if (gap.ms >= LESSON_BREAK_MS && state.lastSeen <= gap.before) this.sessions.delete(sessionId);
      else shiftSessionTimes(state, (time) => (time <= gap.before ? time + gap.ms : time));
    }
  }

  /** An alert was acknowledged: its rule may fire again on new evidence. */
  acknowledged(sessionId: number, key: string): void {
    const state = this.sessions.get(sessionId);
    if (!state) return;
    state.active.delete(key);
    // The silence acknowledged is not raised again a second later: a statement (or progress) starts a new one.
    if (key === 'idle') state.idleAcknowledged = state.lastSeen;
    if (key === 'no-progress') state.noProgressAcknowledged = state.lastProgress;
  }

  /** The sessions were erased: forget them. */
  forget(sessionIds: Iterable<number>): void {
    for (const id of sessionIds) this.sessions.delete(id);
  }

  /** Writes whatever is pending now; resolves after commit. */
  flush(): Promise<void> {
    if (this.flushTimer) {
      clearTimeout(this.flushTimer);
      this.flushTimer = undefined;
    }
    // Taken when the previous write has settled, not now: a write that failed gives its part back first.
    this.flushing = this.flushing
      .then(() => this.writePending())
      .catch((error: unknown) => this.ctx.log.warn({ err: error }, 'could not tell the dashboard of new alerts and results'));
    return this.flushing;
  }

  private async writePending(): Promise<void> {
    const ops = this.ops;
    this.ops = [];
    const deltas = this.results.take();
    const watched = this.closed || performance.now() - this.watchedWritten >= WATCHED_EVERY_MS;
    if (ops.length === 0 && !deltas && !watched) return;
    const now = new Date(this.ctx.now()).toISOString();
    try {
      await this.ctx.ingest.run('rules.flush', {
        results: deltas?.results ?? [],
        answers: deltas?.answers ?? [],
        ops,
        now,
        resultsThrough: deltas?.through ?? null,
        watched: true,
      });
      this.watchedWritten = performance.now();
    } catch (error) {
      // Rolled back as a whole (e.g. the disk full): kept for the next flush rather than lost.
      this.ops = [...ops, ...this.ops];
      if (deltas) this.results.giveBack(deltas);
      this.schedule(this.resultsFlushMs);
      this.ctx.log.warn({ err: error }, 'could not store alerts and results; trying again with the next write');
      return;
    }
    for (const activityId of new Set(ops.map((op) => op.activityId))) this.ctx.bus.emit('alerts.changed', { activityId });
    const written = [...(deltas?.results ?? []), ...(deltas?.answers ?? [])].map((delta) => delta.activityId);
    for (const activityId of new Set(written)) this.ctx.bus.emit('results.changed', { activityId });
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.ticker);
    for (const stop of this.unsubscribe) stop();
    await this.flush();
  }

  private onStatements(
    activityId: string,
    sessionId: number,
    playerId: string,
    facts: readonly StatementFact[],
    lastSeq: number,
    firstSeq: number,
  ): void {
    const now = this.ctx.now();
    // The session's earlier statements end before this batch's first: read back, they are not evaluated twice (an xAPI
    // request of several sessions ends with another session's statements, after this one's).
    const state = this.sessions.get(sessionId) ?? this.rebuild({ activityId, sessionId, playerId }, firstSeq - 1);
    const settings = this.rulesOf(activityId);
    for (const fact of facts) {
      this.results.addLive(activityId, playerId, fact);
      this.apply(state, evaluateStatement(settings, state, fact, now), now);
    }
    this.results.liveBatchEnds(lastSeq);
    this.schedule(this.resultsFlushMs);
  }

  /**
   * Folds, a step per turn of the event loop, the statements stored before the collector started that the results
   * never got (a crash within a second of their answer); written with the usual flushes. Alerts are not raised for
   * them: they are about what is happening now.
   */
  private async catchUp(): Promise<void> {
    if (!this.results.isCatchingUp) return;
    await nextTurn();
    while (!this.closed && !this.results.catchUpStep(this.ctx.db)) {
      this.schedule(this.resultsFlushMs);
      await nextTurn();
    }
    this.schedule(this.flushMs);
  }

  /** A session that started before Aula did ends: "quit without completing" knows what it had opened. */
  private onEnded(activityId: string, sessionId: number): void {
    let state = this.sessions.get(sessionId);
    if (!state) {
      const playerId = this.readBack.playerOf(sessionId);
      if (playerId === undefined) return;
      state = this.rebuild({ activityId, sessionId, playerId }, Number.MAX_SAFE_INTEGER);
      // Read back as ended already: the end is what is evaluated now.
      state.ended = false;
    }
    const now = this.ctx.now();
    this.apply(state, evaluateEnd(this.rulesOf(state.activityId), state), now);
  }

  /**
   * A session not in memory (started before this start, or forgotten after a long silence), as an engine that never
   * stopped would hold it, from its statements stored up to `through`. Once per session, not per statement.
   */
  private rebuild(session: StoredSession, through: number): SessionRuleState {
    const now = this.ctx.now();
    const { state, effects } = this.readBack.read(session, this.rulesOf(session.activityId), through, now);
    this.sessions.set(session.sessionId, state);
    this.apply(state, effects, now);
    return state;
  }

  /**
   * After a restart, the sessions the clock rules watch that were live when Aula stopped (not ended, heard from within
   * the hours before), a session per turn of the event loop: a student whose game went silent just before the restart
   * is still reported idle, the minutes Aula was off aside.
   */
  private async resumeLiveSessions(): Promise<void> {
    const sessions = this.readBack.liveAtStop(
      (activityId) => needsClock(this.rulesOf(activityId)),
      () => this.closed,
    );
    for await (const session of sessions) {
      if (this.closed) return;
      if (!this.sessions.has(session.sessionId)) this.rebuild(session, this.readBack.startSeq);
    }
  }

  private apply(state: SessionRuleState, effects: RuleEffect[], now: number): void {
    if (effects.length === 0) return;
    const time = new Date(now).toISOString();
    // Only here, for an alert raised (the statement that raised it is stored by now): never per statement.
    const name = (objectId: string) => alertObjectName(this.ctx.db, state.activityId, objectId);
    for (const effect of effects) {
      this.ops.push({ activityId: state.activityId, sessionId: state.sessionId, playerId: state.playerId, effect: worded(effect, name), time });
    }
    this.schedule(this.flushMs);
  }

  /** A flush within `delayMs`: an earlier one already scheduled stays, a later one is brought forward. */
  private schedule(delayMs: number): void {
    if (this.closed) return;
    const due = performance.now() + delayMs;
    if (this.flushTimer && this.flushDue <= due) return;
    clearTimeout(this.flushTimer);
    this.flushDue = due;
    this.flushTimer = setTimeout(() => {
      this.flushTimer = undefined;
      void this.flush();
    }, delayMs);
  }
}
