import type { AppContext } from '../context.js';
import { ResultsFolding } from '../results/results-folding.js';
import { prepared } from '../store/prepared.js';
import { type AlertOp, readActiveKeys } from './alerts-writes.js';
import { evaluateClock, evaluateEnd, evaluateStatement, type RuleEffect } from './evaluate.js';
import type { StatementFact } from './rule-facts.js';
import { needsClock, parseStoredRules, type RuleSettings } from './rule-settings.js';
import { newSessionState, type SessionRuleState } from './session-state.js';

export interface RulesEngineOptions {
  /** How often idle / no-progress are checked. */
  tickMs?: number;
  /** Writes of alerts are grouped over this window (one transaction each). */
  flushMs?: number;
  /** Results are written at least this often (with alerts when there are some); by default flushMs when given, else 1 s. */
  resultsFlushMs?: number;
  /** false: do not read the batches at all (AULA_RULES=off, for measuring what rules cost). */
  listen?: boolean;
}

const FORGET_ENDED_MS = 10 * 60_000;
const FORGET_SILENT_MS = 6 * 3600_000;

/**
 * Rules evaluated continuously on the statements as they are stored (never by rescanning the table): the track
 * route hands over each acknowledged batch after its answer left, so the work is O(statements in the batch) and
 * off the request's path; a timer checks the time-based rules. Per-session state lives in memory; raised alerts
 * and maintained results are written through the one writer, grouped per flush window.
 */
export class RulesEngine {
  private readonly sessions = new Map<number, SessionRuleState>();
  private readonly rules = new Map<string, RuleSettings>();
  private readonly results: ResultsFolding;
  /** Settles once the results have folded what they missed before the collector started (results-folding.ts). */
  readonly caughtUp: Promise<void>;
  private ops: AlertOp[] = [];
  private flushTimer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();
  private readonly ticker: NodeJS.Timeout;
  private readonly unsubscribe: Array<() => void>;
  private readonly restored = new Map<number, Set<string>>();
  private readonly flushMs: number;
  private readonly resultsFlushMs: number;
  /** When the scheduled flush is due (performance.now()), so an alert can bring it forward. */
  private flushDue = Number.POSITIVE_INFINITY;
  private closed = false;

  constructor(
    private readonly ctx: AppContext,
    options: RulesEngineOptions = {},
  ) {
    this.flushMs = options.flushMs ?? 200;
    // Under saturation a flush of results was some 600 upserts (6-17 ms of the writer's group commit, the batches in
    // that group waiting for it) five times a second: once a second writes each row as often as it then changes.
    this.resultsFlushMs = options.resultsFlushMs ?? options.flushMs ?? 1000;
    for (const { sessionId, key } of readActiveKeys(ctx.db)) {
      const keys = this.restored.get(sessionId) ?? new Set<string>();
      keys.add(key);
      this.restored.set(sessionId, keys);
    }
    const { bus } = ctx;
    const listen = options.listen ?? true;
    this.results = new ResultsFolding(ctx.db);
    this.caughtUp = listen
      ? this.catchUp().catch((error: unknown) => ctx.log.warn({ err: error }, 'results could not catch up on stored statements'))
      : Promise.resolve();
    this.unsubscribe = [
      bus.on('statements.accepted', (e) => {
        if (!listen) return;
        if (!e.activityId) return;
        try {
          this.onStatements(e.activityId, e.sessionId, e.playerId, e.facts, e.lastSeq);
        } catch (error) {
          // Never the game's problem: its batch is stored and answered already.
          ctx.log.warn({ err: error }, 'rules could not read a batch');
        }
      }),
      bus.on('session.started', (e) => {
        if (e.activityId) this.state(e.activityId, e.sessionId, e.playerId);
      }),
      bus.on('session.ended', (e) => this.onEnded(e.sessionId)),
      bus.on('activity.changed', (e) => this.rules.delete(e.activityId)),
      bus.on('changed.elsewhere', () => this.rules.clear()),
    ];
    this.ticker = setInterval(() => this.tick(), options.tickMs ?? 1000);
    this.ticker.unref();
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
    for (const [sessionId, state] of this.sessions) {
      if (now - state.lastSeen > (state.ended ? FORGET_ENDED_MS : FORGET_SILENT_MS)) {
        this.sessions.delete(sessionId);
        continue;
      }
      const settings = this.rulesOf(state.activityId);
      if (needsClock(settings)) this.apply(state, evaluateClock(settings, state, now), now);
    }
  }

  /** An alert was acknowledged: its rule may fire again on new evidence. */
  acknowledged(sessionId: number, key: string): void {
    this.sessions.get(sessionId)?.active.delete(key);
    this.restored.get(sessionId)?.delete(key);
  }

  /** The sessions were erased: forget them. */
  forget(sessionIds: Iterable<number>): void {
    for (const id of sessionIds) {
      this.sessions.delete(id);
      this.restored.delete(id);
    }
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
    if (ops.length === 0 && !deltas) return;
    const now = new Date(this.ctx.now()).toISOString();
    try {
      await this.ctx.ingest.run('rules.flush', {
        results: deltas?.results ?? [],
        answers: deltas?.answers ?? [],
        ops,
        now,
        resultsThrough: deltas?.through ?? null,
      });
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

  private onStatements(activityId: string, sessionId: number, playerId: string, facts: readonly StatementFact[], lastSeq: number): void {
    const now = this.ctx.now();
    const state = this.state(activityId, sessionId, playerId);
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

  private onEnded(sessionId: number): void {
    const state = this.sessions.get(sessionId);
    if (!state) return;
    const now = this.ctx.now();
    this.apply(state, evaluateEnd(this.rulesOf(state.activityId), state), now);
  }

  private state(activityId: string, sessionId: number, playerId: string): SessionRuleState {
    let state = this.sessions.get(sessionId);
    if (!state) {
      state = newSessionState(activityId, sessionId, playerId, this.ctx.now());
      // Rules remember in memory only: after a restart, a student who had finished the game is still done.
      state.finishedGame =
        prepared<[number], { completion: number | null }>(this.ctx.db, 'SELECT completion FROM sessions WHERE id = ?').get(sessionId)
          ?.completion === 1;
      for (const key of this.restored.get(sessionId) ?? []) state.active.add(key);
      this.restored.delete(sessionId);
      this.sessions.set(sessionId, state);
    }
    return state;
  }

  private apply(state: SessionRuleState, effects: RuleEffect[], now: number): void {
    if (effects.length === 0) return;
    const time = new Date(now).toISOString();
    for (const effect of effects) this.ops.push({ activityId: state.activityId, sessionId: state.sessionId, playerId: state.playerId, effect, time });
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

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
