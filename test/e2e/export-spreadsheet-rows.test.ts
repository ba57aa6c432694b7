import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { Collector } from '../../server/index.js';
import { seedStore } from '../bench/seed-store.js';
import { startTestCollector } from '../support/collector.js';
import { ROOT } from '../support/serve-process.js';
import { tempDir } from '../support/temp-dir.js';
import { buildDashboard, chromiumMissing, launchChromium } from './browser-support.js';

/** One statement more than Excel's 1,048,576 rows hold beside the CSV's header. */
const STATEMENTS = 1_048_576;

describe('a CSV export of more rows than Excel opens is announced before it is written', { skip: chromiumMissing }, () => {
  let dataDir: string;
  let collector: Collector;
  let browser: Browser;
  let page: Page;

  before(async () => {
    dataDir = tempDir();
    seedStore(dataDir, STATEMENTS, 100);
    collector = await startTestCollector({ dataDir, config: { dashboardDir: buildDashboard() } });
    browser = await launchChromium();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    page.setDefaultTimeout(15_000);
  });

  after(async () => {
    await browser?.close();
    await collector?.close();
  });

  test('the Data screen says so beside the count for CSV, with what to do, and not for NDJSON', async () => {
    await page.goto(`${collector.url}/data`);
    await page.getByTestId('export-count').getByText('1,048,576 statements match.').waitFor();
    assert.equal(await page.getByTestId('export-rows-warning').count(), 0, 'NDJSON opens whole anywhere');
    await page.getByLabel('Format').selectOption('csv');
    await page
      .getByTestId('export-rows-warning')
      .getByText(/^Too many rows for a spreadsheet: Excel and LibreOffice Calc open at most 1,048,576 rows, header included, and drop the rest\. .*at most 1,048,575 statements: one activity, or a period/)
      .waitFor();
    await page.getByLabel('Format').selectOption('traces-csv');
    await page.getByTestId('export-rows-warning').waitFor();
  });

  test('aula export --format csv warns as it starts, so the researcher can stop it and export in parts', async () => {
    const output = path.join(tempDir(), 'all.csv');
    const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'aula.js'), 'export', '--format', 'csv', '--output', output, '--data-dir', dataDir], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    const warned = new Promise<void>((resolve, reject) => {
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk;
        if (stderr.includes('\n') && /Warning: this CSV/.test(stderr)) resolve();
      });
      child.once('exit', () => reject(new Error(`aula export ended without the warning: ${stderr}`)));
    });
    try {
      await warned;
      const line = stderr.split('\n').find((text) => text.startsWith('Warning: this CSV'));
      assert.equal(
        line,
        'Warning: this CSV has 1,048,576 rows besides its header; Excel and LibreOffice Calc open at most 1,048,576 rows and drop the rest. ' +
          'For a spreadsheet, export in parts of at most 1,048,575 statements with --activity, --class, or --since and --until; ' +
          'for R, Python or pandas, this file is whole (or use --format ndjson or json).',
      );
      assert.doesNotMatch(stderr.split('Warning: this CSV')[0] ?? '', /Exported/, 'said before the export ends');
    } finally {
      child.kill('SIGINT');
    }
  });
});
