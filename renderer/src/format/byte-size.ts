import { currentLanguage } from '../i18n/setup';

// Found once per language: building an Intl.NumberFormat costs far more than using it (see time.ts), and Settings
// sizes every backup on each render.
const decimals = new Map<string, string>();

function decimalSeparator(language: string): string {
  let decimal = decimals.get(language);
  if (decimal === undefined) {
    decimal = new Intl.NumberFormat(language).formatToParts(1.5).find((part) => part.type === 'decimal')?.value ?? '.';
    decimals.set(language, decimal);
  }
  return decimal;
}

/** "12.3" in English, "12,3" in Spanish: the number as the dashboard's language writes it, the unit unchanged. */
function oneDecimal(value: number): string {
  const text = value.toFixed(1);
  const decimal = decimalSeparator(currentLanguage());
  return decimal === '.' ? text : text.replace('.', decimal);
}

/**
 * A file's size as Settings shows it: "408 KB", "12.3 MB", "1.2 GB" (counted in 1024s, as file managers do). The same
 * rule as server/util/byte-size.ts, which `aula backup …` uses (the renderer imports nothing of the server's code):
 * test/api/backup-size-wording.test.ts holds the two to the same answers, so a backup reads the same size in both;
 * in Spanish the dashboard writes the decimal comma ("12,3 MB"), the terminal stays English.
 */
export function formatByteSize(bytes: number): string {
  const kb = 1024;
  if (bytes < kb * kb) return `${Math.max(1, Math.round(bytes / kb))} KB`;
  if (bytes < kb * kb * kb) return `${oneDecimal(bytes / (kb * kb))} MB`;
  return `${oneDecimal(bytes / (kb * kb * kb))} GB`;
}
