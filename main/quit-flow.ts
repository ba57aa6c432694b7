/**
 * Quit means: stop taking statements, let every acknowledged write finish, close the database, then exit.
 * Electron's `before-quit` cannot wait for a promise, so the first one is cancelled, the collector is stopped,
 * and the app exits itself (app.exit does not emit before-quit again).
 */
export interface QuitFlowOptions {
  stop: () => Promise<void>;
  exit: (code: number) => void;
  onError?: (error: unknown) => void;
}

export function createQuitFlow(options: QuitFlowOptions) {
  let stopping: Promise<void> | undefined;
  return {
    /** For app.on('before-quit'). */
    beforeQuit(event: { preventDefault(): void }): void {
      event.preventDefault();
      stopping ??= options.stop().then(
        () => options.exit(0),
        (error: unknown) => {
          options.onError?.(error);
          options.exit(1);
        },
      );
    },
    get stopping(): Promise<void> | undefined {
      return stopping;
    },
  };
}
