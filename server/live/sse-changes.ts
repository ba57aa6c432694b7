import type { ChangesEvent } from './sse-events.js';

const MAX_LISTED_REJECTIONS = 5;

/** Collects bus events between two SSE flushes. */
export class ChangesBuffer {
  private statements = 0;
  private activities = new Map<string, number>();
  private sessions = new Set<number>();
  private players = new Set<string>();
  private started = 0;
  private ended = 0;
  private rejected: ChangesEvent['rejected'] = [];
  private rejectedCount = 0;
  private alerts = new Set<string>();
  private storage: { full: boolean } | undefined;
  private classes = new Set<string>();
  private results = new Set<string>();
  private loginsAfterFailures = 0;
  private dirty = false;

  get isEmpty(): boolean {
    return !this.dirty;
  }

  stored(activityId: string | null, sessionId: number, playerId: string, count: number): void {
    this.statements += count;
    if (activityId) this.bumpActivity(activityId, count);
    this.sessions.add(sessionId);
    this.players.add(playerId);
    this.dirty = true;
  }

  sessionStarted(activityId: string | null, sessionId: number, playerId: string): void {
    this.started++;
    if (activityId) this.bumpActivity(activityId, 0);
    this.sessions.add(sessionId);
    this.players.add(playerId);
    this.dirty = true;
  }

  sessionEnded(activityId: string | null, sessionId: number): void {
    this.ended++;
    if (activityId) this.bumpActivity(activityId, 0);
    this.sessions.add(sessionId);
    this.dirty = true;
  }

  activityChanged(activityId: string): void {
    this.bumpActivity(activityId, 0);
    this.dirty = true;
  }

  requestRejected(route: string, status: number, message: string, activityId: string | null): void {
    this.rejectedCount++;
    if (activityId) this.bumpActivity(activityId, 0);
    if (this.rejected.length < MAX_LISTED_REJECTIONS) this.rejected.push({ route, status, message });
    this.dirty = true;
  }

  loggedInAfterFailures(): void {
    this.loginsAfterFailures++;
    this.dirty = true;
  }

  alertsChanged(activityId: string): void {
    this.alerts.add(activityId);
    this.dirty = true;
  }

  /** Only the latest state counts: a disk that filled and freed within one window ends as "not full". */
  storageChanged(full: boolean): void {
    this.storage = { full };
    this.dirty = true;
  }

  classesChanged(classId: string): void {
    this.classes.add(classId);
    this.dirty = true;
  }

  resultsChanged(activityId: string): void {
    this.results.add(activityId);
    this.dirty = true;
  }

  /** The merged event; the buffer starts empty again. */
  take(): ChangesEvent {
    const event: ChangesEvent = {
      statements: this.statements,
      activities: Object.fromEntries(this.activities),
      sessions: [...this.sessions],
      players: [...this.players],
      sessionsStarted: this.started,
      sessionsEnded: this.ended,
      rejected: this.rejected,
      rejectedCount: this.rejectedCount,
      alerts: [...this.alerts],
      ...(this.storage ? { storage: this.storage } : {}),
      ...(this.classes.size > 0 ? { classes: [...this.classes] } : {}),
      ...(this.results.size > 0 ? { results: [...this.results] } : {}),
      ...(this.loginsAfterFailures > 0 ? { loginsAfterFailures: this.loginsAfterFailures } : {}),
    };
    this.statements = 0;
    this.activities = new Map();
    this.sessions = new Set();
    this.players = new Set();
    this.started = 0;
    this.ended = 0;
    this.rejected = [];
    this.rejectedCount = 0;
    this.alerts = new Set();
    this.storage = undefined;
    this.classes = new Set();
    this.results = new Set();
    this.loginsAfterFailures = 0;
    this.dirty = false;
    return event;
  }

  private bumpActivity(activityId: string, count: number): void {
    this.activities.set(activityId, (this.activities.get(activityId) ?? 0) + count);
  }
}
