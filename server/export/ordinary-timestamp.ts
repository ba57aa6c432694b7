const ZERO = 0x30;
const NINE = 0x39;

function digits(text: string, at: number, count: number): number {
  let value = 0;
  for (let i = at; i < at + count; i++) {
    const c = text.charCodeAt(i);
    if (c < ZERO || c > NINE) return -1;
    value = value * 10 + (c - ZERO);
  }
  return value;
}

/**
 * True for the everyday UTC form `YYYY-MM-DDTHH:MM:SS[.fraction]Z` with day ≤ 28 and no leap second: a timestamp
 * that normalisation (canonicalTimestamp) certainly keeps as it is, checked with a few
 * character comparisons instead of two regular expressions and a Date.parse. False only means "ask them".
 */
export function isOrdinaryTimestamp(text: string): boolean {
  const length = text.length;
  if (length < 20 || length > 30 || text.charCodeAt(length - 1) !== 0x5a /* Z */) return false;
  if (text.charCodeAt(4) !== 0x2d || text.charCodeAt(7) !== 0x2d || text.charCodeAt(10) !== 0x54) return false;
  if (text.charCodeAt(13) !== 0x3a || text.charCodeAt(16) !== 0x3a) return false;
  if (digits(text, 0, 4) < 0) return false;
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  const hour = digits(text, 11, 2);
  const minute = digits(text, 14, 2);
  const second = digits(text, 17, 2);
  if (month < 1 || month > 12 || day < 1 || day > 28 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
    return false;
  }
  if (length === 20) return true;
  // A fraction of 1 to 9 digits (canonicalTimestamp's limit) between the seconds and the Z.
  return text.charCodeAt(19) === 0x2e && length >= 22 && length <= 30 && digits(text, 20, length - 21) >= 0;
}
