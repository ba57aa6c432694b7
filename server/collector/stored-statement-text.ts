import {
  closingQuote,
  DIGIT_0,
  DIGIT_9,
  DIGITS_THAT_MAY_OVERFLOW,
  exponentMayOverflow,
  type JsonScan,
  LOWER_E,
  UPPER_E,
} from '../http/json-scan.js';
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

/** Where a statement of the body is, and where the session's extensions go in it. */
export interface StatementLayout {
  /** The statement is text[start, end). */
  start: number;
  end: number;
  /** Index of the brace closing `object.definition`; -1 when the statement is not one the fast path takes. */
  definitionClose: number;
  /** Indexes of the braces of `object.definition.extensions`; -1 when it has none. */
  extensionsOpen: number;
  extensionsClose: number;
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Whether text(open, close) — a key between its quotes — is exactly `name`, or -1 when it holds an escape. */
function keyMatch(text: string, open: number, close: number, name: string): 1 | 0 | -1 {
  for (let i = open + 1; i < close; i++) if (text.charCodeAt(i) === BACKSLASH) return -1;
  return close - open - 1 === name.length && text.startsWith(name, open + 1) ? 1 : 0;
}

/** The members the scan follows, by how deep in the statement they are: object (1), its definition, its extensions. */
const DEFINITION = 2;
const EXTENSIONS = 3;

export interface TrackBodyScan extends JsonScan {
  /** Every statement's layout when the body is a compact array of objects, else null. */
  layouts: StatementLayout[] | null;
}

/**
 * scanJson's pass over a track body (nesting, numbers that may overflow: the same answers for every text), which
 * also lays out its statements: one pass where there were two, each a third of the cost of parsing (issue 8).
 * Layouts are found in a compact top-level array of objects (whitespace between tokens or an element that is not an
 * object: none). Depth 1 is inside the array, 2 a statement's members, 3 its object's, 4 the definition's, 5 inside
 * extensions.
 */
export function scanTrackBody(text: string, depthLimit: number): TrackBodyScan {
  const last = text.length - 1;
  let layouts: StatementLayout[] | null = text.charCodeAt(0) === OPEN_BRACKET && text.charCodeAt(last) === CLOSE_BRACKET ? [] : null;
  let depth = 0;
  let digits = 0;
  let mayOverflow = false;
  let layout: StatementLayout | undefined;
  // Within the current statement: which followed member's value is open, the key just read, and what was seen.
  let open = 0;
  let pending = 0;
  let seen = 0;
  let taken = true;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === QUOTE) {
      const close = closingQuote(text, i);
      // An unterminated string runs to the end: nothing after its opening quote counts.
      if (close < 0) {
        layouts = null;
        break;
      }
      digits = 0;
      if (layouts && depth >= 2 && depth <= 4 && open === depth - 2 && text.charCodeAt(close + 1) === COLON) {
        // A key where the next followed member could be: the statement's (depth 2), its object's, its definition's.
        const name = depth === 2 ? 'object' : depth === 3 ? 'definition' : 'extensions';
        const match = keyMatch(text, i, close, name);
        if (match === -1) taken = false;
        else if (match === 1) {
          if (seen >= depth - 1) taken = false;
          seen = depth - 1;
          pending = depth - 1;
        }
        i = close + 1;
        continue;
      }
      if (pending) taken = false;
      pending = 0;
      i = close;
    } else if (code === OPEN_BRACE || code === OPEN_BRACKET) {
      if (layouts && depth === 1) {
        if (code === OPEN_BRACE) {
          layout = { start: i, end: -1, definitionClose: -1, extensionsOpen: -1, extensionsClose: -1 };
          open = 0;
          pending = 0;
          seen = 0;
          taken = true;
        } else layouts = null;
      } else if (pending) {
        if (code === OPEN_BRACE) {
          open = pending;
          if (open === EXTENSIONS && layout) layout.extensionsOpen = i;
        } else taken = false;
        pending = 0;
      }
      depth++;
      if (depth > depthLimit) return { tooDeep: true, mayOverflow, layouts: null };
    } else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) {
      depth--;
      digits = 0;
      if (layouts && layout) {
        if (open > 0 && depth === open + 1) {
          if (open === DEFINITION) layout.definitionClose = i;
          else if (open === EXTENSIONS) layout.extensionsClose = i;
          open--;
        }
        if (depth === 1) {
          layout.end = i + 1;
          if (!taken) layout.definitionClose = -1;
          layouts.push(layout);
          layout = undefined;
        }
      }
    } else {
      if (code >= DIGIT_0 && code <= DIGIT_9) {
        if (++digits >= DIGITS_THAT_MAY_OVERFLOW) mayOverflow = true;
      } else {
        digits = 0;
        // Outside strings an `e` is in true, false or a number's exponent; only the last has digits after it.
        if ((code === LOWER_E || code === UPPER_E) && exponentMayOverflow(text, i + 1)) mayOverflow = true;
      }
      if (layouts) {
        if (code <= SPACE) layouts = null;
        else if (code !== COMMA && code !== COLON) {
          // A number, true, false or null: a followed member whose value is not an object is not taken.
          if (pending) taken = false;
          pending = 0;
          if (depth <= 1) layouts = null;
        }
      }
    }
  }
  return { tooDeep: false, mayOverflow, layouts: depth === 0 ? layouts : null };
}

/**
 * The stored text of the statement `parsed` (validated, not augmented), laid out in `text` as `layout` says, with the
 * session's extensions added; null when it is not the ordinary case described above.
 */
export function splicedStatementText(text: string, layout: StatementLayout, parsed: Json, session: SessionContext): string | null {
  if (layout.definitionClose < 0) return null;
  const definition = (parsed.object as Json).definition as Json;
  const extensions = definition.extensions;
  const added = sessionExtensionsText(session);
  // Where augmentStatement puts them: after the client's own extensions, or as the last member of definition.
  let at: number;
  let insert: string;
  if (extensions === undefined) {
    if (layout.extensionsOpen >= 0) return null;
    at = layout.definitionClose;
    insert = text.charCodeAt(at - 1) === OPEN_BRACE ? `"extensions":{${added}}` : `,"extensions":{${added}}`;
  } else {
    if (!isObject(extensions) || layout.extensionsOpen < 0) return null;
    for (const key of sessionExtensionKeys) if (Object.hasOwn(extensions, key)) return null;
    at = layout.extensionsClose;
    insert = at === layout.extensionsOpen + 1 ? added : `,${added}`;
  }
  return text.slice(layout.start, at) + insert + text.slice(at, layout.end);
}
