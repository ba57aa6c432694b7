import { t } from '../i18n/setup';

/** Rows in one sheet of Excel and LibreOffice Calc, the header included (server/export/spreadsheet-rows.ts). */
const SPREADSHEET_MAX_ROWS = 1_048_576;

/**
 * The Data screen's word before a CSV export of more statements than a spreadsheet opens (one row each after the
 * header): Excel drops the rest, and an analysis of what is left is silently wrong. Null when it opens whole.
 */
export function spreadsheetRowsWarning(format: string, statements: number | null): string | null {
  if ((format !== 'csv' && format !== 'traces-csv') || statements === null || statements < SPREADSHEET_MAX_ROWS) return null;
  // Words on the screen, not the file's content: the CSV's own header stays as server/export writes it.
  return t('data:export.tooManyRows', { rows: SPREADSHEET_MAX_ROWS, most: SPREADSHEET_MAX_ROWS - 1 });
}
