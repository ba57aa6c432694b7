/**
 * Format checks of xAPI's special data types (xapi.md §5.2). Pure functions; the empty string never passes.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

// Absolute IRI: a scheme, then no whitespace, controls or the characters RFC 3987 never allows unescaped.
const IRI = /^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>"{}|\\^`\p{Cc}]+$/u;
const BAD_PERCENT = /%(?![0-9a-f]{2})/i;

export function isIri(value: string): boolean {
  return IRI.test(value) && !BAD_PERCENT.test(value);
}

const MAILTO = /^mailto:[^\s@<>]+@[^\s@<>]+$/;

export function isMailto(value: string): boolean {
  return MAILTO.test(value);
}

export function isSha1Hex(value: string): boolean {
  return /^[0-9a-f]{40}$/i.test(value);
}

/** SHA-224/256/384/512 as hexadecimal. */
export function isSha2Hex(value: string): boolean {
  return /^(?:[0-9a-f]{56}|[0-9a-f]{64}|[0-9a-f]{96}|[0-9a-f]{128})$/i.test(value);
}

// RFC 5646 `Language-Tag` ABNF, written out as one case-insensitive expression.
const LANGTAG = new RegExp(
  [
    '^(?:',
    '(?:[a-z]{2,3}(?:-[a-z]{3}){0,3}|[a-z]{4}|[a-z]{5,8})', // language [-extlang]
    '(?:-[a-z]{4})?', // script
    '(?:-(?:[a-z]{2}|[0-9]{3}))?', // region
    '(?:-(?:[a-z0-9]{5,8}|[0-9][a-z0-9]{3}))*', // variants
    '(?:-[0-9a-wyz](?:-[a-z0-9]{2,8})+)*', // extensions
    '(?:-x(?:-[a-z0-9]{1,8})+)?', // private use
    '|x(?:-[a-z0-9]{1,8})+',
    '|en-gb-oed|i-(?:ami|bnn|default|enochian|hak|klingon|lux|mingo|navajo|pwn|tao|tay|tsu)|sgn-(?:be-fr|be-nl|ch-de)',
    ')$',
  ].join(''),
  'i',
);

export function isLanguageTag(value: string): boolean {
  return LANGTAG.test(value);
}

const TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?([Zz]|[+-](\d{2})(?::?(\d{2}))?)$/;

/**
 * ISO 8601 combined date and time with a time-zone designator (RFC 3339 forms included). The "unknown local
 * offset" `-00`, `-0000`, `-00:00` is refused (the 2.0 suite tests it).
 */
export function isTimestamp(value: string): boolean {
  const match = TIMESTAMP.exec(value);
  if (!match) return false;
  const [, year, month, day, hour, minute, second, zone, zoneHour, zoneMinute] = match;
  const y = Number(year);
  const m = Number(month);
  const d = Number(day);
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return false;
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second ?? 0) > 60) return false;
  if (zone && zone !== 'Z' && zone !== 'z') {
    if (Number(zoneHour) > 23 || Number(zoneMinute ?? 0) > 59) return false;
    if (zone.startsWith('-') && Number(zoneHour) === 0 && Number(zoneMinute ?? 0) === 0) return false;
  }
  return true;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

// ISO 8601:2004 4.4.3.2: PnYnMnDTnHnMnS (the lowest given component may have a fraction) or PnW alone.
const DURATION =
  /^P(?:\d+(?:[.,]\d+)?W|(?:\d+Y)?(?:\d+M)?(?:\d+D)?(?:T(?:\d+H)?(?:\d+M)?(?:\d+(?:[.,]\d+)?S)?)?)$/;

export function isDuration(value: string): boolean {
  return DURATION.test(value) && value !== 'P' && !value.endsWith('T');
}

/** RFC 2045 `type/subtype` with optional parameters. */
export function isMediaType(value: string): boolean {
  return /^[A-Za-z0-9!#$&^_.+-]+\/[A-Za-z0-9!#$&^_.+-]+(?:\s*;.*)?$/s.test(value);
}
