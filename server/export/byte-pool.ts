// An encoded batch is a few hundred KB. Allocated afresh each time, those buffers are freed only when the garbage
// collector gets round to their (often already promoted) owners, and tens of MB of them piled up during a 1M export
// (the peak RSS target is 200 MB). Reused, the export holds only the few that are in flight.
const MIN_BYTES = 256 * 1024;
const utf8 = new TextEncoder();

/** UTF-8 encoding into buffers that come back (`release`) once written, instead of a new buffer per batch. */
export class BytePool {
  private readonly free: ArrayBuffer[] = [];

  constructor(private readonly keep = 16) {}

  encode(text: string): Uint8Array {
    const buffer = this.free.pop();
    if (buffer) {
      const { read, written } = utf8.encodeInto(text, new Uint8Array(buffer));
      if (read === text.length) return new Uint8Array(buffer, 0, written);
      // Too small for this batch (longer or non-ASCII statements): dropped for a bigger one.
    }
    const bigger = new ArrayBuffer(Math.max(MIN_BYTES, Math.ceil(Buffer.byteLength(text, 'utf8') * 1.25)));
    const { written } = utf8.encodeInto(text, new Uint8Array(bigger));
    return new Uint8Array(bigger, 0, written);
  }

  release(buffer: ArrayBuffer): void {
    if (buffer.byteLength > 0 && this.free.length < this.keep) this.free.push(buffer);
  }
}
