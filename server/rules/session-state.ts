/**
 * A session silent this long is forgotten from memory (read back when its game sends again), and a pause that long
 * before no longer matters to any silence.
 */
export const FORGET_SILENT_MS = 6 * 3600_000;

/**
 * What the rules remember about one live session, in memory; after a restart it is rebuilt from the session's stored
 * statements and alerts when the session is next seen (session-rebuild.ts).
 */
export interface SessionRuleState {
  activityId: string;
  sessionId: number;
  playerId: string;
  /** Wall-clock ms of the last statement stored (or the start): the game's own clock may be wrong. */
  lastSeen: number;
  /** Wall-clock ms of the last progress (progress went up, or something was completed). */
  lastProgress: number;
  /**
   * Object id → the highest progress it reported. Per object: each level counts from 0 again, and with one highest
   * value for the session a second level's progress never went above the first level's 100 %, so a student working
   * through it was reported as making no progress.
   */
  bestProgress: Map<string, number>;
  /** The progress the "no progress" alert shows: the game's own once it has sent one, else the last that went up. */
  shownProgress: { value: number; ofGame: boolean } | null;
  wrongInARow: number;
  wrongTotal: number;
  wrongTotalFired: boolean;
  /** The ids of what was initialized and not yet completed (for "quit without completing"), named when it is raised. */
  open: Set<string>;
  completedAnything: boolean;
  /**
   * The game sent `completed` on its own object (`serious-game`, or ADL's `game` / `course`: whole-game.ts): the student is done. The trackers rarely end a session,
   * so without this every student who finished was reported idle, then without progress, minutes later.
   */
  finishedGame: boolean;
  /** Custom rule id → wall-clock ms of its recent matches. */
  customHits: Map<string, number[]>;
  ended: boolean;
  /** Rule keys raised on this session and not cleared or acknowledged since. */
  active: Set<string>;
  /**
   * `lastSeen` when the teacher acknowledged this session's idle alert: the silence she acknowledged does not raise it
   * again a second later; a statement starts a new silence. Null when none was acknowledged.
   */
  idleAcknowledged: number | null;
  /** `lastProgress` when the teacher acknowledged its no-progress alert, likewise. */
  noProgressAcknowledged: number | null;
}

export function newSessionState(activityId: string, sessionId: number, playerId: string, now: number): SessionRuleState {
  return {
    activityId,
    sessionId,
    playerId,
    lastSeen: now,
    lastProgress: now,
    bestProgress: new Map(),
    shownProgress: null,
    wrongInARow: 0,
    wrongTotal: 0,
    wrongTotalFired: false,
    open: new Set(),
    completedAnything: false,
    finishedGame: false,
    customHits: new Map(),
    ended: false,
    active: new Set(),
    idleAcknowledged: null,
    noProgressAcknowledged: null,
  };
}

/**
 * Moves the session's wall-clock times by `shift` (each time to its own shifted value): the time the laptop was asleep or
 * Aula was off is not counted as a silence, nor in a custom rule's window.
 */
export function shiftSessionTimes(state: SessionRuleState, shift: (time: number) => number): void {
  state.lastSeen = shift(state.lastSeen);
  state.lastProgress = shift(state.lastProgress);
  if (state.idleAcknowledged !== null) state.idleAcknowledged = shift(state.idleAcknowledged);
  if (state.noProgressAcknowledged !== null) state.noProgressAcknowledged = shift(state.noProgressAcknowledged);
  for (const hits of state.customHits.values()) for (let i = 0; i < hits.length; i++) hits[i] = shift(hits[i] as number);
}
