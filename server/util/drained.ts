import type { Writable } from 'node:stream';

/**
 * Resolves when the destination has room again ('drain'); rejects when it closes or fails first: the reader went away
 * (a browser closed the download, a pipe closed), so the writer stops instead of waiting for ever.
 */
export function drained(output: Writable, closedMessage: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const settle = (error?: Error) => {
      output.off('drain', onDrain);
      output.off('close', onClose);
      output.off('error', onError);
      if (error) reject(error);
      else resolve();
    };
    const onDrain = () => settle();
    const onClose = () => settle(new Error(closedMessage));
    const onError = (error: Error) => settle(error);
    output.on('drain', onDrain);
    output.on('close', onClose);
    output.on('error', onError);
  });
}

/** Writes one piece of an answer and resolves once the destination has taken it: a slow reader holds one piece. */
export function writeDrained(output: Writable, chunk: string | Buffer, closedMessage: string): Promise<void> {
  if (output.destroyed) return Promise.reject(new Error(closedMessage));
  if (output.write(chunk)) return Promise.resolve();
  return drained(output, closedMessage);
}
