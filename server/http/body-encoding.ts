import type { IncomingMessage } from 'node:http';
import zlib from 'node:zlib';

/**
 * The decoders for a request's `Content-Encoding`. The original collector's body parser (Express's json(), whose
 * `inflate` is on by default) took gzip and deflate bodies, so a game or proxy that compresses its batches worked
 * against it; Aula read the compressed bytes as JSON and answered 400 M-JSON, which a tracker re-sends forever.
 * Brotli too, as Express's parser takes it today.
 */
const DECODERS: ReadonlyMap<string, () => zlib.Gunzip | zlib.Inflate | zlib.BrotliDecompress> = new Map([
  ['gzip', () => zlib.createGunzip()],
  ['x-gzip', () => zlib.createGunzip()],
  ['deflate', () => zlib.createInflate()],
  ['br', () => zlib.createBrotliDecompress()],
]);

/** The body's encoding in lower case, or undefined when it is sent as is (no header, empty, `identity`). */
export function bodyEncoding(req: IncomingMessage): string | undefined {
  const header = req.headers['content-encoding'];
  if (header === undefined) return undefined;
  const encoding = header.trim().toLowerCase();
  return encoding === '' || encoding === 'identity' ? undefined : encoding;
}

/** A decoder for `encoding`, or undefined for one Aula cannot read (another, or several stacked: `gzip, br`). */
export function decoderFor(encoding: string): zlib.Gunzip | zlib.Inflate | zlib.BrotliDecompress | undefined {
  return DECODERS.get(encoding)?.();
}

export const SUPPORTED_ENCODINGS = 'gzip, deflate or br';
