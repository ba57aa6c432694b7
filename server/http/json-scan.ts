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

export const DIGIT_0 = 0x30;
export const DIGIT_9 = 0x39;
export const LOWER_E = 0x65;
export const UPPER_E = 0x45;
const PLUS = 0x2b;

/** A double's largest finite value has 309 digits before the point; 1e308 is its largest power of ten. */
export const DIGITS_THAT_MAY_OVERFLOW = 309;
const EXPONENT_DIGITS_THAT_MAY_OVERFLOW = 3;

export interface JsonScan {
  /** Arrays and objects nest more than the limit. */
  tooDeep: boolean;
  /**
   * A number literal could be beyond a double's range (an exponent of 100 or more, or 309 digits in a row): then
   * the parsed value is checked (json-numbers.ts). Never false for one that is.
   */
  mayOverflow: boolean;
}

/**
 * One pass over a JSON text, before parsing, for what parsing does not catch. Nesting (issue 9): V8 takes seconds
 * to parse a few MB of hostile nesting, and stops at the first level too many; brackets inside strings do not
 * count. Numbers: JSON.parse reads `1e400` as Infinity, which would be stored as null. Invalid JSON is judged the
 * same way (the parser refuses it afterwards anyway). Strings, most of a statement's text, are skipped with
 * `indexOf` instead of character by character: a regular expression over the whole text cost a quarter of parsing.
 * It reads the decoded text, not the bytes: a Buffer's indexOf is a call into C++ for every string skipped, where a
 * string's stays in optimised code (issue 8). Track runs scanTrackBody instead, which answers the same.
 */
export function scanJson(text: string, depthLimit: number): JsonScan {
  let depth = 0;
  let digits = 0;
  let mayOverflow = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === QUOTE) {
      const end = closingQuote(text, i);
      // An unterminated string runs to the end: nothing after its opening quote counts.
      if (end < 0) break;
      i = end;
      digits = 0;
    } else if (code === OPEN_BRACKET || code === OPEN_BRACE) {
      depth++;
      if (depth > depthLimit) return { tooDeep: true, mayOverflow };
    } else if (code === CLOSE_BRACKET || code === CLOSE_BRACE) {
      depth--;
      digits = 0;
    } else if (code >= DIGIT_0 && code <= DIGIT_9) {
      if (++digits >= DIGITS_THAT_MAY_OVERFLOW) mayOverflow = true;
    } else {
      digits = 0;
      // Outside strings an `e` is in true, false or a number's exponent; only the last has digits after it.
      if ((code === LOWER_E || code === UPPER_E) && exponentMayOverflow(text, i + 1)) mayOverflow = true;
    }
  }
  return { tooDeep: false, mayOverflow };
}

/** Whether the exponent starting at `at` (after the e) is positive with enough digits to overflow. */
export function exponentMayOverflow(text: string, at: number): boolean {
  let i = text.charCodeAt(at) === PLUS ? at + 1 : at;
  const first = i;
  while (i < text.length && text.charCodeAt(i) >= DIGIT_0 && text.charCodeAt(i) <= DIGIT_9) i++;
  return i - first >= EXPONENT_DIGITS_THAT_MAY_OVERFLOW;
}

/** Index of the quote that ends the string opened at `open`, or -1: a quote preceded by an odd run of backslashes is escaped. */
export function closingQuote(text: string, open: number): number {
  let end = text.indexOf('"', open + 1);
  while (end >= 0) {
    let backslashes = 0;
    while (text.charCodeAt(end - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return end;
    end = text.indexOf('"', end + 1);
  }
  return -1;
}
