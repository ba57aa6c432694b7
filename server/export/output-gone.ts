import type { Writable } from 'node:stream';

/** What became of an export's destination while the export runs. */
export interface OutputWatch {
  /** Rejects with the reason once the destination failed or closed (never resolves). */
  failed: Promise<never>;
  /** The reason, once it failed or closed. */
  stop(): Error | undefined;
  /** Called once with the reason. */
  onStop(listener: (error: Error) => void): void;
  /** Stops watching (the export is done; the caller ends or closes the destination itself). */
  dispose(): void;
}

/**
 * Watches the destination for failing (a full disk) or closing (a browser that cancelled the download): the pipe
 * from yazl then stops, yazl stops reading its entries, and the export waited for ever holding its read snapshot,
 * which keeps SQLite from checkpointing the WAL while the classroom writes.
 */
export function whenOutputGone(output: Writable): OutputWatch {
  let stopped: Error | undefined;
  const listeners: Array<(error: Error) => void> = [];
  let reject: (error: Error) => void = () => {};
  const failed = new Promise<never>((_resolve, fail) => {
    reject = fail;
  });
  failed.catch(() => {});
  const onError = (error: Error) => {
    if (stopped) return;
    stopped = error;
    for (const listener of listeners) listener(error);
    reject(error);
  };
  const onClose = () => onError(new Error('The output was closed before the export finished'));
  output.on('error', onError);
  output.on('close', onClose);
  return {
    failed,
    stop: () => stopped,
    onStop: (listener) => listeners.push(listener),
    dispose: () => {
      output.off('error', onError);
      output.off('close', onClose);
    },
  };
}
