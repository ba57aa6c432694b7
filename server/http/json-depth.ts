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
 * parsing, stopping at the first level too many: brackets inside strings do not count, and UTF-8 continuation
 * bytes never look like ASCII. Invalid JSON is judged the same way (the parser refuses it afterwards anyway).
 */
export function exceedsJsonDepth(bytes: Uint8Array, limit: number): boolean {
  // Cannot hold more than `length` opening brackets.
  if (bytes.length <= limit) return false;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i];
    if (inString) {
      if (byte === BACKSLASH) i++;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) {
      inString = true;
    } else if (byte === OPEN_BRACKET || byte === OPEN_BRACE) {
      depth++;
      if (depth > limit) return true;
    } else if (byte === CLOSE_BRACKET || byte === CLOSE_BRACE) {
      depth--;
    }
  }
  return false;
}
