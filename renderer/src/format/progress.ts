import { currentLanguage } from '../i18n/setup';

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

// Made once per language, as the score's format below.
const percentFormats = new Map<string, Intl.NumberFormat>();

/** A whole percentage as the dashboard's language writes it: "50%", "50 %" in Spanish. */
export function formatPercent(fraction: number): string {
  const language = currentLanguage();
  let format = percentFormats.get(language);
  if (!format) {
    format = new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 });
    percentFormats.set(language, format);
  }
  return format.format(Math.round(fraction * 100) / 100);
}

// Made once per language (see format/time.ts): a Statements page formats a score per statement.
const scoreFormats = new Map<string, Intl.NumberFormat>();

/**
 * Scores are shown as sent (raw or scaled): at most two decimals, no trailing zeros, no thousands separator, with
 * the dashboard's language's decimal mark ("0.9"; "0,9" in Spanish).
 */
export function formatScore(score: number): string {
  const language = currentLanguage();
  let format = scoreFormats.get(language);
  if (!format) {
    format = new Intl.NumberFormat(language, { maximumFractionDigits: 2, useGrouping: false });
    scoreFormats.set(language, format);
  }
  // Rounded as before, so a score reads as it did; `+ 0` turns -0 (a tiny negative score) into "0", not "-0".
  return format.format(Math.round(score * 100) / 100 + 0);
}
