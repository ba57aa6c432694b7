/** Several messages crossing between the threads as one. */
export interface Many<Message> {
  type: 'many';
  messages: Message[];
}

/**
 * Sends every message given in one turn of the event loop as a single postMessage, in order. Under load a turn
 * hands the writer a dozen batches and gets a dozen answers back; one message each way instead of a dozen spares
 * both threads the wake-ups and the per-message work (profiled under 100 games, issue 8).
 */
export class CoalescingSender<Message> {
  private outbox: Message[] = [];

  /**
   * `schedule` decides what "one turn" is. The event loop's side uses setImmediate: requests arrive as separate
   * events. The writer uses queueMicrotask: a group commit settles all its jobs at once, and their answers must
   * leave before the next group starts, not an immediate later (that held every answer back by a whole commit).
   */
  constructor(
    private readonly post: (message: Message | Many<Message>) => void,
    private readonly schedule: (drain: () => void) => void = setImmediate,
  ) {}

  /** `now`: this one (and what waits before it) goes at once, e.g. a large batch the other thread should start on. */
  send(message: Message, now = false): void {
    this.outbox.push(message);
    if (now) this.drain();
    else if (this.outbox.length === 1) this.schedule(() => this.drain());
  }

  private drain(): void {
    const messages = this.outbox;
    this.outbox = [];
    if (messages.length === 1) this.post(messages[0] as Message);
    else if (messages.length > 1) this.post({ type: 'many', messages });
  }
}

/** Each message of what arrived, whether it came alone or with others. */
export function eachMessage<Message extends { type: string }>(arrived: Message | Many<Message>, handle: (message: Message) => void): void {
  if (arrived.type === 'many') for (const message of (arrived as Many<Message>).messages) handle(message);
  else handle(arrived as Message);
}
