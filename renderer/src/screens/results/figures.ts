import { t } from '../../i18n/setup';

/** Time played: "45 s", "12 min". */
export const minutes = (seconds: number): string =>
  seconds < 60 ? t('results:seconds', { count: seconds }) : t('results:minutes', { count: Math.round(seconds / 60) });

/** A rate (0-1) or a percentage as a percentage to one decimal: "66.7 %", "66,7 %" in Spanish. */
export const pct = (value: number | null): string =>
  value === null ? '—' : t('results:percent', { value: Math.round((value <= 1 ? value * 100 : value) * 10) / 10 });

/** A score as the game sent it, to two decimals ("0,72" in Spanish); a raw 1500 is not grouped into "1,500". */
export const score = (value: number | null): string => (value === null ? '—' : t('results:score', { value: Math.round(value * 100) / 100 }));
