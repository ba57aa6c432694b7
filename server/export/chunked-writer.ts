import fs from 'node:fs';
import net from 'node:net';
import type { Writable } from 'node:stream';
import { drained } from '../util/drained.js';

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
  /**
   * Whether the destination is done with a chunk once its write callback ran (a file, a socket, standard output),
   * so that the chunk's memory may be reused. Other streams may keep it (a PassThrough hands it on as is).
   */
  private readonly releasesChunks: boolean;

  constructor(
    private readonly output: Writable,
    private readonly chunkSize = 64 * 1024,
    private readonly onChunk?: (chunk: Buffer) => void,
  ) {
    this.releasesChunks = output instanceof fs.WriteStream || output instanceof net.Socket || output === process.stdout;
  }

  async write(text: string): Promise<void> {
    this.parts.push(text);
    this.size += text.length;
    if (this.size >= this.chunkSize) await this.flush();
  }

  /**
   * Writes bytes already encoded after whatever text is waiting. With `release`, the bytes' memory is reused by the
   * caller once `release` is called: after the destination has written them, or at once after a copy when the
   * destination might keep the chunk.
   */
  async writeBytes(bytes: Uint8Array, release?: () => void): Promise<void> {
    await this.flush();
    if (bytes.length === 0) {
      release?.();
      return;
    }
    const reuse = release !== undefined && this.releasesChunks;
    const chunk = release === undefined || reuse ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length) : Buffer.from(bytes);
    if (!reuse) release?.();
    this.written += chunk.length;
    this.onChunk?.(chunk);
    await this.send(chunk, reuse ? release : undefined);
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

  private async send(chunk: Buffer, written?: () => void): Promise<void> {
    // A destination that failed (a full disk, a closed pipe) takes nothing more: stop the export instead of
    // producing every remaining statement for nothing and reporting it exported.
    const failed = this.output.errored;
    if (failed) throw failed;
    const callback = written && ((error?: Error | null) => (error ? undefined : written()));
    if (!this.output.write(chunk, callback) && this.output.writableLength >= MAX_PENDING) await drained(this.output, 'The output was closed before the export finished');
  }
}
