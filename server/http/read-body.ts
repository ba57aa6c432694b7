import { isUtf8 } from 'node:buffer';
import type { IncomingMessage } from 'node:http';
import { Messages } from '../collector/messages.js';
import { bodyEncoding, decoderFor } from './body-encoding.js';
import { watchForStall } from './body-stall.js';
import { continueIfAwaited } from './expect-continue.js';
import { holdsNonFiniteNumber } from './json-numbers.js';
import { DEFAULT_JSON_DEPTH_LIMIT, type JsonScan, scanJson } from './json-scan.js';

export class BodyTooLargeError extends Error {
  constructor() {
    super('Request body is too large');
  }
}

export class InvalidJsonError extends Error {
  constructor() {
    super('Request body is not valid JSON');
  }
}

/** A body nested deeper than the configured limit (issue 9); a kind of invalid JSON, with its own message. */
export class BodyTooDeepError extends InvalidJsonError {
  constructor(limit: number) {
    super();
    this.message = Messages.tooDeep(limit);
  }
}

/** A number beyond a double's range (json-numbers.ts): valid JSON, but it could only be stored changed. */
export class NumberOutOfRangeError extends InvalidJsonError {
  constructor() {
    super();
    this.message = Messages.numberOutOfRange;
  }
}

/**
 * A body compressed with an encoding Aula cannot read (contract §11 has no text for it: the original's body parser
 * answered 415). A kind of unreadable body, so that a route that does not know it refuses it as one (400).
 */
export class UnsupportedEncodingError extends InvalidJsonError {
  constructor(encoding: string) {
    super();
    this.message = Messages.unsupportedEncoding(encoding);
  }
}

/** A compressed body that does not decompress (truncated, or not the encoding it names). */
export class UndecodableBodyError extends InvalidJsonError {
  constructor(encoding: string) {
    super();
    this.message = Messages.undecodable(encoding);
  }
}

/** Nothing more of the body arrived for `ms` (body-stall.ts): its client lost the network mid-upload. */
export class BodyStalledError extends Error {
  constructor(readonly ms: number) {
    super(Messages.bodyStalled(Math.round(ms / 1000)));
  }
}

/** A body of unknown length outgrew what the in-flight budget had room for (inflight-budget.ts): 503, retry. */
export class BodyOverBudgetError extends Error {
  constructor() {
    super(Messages.busy);
  }
}

/** The Content-Length a request declares; undefined without one (chunked, or no body). */
export function declaredLength(req: IncomingMessage): number | undefined {
  const header = req.headers['content-length'];
  return header === undefined ? undefined : Number(header) || 0;
}

/** The in-flight budget's hold on a request (inflight-budget.ts's BudgetHold). */
interface BodyBudget {
  grow(total: number): boolean;
}

/**
 * The length a body will have once read with `decode` (readRawBody), for the in-flight budget's admission: a
 * compressed body's is only known once it is decompressed, so it is counted as it grows, as a chunked one is.
 */
export function decodedLength(req: IncomingMessage): number | undefined {
  return bodyEncoding(req) === undefined ? declaredLength(req) : undefined;
}

export interface ReadOptions {
  /**
   * Decompress a body sent with a Content-Encoding (body-encoding.ts), counting the limit and the budget on what it
   * decompresses to; an encoding Aula cannot read is UnsupportedEncodingError, a body that does not decompress
   * UndecodableBodyError. Without it the bytes are read as they came.
   */
  decode?: boolean;
  /** Give up a large body from which nothing arrives for this long (BodyStalledError; body-stall.ts). */
  stallAfterMs?: number;
}

/**
 * Reads the whole body, refusing early (by Content-Length) or as soon as the limit is crossed; with a `budget`, also
 * as soon as a body of unknown length outgrows it (the rest is then read and dropped). See ReadOptions for the rest.
 */
export function readRawBody(req: IncomingMessage, limitBytes: number, budget?: BodyBudget, options: ReadOptions = {}): Promise<Buffer> {
  const { stallAfterMs } = options;
  const encoding = options.decode ? bodyEncoding(req) : undefined;
  if (encoding !== undefined) return readEncodedBody(req, encoding, limitBytes, budget, stallAfterMs);
  const declared = declaredLength(req);
  if (declared !== undefined && declared > limitBytes) {
    req.resume();
    return Promise.reject(new BodyTooLargeError());
  }
  continueIfAwaited(req);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    const fail = (error: Error) => {
      failed = true;
      stall?.stop();
      chunks.length = 0;
      reject(error);
    };
    const stall = watchForStall(declared, stallAfterMs, () => {
      if (!failed) fail(new BodyStalledError(stallAfterMs as number));
    });
    req.on('data', (chunk: Buffer) => {
      if (failed) return;
      stall?.refresh();
      size += chunk.length;
      if (size > limitBytes) return fail(new BodyTooLargeError());
      if (budget && !budget.grow(size)) return fail(new BodyOverBudgetError());
      chunks.push(chunk);
    });
    req.on('end', () => {
      stall?.stop();
      if (!failed) resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, size));
    });
    req.on('error', (error) => {
      stall?.stop();
      if (!failed) {
        failed = true;
        reject(error);
      }
    });
  });
}

/**
 * A compressed body, decompressed as it arrives: the limit and the budget count what it decompresses to, so a small
 * body that inflates to gigabytes is refused as soon as it crosses the limit, and is never held whole.
 */
function readEncodedBody(
  req: IncomingMessage,
  encoding: string,
  limitBytes: number,
  budget: BodyBudget | undefined,
  stallAfterMs: number | undefined,
): Promise<Buffer> {
  const decoder = decoderFor(encoding);
  if (!decoder) {
    req.resume();
    return Promise.reject(new UnsupportedEncodingError(encoding));
  }
  continueIfAwaited(req);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let sent = 0;
    let failed = false;
    const fail = (error: Error) => {
      if (failed) return;
      failed = true;
      stall?.stop();
      chunks.length = 0;
      req.unpipe(decoder);
      decoder.destroy();
      // The rest is read and dropped, so that the answer can be read and the connection carries on.
      req.resume();
      reject(error);
    };
    const stall = watchForStall(undefined, stallAfterMs, () => fail(new BodyStalledError(stallAfterMs as number)));
    decoder.on('data', (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      if (size > limitBytes) return fail(new BodyTooLargeError());
      if (budget && !budget.grow(size)) return fail(new BodyOverBudgetError());
      chunks.push(chunk);
    });
    decoder.on('end', () => {
      stall?.stop();
      if (!failed) resolve(Buffer.concat(chunks, size));
    });
    // No bytes at all is an empty body whatever its labels (contract C-5.2), not a truncated stream.
    decoder.on('error', () => (sent === 0 ? resolve(Buffer.alloc(0)) : fail(new UndecodableBodyError(encoding))));
    req.on('data', (chunk: Buffer) => {
      stall?.refresh();
      sent += chunk.length;
    });
    req.on('error', (error) => fail(error));
    req.pipe(decoder);
  });
}

function mediaType(req: IncomingMessage): string {
  return (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

export function isJsonMediaType(type: string): boolean {
  return type === 'application/json' || (type.startsWith('application/') && type.endsWith('+json'));
}

/** `text`: the body as decoded for parsing, and `scan` what was read of it before (track lays out its statements). */
export type ParsedBody<Scan extends JsonScan = JsonScan> =
  | { kind: 'empty' }
  | { kind: 'json'; value: unknown; text: string; scan: Scan }
  | { kind: 'form'; value: Record<string, string> };

interface BodyOptions<Scan extends JsonScan> {
  lenient: boolean;
  maxDepth?: number;
  /** The pass over the text before parsing: scanJson, or one that answers the same and reads more (track). */
  scan?: (text: string, maxDepth: number) => Scan;
}

/**
 * Body rules of the collector (contract C-5.2, C-6.1): empty is empty whatever the type; JSON types must parse
 * (any top-level value); forms are forms; anything else is tried as JSON, and `lenient` decides whether a failure
 * there is an error (track) or an empty body (start).
 */
export function parseBody<Scan extends JsonScan = JsonScan>(req: IncomingMessage, raw: Buffer, options: BodyOptions<Scan>): ParsedBody<Scan> {
  if (raw.length === 0) return { kind: 'empty' };
  const type = mediaType(req);
  // Only start reads forms (lenient); a track body is a JSON array whatever label a client put on it.
  if (options.lenient && type === 'application/x-www-form-urlencoded') {
    return { kind: 'form', value: Object.fromEntries(new URLSearchParams(raw.toString('utf8'))) };
  }
  try {
    // Numbers only where the body is stored (track); start reads nothing that could be a number.
    const text = jsonText(raw);
    const maxDepth = options.maxDepth ?? DEFAULT_JSON_DEPTH_LIMIT;
    const scan = options.scan ? options.scan(text, maxDepth) : (scanJson(text, maxDepth) as Scan);
    return { kind: 'json', value: parseScanned(text, scan, maxDepth, { numbers: !options.lenient }), text, scan };
  } catch (error) {
    if (isJsonMediaType(type) || !options.lenient) throw error;
    return { kind: 'empty' };
  }
}

/**
 * A JSON body, checked before parsing for nesting deeper than `maxDepth` (BodyTooDeepError) and, with `numbers`,
 * after it for numbers beyond a double's range (NumberOutOfRangeError); InvalidJsonError when it does not parse.
 */
export function parseJson(raw: Buffer, maxDepth: number, options: { numbers: boolean } = { numbers: true }): unknown {
  const text = jsonText(raw);
  return parseScanned(text, scanJson(text, maxDepth), maxDepth, options);
}

/**
 * Windows-1252's bytes 0x80-0x9F, which Latin-1 leaves as control characters (Node's TextDecoder('windows-1252')
 * decodes them as Latin-1 too); the five undefined ones stay as they are, as the WHATWG decoder keeps them.
 */
const WINDOWS_1252_HIGH = '€\x81‚ƒ„…†‡ˆ‰Š‹Œ\x8DŽ\x8F\x90‘’“”•–—˜™š›œ\x9DžŸ';

function fromWindows1252(raw: Buffer): string {
  return raw.toString('latin1').replace(/[\x80-\x9f]/g, (c) => WINDOWS_1252_HIGH[c.charCodeAt(0) - 0x80] as string);
}

/**
 * The body's text. JSON is UTF-8 (RFC 8259 §8.1), but java-tracker writes its body with the platform's default
 * charset (`new OutputStreamWriter(stream)`), which on Windows before Java 18 is Windows-1252: a Spanish game's
 * "árbol" arrives as the byte 0xE1, which read as UTF-8 became "�rbol" for good. A body that is not valid UTF-8 is
 * read as Windows-1252 instead (every byte has a meaning there, and a client writing one legacy charset writes its
 * whole body in it). Checking is about 100 ns for a batch of ten statements.
 */
function jsonText(raw: Buffer): string {
  return withoutByteOrderMark(isUtf8(raw) ? raw.toString('utf8') : fromWindows1252(raw));
}

/**
 * A body written by a .NET StreamWriter (or a text editor) starts with a UTF-8 byte-order mark, which JSON.parse
 * refuses. The original collector's body parser dropped it, and RFC 8259 §8.1 lets a parser ignore it.
 */
function withoutByteOrderMark(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function parseScanned(text: string, scan: JsonScan, maxDepth: number, options: { numbers: boolean }): unknown {
  if (scan.tooDeep) throw new BodyTooDeepError(maxDepth);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new InvalidJsonError();
  }
  if (options.numbers && scan.mayOverflow && holdsNonFiniteNumber(value)) throw new NumberOutOfRangeError();
  return value;
}
