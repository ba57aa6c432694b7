import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LiveBus } from './live-bus.js';
import { ChangesBuffer } from './sse-changes.js';
import type { SseEventName, SseEvents } from './sse-events.js';

export interface SseHubOptions {
  /** Bus events within this window become one `changes` event: at most 1000/windowMs events per second. */
  windowMs?: number;
  heartbeatMs?: number;
  /** How many past events a reconnecting client can catch up on with Last-Event-ID. */
  replay?: number;
}

interface PastEvent {
  seq: number;
  frame: string;
}

/**
 * The dashboard's event stream. One bus subscription for all tabs; events are coalesced (the first one after a
 * quiet spell leaves at once, later ones at most every `windowMs`), numbered `<boot>-<seq>` so a reconnecting tab
 * either gets exactly what it missed or a `reset` telling it to refetch (after a restart or a long absence).
 */
export class SseHub {
  private readonly bootId = randomBytes(4).toString('hex');
  private seq = 0;
  private readonly history: PastEvent[] = [];
  private readonly clients = new Set<ServerResponse>();
  private readonly changes = new ChangesBuffer();
  private readonly windowMs: number;
  private readonly replay: number;
  private readonly heartbeat: NodeJS.Timeout;
  private readonly unsubscribe: Array<() => void>;
  private timer: NodeJS.Timeout | undefined;
  /**
   * When the last `changes` left, on the monotonic clock: the wall clock can jump back (the laptop's clock set right,
   * by hand or by NTP once a network is there), and an hour back held every change for that hour, with Live frozen.
   */
  private lastFlush = Number.NEGATIVE_INFINITY;
  private closed = false;

  constructor(
    bus: LiveBus,
    private readonly now: () => number,
    options: SseHubOptions = {},
  ) {
    this.windowMs = options.windowMs ?? 200;
    this.replay = options.replay ?? 500;
    this.unsubscribe = [
      bus.on('statements.stored', (e) => this.touch(() => this.changes.stored(e.activityId, e.sessionId, e.playerId, e.count))),
      bus.on('session.started', (e) => this.touch(() => this.changes.sessionStarted(e.activityId, e.sessionId, e.playerId))),
      bus.on('session.ended', (e) => this.touch(() => this.changes.sessionEnded(e.activityId, e.sessionId))),
      bus.on('activity.changed', (e) => this.touch(() => this.changes.activityChanged(e.activityId))),
      bus.on('request.rejected', (e) => this.touch(() => this.changes.requestRejected(e.route, e.status, e.message, e.activityId))),
      bus.on('login.after-failures', () => this.touch(() => this.changes.loggedInAfterFailures())),
      bus.on('alerts.changed', (e) => this.touch(() => this.changes.alertsChanged(e.activityId))),
      bus.on('results.changed', (e) => this.touch(() => this.changes.resultsChanged(e.activityId))),
      bus.on('storage.changed', (e) => this.touch(() => this.changes.storageChanged(e.full))),
      bus.on('classes.changed', (e) => this.touch(() => this.changes.classesChanged(e.classId))),
      // Not a change the buffer can name: every tab refetches what it shows. It does not move the position.
      bus.on('changed.elsewhere', () => this.broadcast(frame('reset', { reason: 'changed-elsewhere' }, `${this.bootId}-${this.seq}`))),
    ];
    this.heartbeat = setInterval(() => this.broadcast(frame('heartbeat', { serverTime: this.isoNow() })), options.heartbeatMs ?? 15_000);
    this.heartbeat.unref();
  }

  get clientCount(): number {
    return this.clients.size;
  }

  /** Serves one `GET …/events`. */
  attach(req: IncomingMessage, res: ServerResponse): void {
    if (this.closed) {
      res.writeHead(503).end();
      return;
    }
    req.socket.setNoDelay(true);
    req.socket.setTimeout(0);
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    res.write('retry: 2000\n\n');
    // hello and reset carry the current position, so a tab that reconnects before any change still catches up.
    const position = `${this.bootId}-${this.seq}`;
    res.write(frame('hello', { serverTime: this.isoNow() }, position));
    const lastEventId = header(req, 'last-event-id');
    if (lastEventId) this.catchUp(res, lastEventId, position);
    this.clients.add(res);
    res.on('close', () => this.clients.delete(res));
  }

  /** Ends every stream so the HTTP server can stop. */
  close(): void {
    this.closed = true;
    for (const stop of this.unsubscribe) stop();
    clearInterval(this.heartbeat);
    if (this.timer) clearTimeout(this.timer);
    for (const res of this.clients) res.end();
    this.clients.clear();
  }

  private catchUp(res: ServerResponse, lastEventId: string, position: string): void {
    const match = /^([0-9a-f]+)-(\d+)$/.exec(lastEventId);
    if (!match || match[1] !== this.bootId) {
      res.write(frame('reset', { reason: 'unknown-event-id' }, position));
      return;
    }
    const seen = Number(match[2]);
    const oldest = this.history[0]?.seq ?? this.seq + 1;
    if (seen > this.seq || seen < oldest - 1) {
      res.write(frame('reset', { reason: seen > this.seq ? 'unknown-event-id' : 'too-old' }, position));
      return;
    }
    for (const past of this.history) if (past.seq > seen) res.write(past.frame);
  }

  private touch(record: () => void): void {
    if (this.closed) return;
    record();
    if (this.timer) return;
    const delay = Math.max(0, this.lastFlush + this.windowMs - performance.now());
    this.timer = setTimeout(() => this.flush(), delay);
  }

  private flush(): void {
    this.timer = undefined;
    if (this.changes.isEmpty) return;
    this.lastFlush = performance.now();
    this.seq++;
    const text = frame('changes', this.changes.take(), `${this.bootId}-${this.seq}`);
    this.history.push({ seq: this.seq, frame: text });
    if (this.history.length > this.replay) this.history.shift();
    this.broadcast(text);
  }

  private broadcast(text: string): void {
    for (const res of this.clients) res.write(text);
  }

  private isoNow(): string {
    return new Date(this.now()).toISOString();
  }
}

function frame<Name extends SseEventName>(name: Name, data: SseEvents[Name], id?: string): string {
  return `${id ? `id: ${id}\n` : ''}event: ${name}\ndata: ${JSON.stringify(data)}\n\n`;
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
