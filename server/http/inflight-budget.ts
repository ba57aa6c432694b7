/**
 * Bytes of request bodies being read, parsed or waiting for their commit. When a burst (500 games flushing their
 * offline backlog at once) would go over the budget, the newest requests are turned away with 503 + Retry-After
 * before their bodies are held in memory or parsed, instead of the process growing until it runs out, and instead
 * of admitted requests queueing behind more work than they can wait for (issue 8).
 *
 * A game's regular batch (a few KB) may also use a reserve that larger bodies may not: while backlogs wait for
 * their turn, the games still playing keep sending. Some trackers drop a batch that is refused (real-clients.md §5).
 * A body larger than the whole budget (js-tracker sends all it kept offline in one request, up to the body limit)
 * gets in whenever no other large body is in flight, however many regular batches are.
 */
export class InflightBudget {
  /** The largest body that counts as a regular batch: far above one, far below a backlog. */
  static readonly SMALL_BODY_BYTES = 64 * 1024;

  private small = 0;
  private large = 0;
  /** Requests waiting for room, first come first served (admitWhenRoom). */
  private readonly waiting: Waiter[] = [];

  constructor(
    private readonly limitBytes: number,
    private readonly reserveBytes = Math.floor(limitBytes / 2),
  ) {}

  get usedBytes(): number {
    return this.small + this.large;
  }

  /** Requests waiting for room (admitWhenRoom). */
  get waitingRequests(): number {
    return this.waiting.length;
  }

  /** Takes `bytes` if they fit (see the class comment). */
  tryAcquire(bytes: number): boolean {
    const used = this.small + this.large;
    if (bytes <= InflightBudget.SMALL_BODY_BYTES) {
      if (used > 0 && used + bytes > this.limitBytes + this.reserveBytes) return false;
      this.small += bytes;
      return true;
    }
    const fits = used + bytes <= this.limitBytes;
    const aloneOversized = bytes > this.limitBytes && this.large === 0;
    if (!fits && !aloneOversized) return false;
    this.large += bytes;
    return true;
  }

  /** Gives back what tryAcquire took for a body of `bytes`, and lets in the requests waiting that now fit. */
  release(bytes: number): void {
    if (bytes <= InflightBudget.SMALL_BODY_BYTES) this.small = Math.max(0, this.small - bytes);
    else this.large = Math.max(0, this.large - bytes);
    this.admitWaiting();
  }

  /**
   * Admits a request by its declared length, or undefined: over the budget. A body of unknown length (chunked, no
   * Content-Length) is admitted as a regular batch and must grow into as much as `maxBytes` once it outgrows one
   * (BudgetHold.grow): counted as 0, any number of them could have held the memory the budget is there to keep.
   */
  admit(declared: number | undefined, maxBytes: number): BudgetHold | undefined {
    const bytes = declared ?? InflightBudget.SMALL_BODY_BYTES;
    // A backlog arriving now does not pass the ones already waiting for the room it would take.
    if (bytes > InflightBudget.SMALL_BODY_BYTES && this.waiting.length > 0) return undefined;
    if (!this.tryAcquire(bytes)) return undefined;
    return new BudgetHold(this, bytes, declared === undefined ? maxBytes : undefined);
  }

  /**
   * Admits a request as soon as there is room for it, its body left unread meanwhile (so it holds no memory here):
   * undefined when `limits.waiters` already wait, when `limits.timeoutMs` pass first, or when `gone` aborts (the
   * client went away). For the one request a tracker cannot survive being refused (track-route.ts).
   */
  admitWhenRoom(
    declared: number | undefined,
    maxBytes: number,
    limits: { waiters: number; timeoutMs: number },
    gone: AbortSignal,
  ): Promise<BudgetHold | undefined> {
    const now = this.admit(declared, maxBytes);
    if (now || this.waiting.length >= limits.waiters || gone.aborted) return Promise.resolve(now);
    return new Promise((resolve) => {
      const waiter: Waiter = {
        bytes: declared ?? InflightBudget.SMALL_BODY_BYTES,
        growTo: declared === undefined ? maxBytes : undefined,
        admitted: (hold) => {
          clearTimeout(timer);
          gone.removeEventListener('abort', leave);
          resolve(hold);
        },
      };
      const leave = () => {
        const at = this.waiting.indexOf(waiter);
        if (at >= 0) this.waiting.splice(at, 1);
        clearTimeout(timer);
        resolve(undefined);
        // The one that left may have been holding the others back.
        this.admitWaiting();
      };
      const timer = setTimeout(leave, limits.timeoutMs);
      gone.addEventListener('abort', leave, { once: true });
      this.waiting.push(waiter);
    });
  }

  /** In order of arrival: the first that does not fit keeps those behind it waiting. */
  private admitWaiting(): void {
    for (let head = this.waiting[0]; head !== undefined && this.tryAcquire(head.bytes); head = this.waiting[0]) {
      this.waiting.shift();
      head.admitted(new BudgetHold(this, head.bytes, head.growTo));
    }
  }
}

interface Waiter {
  bytes: number;
  growTo: number | undefined;
  admitted(hold: BudgetHold): void;
}

/** What one admitted request holds of the budget until its answer. */
export class BudgetHold {
  constructor(
    private readonly budget: InflightBudget,
    private held: number,
    /** For a body of unknown length: what it must hold once it outgrows a regular batch. */
    private readonly growTo: number | undefined,
  ) {}

  /** The body has reached `total` bytes: whether it may go on (false: it is over the budget now, refuse it). */
  grow(total: number): boolean {
    if (this.growTo === undefined || total <= this.held) return true;
    this.budget.release(this.held);
    const admitted = this.budget.tryAcquire(this.growTo);
    this.held = admitted ? this.growTo : 0;
    return admitted;
  }

  release(): void {
    this.budget.release(this.held);
    this.held = 0;
  }
}
