/**
 * One CSV line. Strings that a spreadsheet would run as a formula (leading = + - @, tab or CR) get a leading
 * apostrophe (OWASP's CSV-injection advice, DESIGN.md); numbers are never formulas and stay numbers.
 */
export function csvLine(cells: ReadonlyArray<unknown>): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  let text = typeof value === 'string' ? value : JSON.stringify(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  // `;` too: Excel in locales whose list separator it is (German, French, Spanish…) splits an unquoted cell there,
  // and `x;=HYPERLINK(…)` became a formula in a cell of its own.
  return /[",;\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
