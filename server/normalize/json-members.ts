/**
 * Splits the text of a JSON object into its top-level members without parsing their values, so that a member
 * whose text was seen before (the same verb, object, actor… repeated across thousands of statements) can reuse
 * what was computed for it. Deliberately strict: anything unusual (not an object, escaped or repeated keys,
 * nesting deeper than six levels, odd separators) answers null and the caller takes the JSON.parse path.
 * Values are only delimited here, one regular expression match per member (far cheaper than a character loop in
 * JavaScript); whoever uses a value's text parses it with JSON.parse, which is what checks it.
 */
export interface JsonMember {
  key: string;
  /** The value's text. */
  value: string;
}

const SPACE = '[ \\t\\n\\r]*';
const STRING = '"(?:[^"\\\\]|\\\\.)*"';
// Every alternative starts with a different character, so a failing match backtracks linearly, never exponentially.
let nested = `(?:[^"{}\\[\\]]|${STRING})*`;
for (let depth = 0; depth < 5; depth++) nested = `(?:[^"{}\\[\\]]|${STRING}|[\\[{]${nested}[\\]}])*`;
const VALUE = `${STRING}|[\\[{]${nested}[\\]}]|[^,}\\s"{}\\[\\]:]+`;
// A member: its key (no escapes, no control characters), its value, and what follows it (`,` or the closing `}`).
const MEMBER = new RegExp(`${SPACE}"([^"\\\\\\x00-\\x1f]*)"${SPACE}:${SPACE}(${VALUE})${SPACE}([,}])`, 'y');
const OPENING = new RegExp(`^${SPACE}\\{`, 'y');
const EMPTY = new RegExp(`${SPACE}\\}`, 'y');
const TRAILING = new RegExp(`${SPACE}$`, 'y');

/** The members of a top-level JSON object, in order, or null when the text is not a plain object this can split. */
export function topLevelMembers(text: string): JsonMember[] | null {
  OPENING.lastIndex = 0;
  if (!OPENING.test(text)) return null;
  let at = OPENING.lastIndex;
  const members: JsonMember[] = [];
  EMPTY.lastIndex = at;
  if (EMPTY.test(text)) at = EMPTY.lastIndex;
  else {
    MEMBER.lastIndex = at;
    for (;;) {
      const match = MEMBER.exec(text);
      if (match === null) return null;
      const key = match[1] as string;
      for (const member of members) if (member.key === key) return null;
      members.push({ key, value: match[2] as string });
      if (match[3] === '}') break;
    }
    at = MEMBER.lastIndex;
  }
  TRAILING.lastIndex = at;
  return TRAILING.test(text) ? members : null;
}
