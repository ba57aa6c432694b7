/** Edits (insert, delete, substitute) between two strings: small codes, so the plain two-row table is enough. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/**
 * The existing code a mistyped one most likely meant: case slips count half an edit, and only near misses are
 * suggested (a third of the code's length at most), so an unrelated code is never offered.
 */
export function closestCode(tried: string, codes: readonly string[]): string | undefined {
  let best: { code: string; score: number } | undefined;
  for (const code of codes) {
    const exact = editDistance(tried, code);
    const folded = editDistance(tried.toLowerCase(), code.toLowerCase());
    // Capitals typed for small letters (or the reverse) are the likeliest slip: all of them together count half.
    const score = folded + (exact > folded ? 0.5 : 0);
    if (!best || score < best.score) best = { code, score };
  }
  if (!best) return undefined;
  return best.score <= Math.max(1, Math.ceil(best.code.length / 3)) ? best.code : undefined;
}
