import type { ExportOptions } from './export-options.js';

/** Rows in one sheet of Excel (and of LibreOffice Calc): more are dropped on opening, the header row included. */
export const SPREADSHEET_MAX_ROWS = 1_048_576;

/** Statements a CSV export may hold and still open whole: one row each, after the header. */
export const SPREADSHEET_MAX_STATEMENTS = SPREADSHEET_MAX_ROWS - 1;

/**
 * What a researcher must hear before opening a CSV of more statements than a spreadsheet shows: Excel drops the rows
 * past its last one (after a warning that is easy to click away), and an analysis of what is left is silently wrong.
 * Null when the export opens whole, or is not a CSV. No split of its own: the filters split by what the analysis
 * means (an activity, a class, a period), where a cut every million rows would cut sessions in half.
 */
export function spreadsheetRowsWarning(format: ExportOptions['format'], statements: number): string | null {
  if ((format !== 'csv' && format !== 'traces-csv') || statements <= SPREADSHEET_MAX_STATEMENTS) return null;
  return (
    `Warning: this CSV has ${statements.toLocaleString('en-US')} rows besides its header; Excel and LibreOffice Calc open at most ` +
    `${SPREADSHEET_MAX_ROWS.toLocaleString('en-US')} rows and drop the rest. For a spreadsheet, export in parts of at most ` +
    `${SPREADSHEET_MAX_STATEMENTS.toLocaleString('en-US')} statements with --activity, --class, or --since and --until; ` +
    'for R, Python or pandas, this file is whole (or use --format ndjson or json).'
  );
}
