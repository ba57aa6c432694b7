import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import type { Collector } from '../../server/index.js';
import { makeActivity } from '../support/fixtures.js';
import { adminApi } from '../support/http.js';
import { startOk, statementS, track } from '../support/rage.js';
import { chromiumMissing, dashboardForSuite } from './browser-support.js';

// Whoever must account for the erasures made on the classroom laptop (a school's data protection officer) reads the
// erasure log in Settings: when, by whom, where and what went, never whose data it was.

describe('Settings: the erasure log', { skip: chromiumMissing }, () => {
  let collector: Collector;
  let page: Page;

  dashboardForSuite((opened) => ({ collector, page } = opened));

  test('lists each erasure with where and how many, in English and in Spanish, and never the player', async () => {
    await page.goto(`${collector.url}/settings`);
    const card = page.getByTestId('erasure-log');
    await card.getByText('No erasure was made here.').waitFor();

    const fractions = makeActivity(collector.context.db, { name: 'Fractions' });
    const ana = await startOk(collector.url, fractions.trackingCode);
    const ben = await startOk(collector.url, fractions.trackingCode);
    assert.equal((await track(collector.url, ana.authToken, [statementS(ana.actor), { ...statementS(ana.actor), id: undefined }])).status, 200);
    assert.equal((await track(collector.url, ben.authToken, [statementS(ben.actor)])).status, 200);
    const erase = (body: Record<string, unknown>) => adminApi(collector.url, '/erasures', { ...body, confirm: true });
    assert.equal((await erase({ player: ana.playerId, activity: fractions.trackingCode })).status, 200);
    assert.equal((await erase({ player: ben.playerId })).status, 200);

    await page.reload();
    const entries = card.getByRole('list', { name: 'Erasures' }).getByRole('listitem');
    await entries.first().waitFor();
    assert.deepEqual(
      (await entries.allTextContents()).map((text) => text.replace(/^.*? — /, '')),
      [
        'dashboard: an anonymous player, everywhere: 1 statement, 1 session, 0 results, 0 alerts, the player record',
        `dashboard: an anonymous player in Fractions (code ${fractions.trackingCode}): 2 statements, 1 session, 0 results, 0 alerts, the player record`,
      ],
    );
    const text = (await card.textContent()) ?? '';
    for (const player of [ana, ben]) assert.equal(text.includes(player.playerId) || text.includes(player.playerAnimalName), false, 'never who');

    await page.evaluate(() => window.localStorage.setItem('aula.language', 'es'));
    await page.reload();
    await card.getByRole('heading', { name: 'Registro de borrados' }).waitFor();
    assert.match(
      (await card.getByRole('listitem').first().textContent()) ?? '',
      / — dashboard: un jugador anónimo, en todas partes: 1 traza, 1 sesión, 0 resultados, 0 alertas, la ficha del jugador$/,
    );
    await page.evaluate(() => window.localStorage.removeItem('aula.language'));
  });
});
