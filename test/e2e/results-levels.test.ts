import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import type { Collector } from '../../server/index.js';
import { makeActivity } from '../support/fixtures.js';
import { startOk, track } from '../support/rage.js';
import { chromiumMissing, dashboardForSuite } from './browser-support.js';

const TYPES = 'https://w3id.org/xapi/seriousgames/activity-types/';
const COMPLETED = 'http://adlnet.gov/expapi/verbs/completed';
const LEVELS = Array.from({ length: 12 }, (_, i) => `level${i + 1}`);

// A game of a dozen levels: the teacher reads which level the class is stuck on from the Results chart.
describe('Results names every level of a dozen-level game', { skip: chromiumMissing }, () => {
  let collector: Collector;
  let page: Page;

  dashboardForSuite((opened) => ({ collector, page } = opened));

  test('whole under its bars, and as text', { timeout: 60_000 }, async () => {
    const activity = makeActivity(collector.context.db, { name: 'Fractions' });
    const start = await startOk(collector.url, activity.trackingCode);
    const completed = (object: string, scaled: number) => ({
      actor: start.actor,
      verb: { id: COMPLETED },
      object: { id: `${start.objectId}/${object}`, definition: { type: `${TYPES}level` } },
      result: { success: scaled >= 0.5, score: { raw: scaled * 10, scaled } },
      timestamp: new Date().toISOString(),
    });
    // Questions too: their answer charts share the row the levels chart stood in, a third of it each.
    const selected = (question: string) => ({
      actor: start.actor,
      verb: { id: 'https://w3id.org/xapi/adb/verbs/selected' },
      object: { id: `${start.objectId}/question/${question}`, definition: { type: `${TYPES}question` } },
      result: { success: true, response: 'a half' },
      timestamp: new Date().toISOString(),
    });
    const answer = await track(collector.url, start.authToken, [...LEVELS.map((level) => completed(`level/${level}`, 0.5)), selected('q1'), selected('q2')]);
    assert.equal(answer.status, 200, answer.text);

    await page.goto(`${collector.url}/results`);
    const levels = page.locator('.chart-grid .card', { hasText: 'Levels and quizzes' });
    await levels.locator('.recharts-bar-rectangle').first().waitFor();
    const labels = await levels.locator('.recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value').allTextContents();
    assert.deepEqual(labels, LEVELS, 'no level name is cut to "le…"');
    await levels.getByText('level12: 1 completed · average score 0.5').waitFor();
  });
});
