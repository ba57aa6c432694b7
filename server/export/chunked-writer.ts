import type { Writable } from 'node:stream';

// How much may wait in the destination's own buffer before the export pauses: enough that producing the next
// chunks overlaps with writing the previous ones, little enough that memory stays flat.
const MAX_PENDING = 1024 * 1024;

/**
 * Collects small strings into ~64 KB chunks and waits for 'drain' when the destination holds more than it should:
 * constant memory however many statements pass, and far fewer write calls than one per line.
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

  /** Writes bytes already encoded (by the encoding thread) after whatever text is waiting. */
  async writeBytes(bytes: Uint8Array): Promise<void> {
    await this.flush();
    if (bytes.length === 0) return;
    const chunk = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
    this.written += chunk.length;
    this.onChunk?.(chunk);
    await this.send(chunk);
  }

  async flush(): Promise<void> {
    if (this.parts.length === 0) return;
    const chunk = Buffer.from(this.parts.join(''), 'utf8');
    this.parts = [];
    this.size = 0;
    this.written += chunk.length;
    this.onChunk?.(chunk);
    await this.send(chunk);
  }

  private async send(chunk: Buffer): Promise<void> {
    if (!this.output.write(chunk) && this.output.writableLength >= MAX_PENDING) await drained(this.output);
  }
}

function drained(output: Writable): Promise<void> {
  // 'close' or 'error' instead of 'drain' means the reader went away: stop instead of waiting forever.
  return new Promise((resolve, reject) => {
    const settle = (error?: Error) => {
      output.off('drain', onDrain);
      output.off('close', onClose);
      output.off('error', onError);
      if (error) reject(error);
      else resolve();
    };
    const onDrain = () => settle();
    const onClose = () => settle(new Error('The output was closed before the export finished'));
    const onError = (error: Error) => settle(error);
    output.on('drain', onDrain);
    output.on('close', onClose);
    output.on('error', onError);
  });
}
