/**
 * The bar's fill, 0…1, from the serious-games `progress` extension (a fraction 0…1 by the profile; a game that
 * sends 0…100 is read as a percentage). A completed session with no progress is full; nothing known → null.
 */
export function progressFraction(progress: number | null | undefined, completion?: boolean | null): number | null {
  if (typeof progress === 'number' && Number.isFinite(progress)) {
    const fraction = progress > 1 && progress <= 100 ? progress / 100 : progress;
    return Math.min(1, Math.max(0, fraction));
  }
  return completion ? 1 : null;
}

export function formatPercent(fraction: number): string {
  return `${Math.round(fraction * 100)}%`;
}

/** Scores are shown as sent (raw or scaled): at most two decimals, no trailing zeros. */
export function formatScore(score: number): string {
  return String(Math.round(score * 100) / 100);
}
