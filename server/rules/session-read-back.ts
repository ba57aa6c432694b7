import { readResultsThrough } from '../results/results-watermark.js';
import type { Db } from '../store/open-database.js';
import { prepared } from '../store/prepared.js';
import { newestSeq } from '../store/statement-rows.js';
import { nextTurn } from '../util/next-turn.js';
import type { RuleSettings } from './rule-settings.js';
import { type RebuildRange, type RebuiltSession, rebuildSessionState } from './session-rebuild.js';
import { FORGET_SILENT_MS, shiftSessionTimes } from './session-state.js';
import type { UnwatchedTime } from './unwatched-time.js';

/** Alerts are written within a fifth of a second, or tried again each second when a write fails (a full disk). */
const UNFLUSHED_WINDOW_MS = 60_000;

/** A stored session, by the ids its rule state is kept under. */
export interface StoredSession {
  activityId: string;
  sessionId: number;
  playerId: string;
}

/**
 * Reads back from the store the sessions the rules engine does not hold in memory (started before this start, or
 * forgotten after a long silence), as an engine that never stopped would hold them (session-rebuild.ts), with their
 * times moved past the time Aula was not watching (unwatched-time.ts). It remembers what the start found: which
 * statements reach the engine live, and which had the alerts they decided written before Aula stopped.
 */
export class SessionReadBack {
  /** The newest statement when the engine started: those up to it were stored before, later ones reach it live. */
  readonly startSeq: number;
  /** The statements up to it had their alerts written before the start; those after it up to startSeq did not. */
  private readonly flushedAtStart: number;
  /** Of those, the ones stored since this time (the last minute before Aula stopped) have their alerts raised. */
  private readonly unflushedSince: number;
  /** Sessions rebuilt since the start: the alerts of statements after flushedAtStart are raised once, not again. */
  private readonly rebuilt = new Set<number>();

  constructor(
    private readonly db: Db,
    private readonly unwatched: UnwatchedTime,
  ) {
    this.flushedAtStart = readResultsThrough(db);
    this.startSeq = newestSeq(db);
    this.unflushedSince = unwatched.lastRunning - UNFLUSHED_WINDOW_MS;
  }

  /**
   * A session not in memory, from its statements stored up to `through`, and the effects of those the last moments
   * before the start decided without writing them. Once per session, not per statement.
   */
  read(session: StoredSession, settings: RuleSettings, through: number, now: number): RebuiltSession {
    const first = !this.rebuilt.has(session.sessionId);
    this.rebuilt.add(session.sessionId);
    // Only the first rebuild since the start raises what the last moments before it decided without writing it.
    const range: RebuildRange = first
      ? { through, flushedThrough: this.flushedAtStart, unflushedThrough: this.startSeq, unflushedSince: this.unflushedSince }
      : { through, flushedThrough: Number.MAX_SAFE_INTEGER, unflushedThrough: 0, unflushedSince: Number.POSITIVE_INFINITY };
    const rebuilt = rebuildSessionState(this.db, settings, session, range, now);
    shiftSessionTimes(rebuilt.state, (time) => this.unwatched.shiftPast(time));
    return rebuilt;
  }

  /** The player of a stored session, or undefined when it was erased. */
  playerOf(sessionId: number): string | undefined {
    return prepared<[number], { playerId: string }>(this.db, 'SELECT player_id AS playerId FROM sessions WHERE id = ?').get(sessionId)?.playerId;
  }

  /**
   * The sessions of the activities `watched` (those the clock rules watch) that were live when Aula stopped (not
   * ended, heard from within the hours before), a session per turn of the event loop; none once `stopped`.
   */
  async *liveAtStop(watched: (activityId: string) => boolean, stopped: () => boolean): AsyncGenerator<StoredSession> {
    await nextTurn();
    const activities = prepared<[], { id: string }>(this.db, 'SELECT id FROM activities WHERE rules IS NOT NULL').all();
    const since = new Date(this.unwatched.lastRunning - FORGET_SILENT_MS).toISOString();
    for (const { id } of activities) {
      if (stopped()) return;
      if (!watched(id)) continue;
      const live = prepared<[string, string], { sessionId: number; playerId: string }>(
        this.db,
        // Not one imported from another laptop: its students were watched there.
        `SELECT id AS sessionId, player_id AS playerId FROM sessions
          WHERE activity_id = ? AND ended IS NULL AND last_seen >= ? AND origin_id IS NULL`,
      ).all(id, since);
      for (const { sessionId, playerId } of live) {
        yield { activityId: id, sessionId, playerId };
        await nextTurn();
      }
    }
  }
}
