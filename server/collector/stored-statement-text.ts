import type { SessionContext } from '../store/sessions-repo.js';
import { sessionExtensionKeys, sessionExtensionsText } from './augment.js';

/**
 * The text a track statement is stored as, cut from the text the game sent rather than written again from the
 * parsed value. Re-serialising every statement (JSON.stringify after augmenting) was the largest cost of the event
 * loop under saturation after parsing itself (issue 8); a compact statement's text only needs the session's
 * extensions (contract C-6.5) spliced into `object.definition.extensions`, at the place and in the order
 * augmentStatement puts them: for a compact body, the stored text is the one JSON.stringify would have written.
 *
 * Only the ordinary case is taken this way: a compact statement (no whitespace between tokens, which keeps an
 * export "as received" one line per statement), its keys written without escapes and none repeated, and no
 * extension of the client's under the session's keys. Anything else answers null and is serialised as before.
 * The scan works on the string, not the bytes: String#indexOf and charCodeAt stay in optimised code, where a
 * Buffer's indexOf is a call into C++ for every string skipped, which cost as much as the serialising it replaced.
 */

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const SPACE = 0x20;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;

/** A part of the text: [start, end). */
export interface TextRange {
  start: number;
  end: number;
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Index of the quote closing the string opened at `open`, or -1: a quote after an odd run of backslashes is escaped. */
function closingQuote(text: string, open: number): number {
  let end = text.indexOf('"', open + 1);
  while (end >= 0) {
    let backslashes = 0;
    while (text.charCodeAt(end - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return end;
    end = text.indexOf('"', end + 1);
  }
  return -1;
}

/**
 * End (exclusive) of the compact value starting at `at`, or -1. Containers are matched bracket for bracket with
 * strings skipped; a scalar runs to the next comma or closing bracket. Whitespace outside strings fails.
 */
function valueEnd(text: string, at: number): number {
  if (text.charCodeAt(at) === QUOTE) {
    const close = closingQuote(text, at);
    return close < 0 ? -1 : close + 1;
  }
  let depth = 0;
  for (let i = at; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === QUOTE) {
      i = closingQuote(text, i);
      if (i < 0) return -1;
    } else if (code === OPEN_BRACE || code === OPEN_BRACKET) {
      depth++;
    } else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) {
      if (depth === 0) return i;
      if (--depth === 0) return i + 1;
    } else if (code === COMMA) {
      if (depth === 0) return i;
    } else if (code <= SPACE) {
      return -1;
    }
  }
  return -1;
}

/**
 * The value of member `name` in the compact object spanning [open, close], undefined when it has none, or null
 * when the object is not what this fast path takes (whitespace, an escaped key, the member twice).
 */
function memberValue(text: string, open: number, close: number, name: string): TextRange | undefined | null {
  let found: TextRange | undefined;
  let at = open + 1;
  if (text.charCodeAt(at) === CLOSE_BRACE) return at === close ? undefined : null;
  for (;;) {
    if (text.charCodeAt(at) !== QUOTE) return null;
    const keyEnd = closingQuote(text, at);
    if (keyEnd < 0 || keyEnd > close || text.charCodeAt(keyEnd + 1) !== COLON) return null;
    const key = text.slice(at + 1, keyEnd);
    if (key.includes('\\')) return null;
    const start = keyEnd + 2;
    const end = valueEnd(text, start);
    if (end < 0 || end > close) return null;
    if (key === name) {
      if (found) return null;
      found = { start, end };
    }
    if (end === close) return found;
    if (text.charCodeAt(end) !== COMMA) return null;
    at = end + 1;
  }
}

/** The range of each element of a compact top-level JSON array, or null when the text is not one. */
export function arrayElementRanges(text: string): TextRange[] | null {
  const last = text.length - 1;
  if (text.charCodeAt(0) !== OPEN_BRACKET || text.charCodeAt(last) !== CLOSE_BRACKET) return null;
  const ranges: TextRange[] = [];
  if (last === 1) return ranges;
  let at = 1;
  for (;;) {
    const end = valueEnd(text, at);
    if (end < 0 || end > last) return null;
    ranges.push({ start: at, end });
    if (end === last) return ranges;
    if (text.charCodeAt(end) !== COMMA) return null;
    at = end + 1;
  }
}

const isObjectText = (text: string, range: TextRange): boolean =>
  text.charCodeAt(range.start) === OPEN_BRACE && text.charCodeAt(range.end - 1) === CLOSE_BRACE;

/**
 * The stored text of the statement `parsed` (validated, not augmented), sent as text[range], with the session's
 * extensions added; null when it is not the ordinary case described above.
 */
export function splicedStatementText(text: string, range: TextRange, parsed: Json, session: SessionContext): string | null {
  const definition = (parsed.object as Json).definition as Json;
  const extensions = definition.extensions;
  if (extensions !== undefined) {
    if (!isObject(extensions)) return null;
    for (const key of sessionExtensionKeys) if (Object.hasOwn(extensions, key)) return null;
  }
  if (!isObjectText(text, range)) return null;
  const objectRange = memberValue(text, range.start, range.end - 1, 'object');
  if (!objectRange || !isObjectText(text, objectRange)) return null;
  const definitionRange = memberValue(text, objectRange.start, objectRange.end - 1, 'definition');
  if (!definitionRange || !isObjectText(text, definitionRange)) return null;
  const extensionsRange = memberValue(text, definitionRange.start, definitionRange.end - 1, 'extensions');
  if (extensionsRange === null) return null;
  const added = sessionExtensionsText(session);
  // Where augmentStatement puts them: after the client's own extensions, or as the last member of definition.
  let at: number;
  let insert: string;
  if (extensions === undefined) {
    if (extensionsRange !== undefined) return null;
    at = definitionRange.end - 1;
    insert = `,"extensions":{${added}}`;
  } else {
    if (extensionsRange === undefined || !isObjectText(text, extensionsRange)) return null;
    at = extensionsRange.end - 1;
    insert = at === extensionsRange.start + 1 ? added : `,${added}`;
  }
  return text.slice(range.start, at) + insert + text.slice(at, range.end);
}
