import { once } from 'node:events';
import type { Writable } from 'node:stream';

/**
 * Collects small strings into ~64 KB chunks and waits for 'drain' when the destination is full: constant memory
 * however many statements pass, and far fewer write calls than one per line.
 */
export class ChunkedWriter {
  private parts: string[] = [];
  private size = 0;
  written = 0;

  constructor(
    private readonly output: Writable,
    private readonly chunkSize = 64 * 1024,
    private readonly onChunk?: (chunk: Buffer) => void,
  ) {}

  async write(text: string): Promise<void> {
    this.parts.push(text);
    this.size += text.length;
    if (this.size >= this.chunkSize) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.parts.length === 0) return;
    const chunk = Buffer.from(this.parts.join(''), 'utf8');
    this.parts = [];
    this.size = 0;
    this.written += chunk.length;
    this.onChunk?.(chunk);
    if (!this.output.write(chunk)) await drained(this.output);
  }
}

async function drained(output: Writable): Promise<void> {
  // 'close' or 'error' instead of 'drain' means the reader went away: stop instead of waiting forever.
  const controller = new AbortController();
  try {
    await Promise.race([
      once(output, 'drain', { signal: controller.signal }),
      once(output, 'close', { signal: controller.signal }).then(() => {
        throw new Error('The output was closed before the export finished');
      }),
    ]);
  } finally {
    controller.abort();
  }
}
