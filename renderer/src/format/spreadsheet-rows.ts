/** Rows in one sheet of Excel and LibreOffice Calc, the header included (server/export/spreadsheet-rows.ts). */
const SPREADSHEET_MAX_ROWS = 1_048_576;

/**
 * The Data screen's word before a CSV export of more statements than a spreadsheet opens (one row each after the
 * header): Excel drops the rest, and an analysis of what is left is silently wrong. Null when it opens whole.
 */
export function spreadsheetRowsWarning(format: string, statements: number | null): string | null {
  if ((format !== 'csv' && format !== 'traces-csv') || statements === null || statements < SPREADSHEET_MAX_ROWS) return null;
  const most = (SPREADSHEET_MAX_ROWS - 1).toLocaleString('en-US');
  return (
    `Too many rows for a spreadsheet: Excel and LibreOffice Calc open at most ${SPREADSHEET_MAX_ROWS.toLocaleString('en-US')} rows, ` +
    `header included, and drop the rest. For a spreadsheet, export in parts of at most ${most} statements: one activity, or a ` +
    'period (Stored from … until) at a time. For R, Python or pandas the file is whole, or choose NDJSON or JSON.'
  );
}
