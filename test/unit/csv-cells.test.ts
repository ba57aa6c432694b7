import assert from 'node:assert/strict';
import { test } from 'node:test';
import { csvLine } from '../../server/export/csv-cells.js';

test('a cell is quoted where a spreadsheet would split it: at a comma, and at a semicolon (the separator in many locales)', () => {
  assert.equal(csvLine(['x;=1+cmd|calc', 'a,b', 'plain']), '"x;=1+cmd|calc","a,b",plain\r\n');
  assert.equal(csvLine(['=1+1', 7, null, true]), "'=1+1,7,,true\r\n");
});
