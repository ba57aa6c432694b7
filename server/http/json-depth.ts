/**
 * Nesting limit for request bodies (issue 9). A statement needs about eight levels; what goes much deeper is an
 * attack: JSON.parse copes, but JSON.stringify, canonical JSON and validators recurse and would fail with a stack
 * overflow (a 500) instead of a clear 400.
 */
export const DEFAULT_JSON_DEPTH_LIMIT = 64;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;

/**
 * True when the JSON text nests arrays and objects more than `limit` levels deep. One pass over the bytes, before
 * parsing (V8 takes seconds to parse a few MB of hostile nesting), stopping at the first level too many: brackets
 * inside strings do not count, and UTF-8 continuation bytes never look like ASCII. Invalid JSON is judged the same
 * way (the parser refuses it afterwards anyway). Strings, most of a statement's bytes, are skipped with the native
 * `indexOf` instead of byte by byte: this check ran on every track request and cost as much as a third of parsing.
 */
export function exceedsJsonDepth(bytes: Uint8Array, limit: number): boolean {
  // Cannot hold more than `length` opening brackets.
  if (bytes.length <= limit) return false;
  let depth = 0;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i];
    if (byte === QUOTE) {
      const end = closingQuote(bytes, i);
      // An unterminated string runs to the end: nothing after its opening quote counts.
      if (end < 0) return false;
      i = end;
    } else if (byte === OPEN_BRACKET || byte === OPEN_BRACE) {
      depth++;
      if (depth > limit) return true;
    } else if (byte === CLOSE_BRACKET || byte === CLOSE_BRACE) {
      depth--;
    }
  }
  return false;
}

/** Index of the quote that ends the string opened at `open`, or -1: a quote preceded by an odd run of backslashes is escaped. */
function closingQuote(bytes: Uint8Array, open: number): number {
  let end = bytes.indexOf(QUOTE, open + 1);
  while (end >= 0) {
    let backslashes = 0;
    while (bytes[end - 1 - backslashes] === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return end;
    end = bytes.indexOf(QUOTE, end + 1);
  }
  return -1;
}
