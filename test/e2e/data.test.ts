import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { exportOptionsSchema } from '../../server/export/export-options.js';
import { exportToFile } from '../../server/export/export-to.js';
import type { Collector } from '../../server/index.js';
import { type Classroom, seedClassroom } from '../api/export-support.js';
import { startTestCollector } from '../support/collector.js';
import { tempDir } from '../support/temp-dir.js';
import { buildDashboard, chromiumMissing, launchChromium } from './browser-support.js';


describe('Data screen: export downloads a file, import shows its report', { skip: chromiumMissing }, () => {
  let collector: Collector;
  let other: Collector;
  let classroom: Classroom;
  let bundle: string;
  let browser: Browser;
  let page: Page;

  before(async () => {
    const dist = buildDashboard();
    collector = await startTestCollector({ config: { dashboardDir: dist } });
    classroom = await seedClassroom(collector);
    // Another laptop's classroom, handed over as a bundle.
    other = await startTestCollector();
    await seedClassroom(other);
    bundle = path.join(tempDir('aula-data-bundle-'), 'other-laptop.zip');
    await exportToFile(other.config.dataDir, other.context.homePage, exportOptionsSchema.parse({ format: 'zip' }), bundle, undefined);
    browser = await launchChromium();
    page = await (await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } })).newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${collector.url}/data`);
    await page.getByRole('heading', { name: 'Data', exact: true }).waitFor();
  });

  after(async () => {
    await browser?.close();
    await collector?.close();
    await other?.close();
  });

  const total = () => classroom.sent.reduce((sum, n) => sum + n, 0);

  test('export: the count follows the filters, the download holds every statement, the bar reaches the end', async () => {
    const count = page.getByTestId('export-count');
    await count.getByText(`${total()} statements match.`).waitFor();
    await page.getByLabel('Activity to export').selectOption(classroom.maths.trackingCode);
    await count.getByText('12 statements match.').waitFor();
    await page.getByLabel('Activity to export').selectOption('');
    await count.getByText(`${total()} statements match.`).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export' }).click()]);
    assert.match(download.suggestedFilename(), /^aula-\d{4}-\d{2}-\d{2}\.ndjson$/);
    const file = await download.path();
    const statements = fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { id: string; actor: { account: { name: string } } });
    const ids = (collector.context.db.prepare('SELECT id FROM statements ORDER BY seq').all() as Array<{ id: string }>).map((row) => row.id);
    assert.deepEqual(
      statements.map((s) => s.id),
      ids,
    );
    assert.ok(statements.every((s) => s.actor.account.name !== 'Anonymous'), 'one account per player');
    await page.getByTestId('export-progress').getByText(`Exported ${total()} of ${total()}.`).waitFor();
    assert.equal(await page.getByRole('progressbar', { name: 'Export progress' }).getAttribute('aria-valuenow'), '100');
  });

  test("a player's page links to the export of that player's statements, the player filled in", async () => {
    const first = classroom.starts[0];
    assert.ok(first);
    const ofPlayer = classroom.starts.reduce((sum, start, index) => sum + (start.playerId === first.playerId ? (classroom.sent[index] ?? 0) : 0), 0);
    const { id } = collector.context.db.prepare('SELECT id FROM players WHERE public_id = ?').get(first.playerId) as { id: string };
    await page.goto(`${collector.url}/players/${id}`);
    await page.getByTestId('player-public-id').getByText(first.playerId, { exact: true }).waitFor();
    await page.getByRole('link', { name: "Export this player's statements…" }).click();
    await page.getByRole('heading', { name: 'Data', exact: true }).waitFor();
    assert.equal(await page.getByLabel('Player id').inputValue(), first.playerId);
    await page.getByTestId('export-count').getByText(`${ofPlayer} statements match.`).waitFor();
    assert.ok(ofPlayer > 0 && ofPlayer < total());
    await page.goto(`${collector.url}/data`);
    await page.getByTestId('export-count').getByText(`${total()} statements match.`).waitFor();
  });

  test('import: the report shows what was added; the same bundle again changes nothing', async () => {
    await page.getByLabel('Bundle (.zip)').setInputFiles(bundle);
    await page.getByRole('button', { name: 'Import' }).click();
    const report = page.getByTestId('import-report');
    await report.getByText('The bundle is merged.').waitFor();
    const statementsRow = report.locator('tr[data-kind="statements"] td');
    assert.deepEqual(await statementsRow.allTextContents(), ['statements', String(total()), '0', '0']);
    assert.deepEqual(await report.locator('tr[data-kind="sessions"] td').allTextContents(), ['sessions', '4', '0', '0']);
    await page.getByRole('button', { name: 'Import' }).click();
    await report.getByText('Nothing changed: everything in this bundle was already here.').waitFor();
    assert.deepEqual(await statementsRow.allTextContents(), ['statements', '0', String(total()), '0']);
    // The merged statements count on this laptop now, in the export's count too.
    await page.reload();
    await page.getByTestId('export-count').getByText(`${2 * total()} statements match.`).waitFor();
  });

  test('a file that is not a bundle is refused with the reason', async () => {
    const notBundle = path.join(tempDir(), 'notes.zip');
    fs.writeFileSync(notBundle, 'these are my notes');
    await page.getByLabel('Bundle (.zip)').setInputFiles(notBundle);
    await page.getByRole('button', { name: 'Import' }).click();
    await page.getByRole('alert').getByText(/Not imported: This file is not a zip bundle/).waitFor();
  });
});
