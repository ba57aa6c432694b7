import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { RuleSettings } from '../../renderer/src/screens/alerts/types.js';
import { makeActivity } from '../support/fixtures.js';
import { request } from '../support/http.js';
import { type CollectorDashboard, chromiumMissing, collectorDashboard } from './browser-support.js';

describe("the alert rules' number fields, typed as a teacher types", { skip: chromiumMissing }, () => {
  let dashboard: CollectorDashboard;
  before(async () => {
    dashboard = await collectorDashboard();
  });
  after(() => dashboard?.close());

  test('erasing the 3 of "Idle minutes" and typing 1 gives 1 minute, not 31', async () => {
    const { collector, page } = dashboard;
    const activity = makeActivity(collector.context.db, { name: 'Fractions 3B' });
    await page.goto(`${collector.url}/alerts`);
    await page.getByRole('checkbox', { name: 'Idle' }).check();
    const minutes = page.getByLabel('Idle minutes');
    assert.equal(await minutes.inputValue(), '3');

    await minutes.click();
    await page.keyboard.press('End');
    await page.keyboard.press('Backspace');
    // The emptied field stays empty while the teacher types; it showed the default 3 again at once.
    assert.equal(await minutes.inputValue(), '');
    await page.keyboard.type('1');
    assert.equal(await minutes.inputValue(), '1');

    await page.getByRole('button', { name: 'Save rules' }).click();
    await page.getByText('Rules saved.').waitFor();
    const saved = await request(`${collector.url}/admin/api/activities/${activity.id}/rules`);
    assert.equal((saved.json as { rules: RuleSettings }).rules.idle.minutes, 1);

    // Left empty, the field shows the rule's minutes again once the teacher moves on, as they would be saved.
    await minutes.click();
    await page.keyboard.press('Backspace');
    await page.getByLabel('No progress minutes').click();
    assert.equal(await minutes.inputValue(), '3');
  });
});
