import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import type { Activity } from '../../server/store/activities-repo.js';
import { findAnonymousPlayer } from '../../server/store/players-repo.js';
import { classWith } from '../support/class-logins.js';
import { makeActivity } from '../support/fixtures.js';
import { request } from '../support/http.js';
import { startOk, trackStatements } from '../support/rage.js';
import { type CollectorDashboard, chromiumMissing, collectorDashboard } from './browser-support.js';

// An English browser whose teacher chose Español: the plain download links (Results' CSV, an access file, an export)
// are followed by the browser with its own Accept-Language (en-US), so they carry the dashboard's language as `lang`,
// and a refusal reads in Spanish as the rest of the dashboard does (server/i18n/request-language.ts).
describe("the dashboard's download links carry the teacher's chosen language", { skip: chromiumMissing }, () => {
  let dashboard: CollectorDashboard;
  let page: Page;
  let played: Activity;
  let unplayed: Activity;
  let classId = '';
  let playerId = '';

  before(async () => {
    dashboard = await collectorDashboard({ locale: 'en-US' });
    const { collector } = dashboard;
    const { db } = collector.context;
    classId = await classWith(collector.url, '3B', ['ana']);
    played = makeActivity(db, { name: 'Fracciones 3B', classId });
    unplayed = makeActivity(db, { name: 'Decimales 3B', classId });
    const session = await startOk(collector.url, played.trackingCode);
    await trackStatements(collector.url, session, 2);
    playerId = findAnonymousPlayer(db, session.playerId)?.id ?? '';
    page = dashboard.page;
    // The teacher's choice in the header's Language list, kept for this browser.
    await page.addInitScript(() => window.localStorage.setItem('aula.language', 'es'));
  });
  after(() => dashboard?.close());

  test("Results' CSV, a player's and a student's access file, and an export ask for es", { timeout: 60_000 }, async () => {
    const { collector } = dashboard;
    await page.goto(`${collector.url}/results`);
    await page.locator('#results-activity').selectOption(played.id);
    const csv = page.getByRole('link', { name: 'Descargar CSV' });
    assert.equal(await csv.getAttribute('href'), `/admin/api/activities/${played.id}/results.csv?lang=es`);

    await page.goto(`${collector.url}/players/${playerId}`);
    const access = page.getByRole('link', { name: 'Todo lo que Aula guarda de este jugador (para una solicitud de acceso)' });
    assert.equal(await access.getAttribute('href'), `/admin/api/players/${playerId}/access?lang=es`);

    await page.goto(`${collector.url}/classes?class=${classId}`);
    const student = page.locator('tr[data-username="ana"]').getByRole('link', { name: 'Solicitud de acceso' });
    assert.equal(await student.getAttribute('href'), '/admin/api/students/ana/access?lang=es');

    await page.goto(`${collector.url}/data`);
    await page.getByTestId('export-count').getByText('2 trazas coinciden.').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exportar', exact: true }).click()]);
    assert.equal(new URL(download.url()).searchParams.get('lang'), 'es');
  });

  test("a refused download reads in Spanish from the English browser, and a choice of English follows at once", { timeout: 60_000 }, async () => {
    const { collector } = dashboard;
    await page.goto(`${collector.url}/results`);
    await page.locator('#results-activity').selectOption(unplayed.id);
    const csv = page.getByRole('link', { name: 'Descargar CSV' });
    const href = (await csv.getAttribute('href')) ?? '';
    // Deleted meanwhile (from another tab, say): the browser follows the link as the page shows it.
    assert.equal((await request(`${collector.url}/admin/api/activities/${unplayed.id}`, { method: 'DELETE' })).status, 200);
    const refusal = await page.evaluate(async (url) => {
      const answer = await fetch(url);
      return { status: answer.status, body: (await answer.json()) as { error: { reason: string; message: string } } };
    }, href);
    assert.deepEqual(refusal, { status: 404, body: { error: { reason: 'activity-not-found', message: 'Esa actividad no existe.' } } });

    await page.goto(`${collector.url}/results`);
    await page.locator('#results-activity').selectOption(played.id);
    await page.getByLabel('Idioma').selectOption('en');
    const english = page.getByRole('link', { name: 'Download CSV' });
    assert.equal(await english.getAttribute('href'), `/admin/api/activities/${played.id}/results.csv?lang=en`);
  });
});
