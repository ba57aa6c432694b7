import assert from 'node:assert/strict';
import { test } from 'node:test';
import { spreadsheetRowsWarning as dashboardWarning } from '../../renderer/src/format/spreadsheet-rows.js';
import { spreadsheetRowsWarning } from '../../server/export/spreadsheet-rows.js';

test("a CSV that fills Excel's 1,048,576 rows with its header is quiet; one statement more is warned of, in the CLI and the dashboard", () => {
  for (const format of ['csv', 'traces-csv'] as const) {
    assert.equal(spreadsheetRowsWarning(format, 1_048_575), null);
    assert.match(spreadsheetRowsWarning(format, 1_048_576) ?? '', /^Warning: this CSV has 1,048,576 rows besides its header/);
    assert.equal(dashboardWarning(format, 1_048_575), null);
    assert.match(dashboardWarning(format, 1_048_576) ?? '', /^Too many rows for a spreadsheet/);
  }
  for (const format of ['ndjson', 'json', 'zip'] as const) {
    assert.equal(spreadsheetRowsWarning(format, 5_000_000), null, `${format} has no row limit`);
    assert.equal(dashboardWarning(format, 5_000_000), null);
  }
  assert.equal(dashboardWarning('csv', null), null, 'nothing while counting');
});
