/**
 * Quit means: stop taking statements, let every acknowledged write finish, close the database, then exit.
 * Electron's `before-quit` cannot wait for a promise, so the first one is cancelled, the collector is stopped,
 * and the app exits itself (app.exit does not emit before-quit again).
 */
export interface QuitFlowOptions {
  stop: () => Promise<void>;
  exit: (code: number) => void;
  onError?: (error: unknown) => void;
  /** The stop did not finish within timeoutMs: the app exits anyway (code 1); say so in the log. */
  onTimeout?: (timeoutMs: number) => void;
  timeoutMs?: number;
}

/**
 * How long Quit waits for the collector to stop before exiting anyway. A clean stop waits for the commit in progress
 * (a batch is committed in well under a second, even a large offline backlog), then up to 2 s for answers to leave
 * (server/index.ts): 15 s is several times that on a slow laptop. What is left after it is a stop that will never end
 * (an ingest worker that no longer answers), and exiting loses nothing a game was told was kept: a statement is
 * committed before its 200, and an unanswered batch is sent again by its game. Staying would hold the port and the
 * data folder's lock with no window and no tray to say so.
 */
export const QUIT_TIMEOUT_MS = 15_000;

export function createQuitFlow(options: QuitFlowOptions) {
  const timeoutMs = options.timeoutMs ?? QUIT_TIMEOUT_MS;
  let stopping: Promise<void> | undefined;
  let exited = false;
  const exit = (code: number): void => {
    if (exited) return;
    exited = true;
    options.exit(code);
  };
  return {
    /** For app.on('before-quit'). */
    beforeQuit(event: { preventDefault(): void }): void {
      event.preventDefault();
      if (stopping) return;
      const timer = setTimeout(() => {
        options.onTimeout?.(timeoutMs);
        exit(1);
      }, timeoutMs);
      stopping = options.stop().then(
        () => exit(0),
        (error: unknown) => {
          options.onError?.(error);
          exit(1);
        },
      );
      void stopping.finally(() => clearTimeout(timer));
    },
    get stopping(): Promise<void> | undefined {
      return stopping;
    },
  };
}
