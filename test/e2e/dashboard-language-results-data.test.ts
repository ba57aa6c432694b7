import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { BrowserContext } from 'playwright-core';
import type { Activity } from '../../server/store/activities-repo.js';
import { adminPost, classWith, loggedInHeaders } from '../support/class-logins.js';
import { makeActivity } from '../support/fixtures.js';
import { type StartAnswer, startOk, track } from '../support/rage.js';
import { startScriptedLrs } from '../support/scripted-lrs.js';
import { tempDir } from '../support/temp-dir.js';
import { type CollectorDashboard, chromiumMissing, collectorDashboard } from './browser-support.js';

const LEVEL = 'https://w3id.org/xapi/seriousgames/activity-types/level';

// Class 3B on a Spanish laptop: ana logged in and completed a level (9 of 10), ben and carla have not started; a
// second activity nobody has played; the first was closed at the end of the morning and opened again.
describe('Results and Data in Spanish on a Spanish browser', { skip: chromiumMissing }, () => {
  let dashboard: CollectorDashboard;
  let fractions: Activity;
  let decimals: Activity;
  let ana: StartAnswer;
  let context: BrowserContext;

  before(async () => {
    dashboard = await collectorDashboard();
    const { collector, browser } = dashboard;
    const classId = await classWith(collector.url, '3B', ['ana', 'ben', 'carla']);
    fractions = makeActivity(collector.context.db, { name: 'Fracciones 3B', classId });
    decimals = makeActivity(collector.context.db, { name: 'Decimales 3B', classId });
    ana = await startOk(collector.url, fractions.trackingCode, { headers: await loggedInHeaders(collector.url, 'ana') });
    const played = await track(collector.url, ana.authToken, [
      {
        actor: ana.actor,
        verb: { id: 'http://adlnet.gov/expapi/verbs/completed' },
        object: { id: `${ana.objectId}/level/intro`, definition: { type: LEVEL } },
        result: { score: { raw: 9, max: 10 } },
        timestamp: new Date().toISOString(),
      },
    ]);
    assert.equal(played.status, 200, played.text);
    await adminPost(collector.url, `/activities/${fractions.id}/close`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await adminPost(collector.url, `/activities/${fractions.id}/open`);
    context = await browser.newContext({ locale: 'es-ES', acceptDownloads: true, viewport: { width: 1280, height: 900 } });
    context.setDefaultTimeout(15_000);
  });

  after(async () => {
    await context?.close();
    await dashboard?.close();
  });

  test("Results: headings, figures, not started students and an empty state in Spanish; a score's decimal comma", { timeout: 60_000 }, async () => {
    const { collector } = dashboard;
    const page = await context.newPage();
    await page.goto(`${collector.url}/results`);
    await page.getByRole('heading', { name: 'Resultados', exact: true }).waitFor();
    await page.locator('#results-activity').selectOption(fractions.id);
    await page.getByRole('link', { name: 'Descargar CSV' }).waitFor();
    // Opened again today after a close: this lesson first (ana played before), as Live; every lesson on request.
    const show = page.getByLabel('Mostrar');
    await page.getByText('Nadie ha jugado aún en esta lección').waitFor();
    assert.match((await show.locator('option:checked').textContent()) ?? '', /^esta lección, desde .+$/);
    await page.getByText(/^Sin empezar desde .+: 3 alumnos de 3B\.$/).waitFor();
    await show.selectOption({ label: 'todas las lecciones' });
    assert.equal(await page.title(), 'Resultados — Aula');
    for (const header of ['Jugador', 'Sesiones', 'Tiempo jugado', 'Progreso', 'Mejor puntuación', 'Última puntuación']) {
      await page.getByRole('columnheader', { name: header, exact: true }).waitFor();
    }
    await page.getByText('Sin empezar: 2 alumnos de 3B, al final de la lista.').waitFor();
    const rows = page.locator('.results-table tbody tr');
    await rows.filter({ hasText: 'ben' }).getByText('sin empezar', { exact: true }).waitFor();
    assert.match((await page.locator('.activity-facts').first().textContent()) ?? '', /^Han terminado el juego: \d+ % de 1 jugador\.$/);
    await page.getByRole('heading', { name: 'Niveles y cuestionarios' }).waitFor();
    assert.equal(await page.locator('.levels-figures').textContent(), 'intro: 1 lo ha completado · puntuación media 0,9');
    // The chart's score axis too, as recharts draws it (it would write 0.25).
    await page.locator('.chart-wide svg text', { hasText: /^0,25$/ }).waitFor();
    assert.equal(await rows.filter({ hasText: 'ana' }).locator('td').nth(7).textContent(), '0,9', 'best score');

    await page.locator('#results-activity').selectOption(decimals.id);
    await page.getByText('Nadie ha jugado aún a esta actividad').waitFor();
    await page.getByText('Sin empezar: 3 alumnos de 3B.').waitFor();
    assert.match(
      (await page.locator('.empty-body').textContent()) ?? '',
      new RegExp(`^Abre el juego en el ordenador de un alumno con el código de seguimiento ${decimals.trackingCode} y la dirección`),
    );
    await page.locator('.empty-body').getByRole('link', { name: 'Conectar' }).waitFor();

    // Erasing a player: the button on the player's page and its confirmation, cancelled.
    const { id } = collector.context.db.prepare('SELECT id FROM players WHERE public_id = ?').get(ana.playerId) as { id: string };
    await page.goto(`${collector.url}/players/${id}`);
    await page.getByRole('button', { name: 'Borrar los datos de este jugador…' }).click();
    const panel = page.getByRole('group', { name: 'Borrar datos' });
    await panel.getByText(/^Borrar los datos de .*ana.*\.$/).waitFor();
    assert.deepEqual(await panel.getByLabel('Dónde borrar').locator('option').allTextContents(), [
      'en todas partes (y el propio jugador)',
      'solo en Fracciones 3B',
    ]);
    await panel.getByRole('button', { name: 'Cancelar' }).click();
    await panel.waitFor({ state: 'detached' });
    await page.close();
  });

  test('Data: export with its lesson cut, an upload that waits for a busy LRS, an import refused; file names as they are, the messages of the server in Spanish', { timeout: 60_000 }, async () => {
    const { collector } = dashboard;
    const stored = (collector.context.db.prepare('SELECT COUNT(*) AS n FROM statements').get() as { n: number }).n;
    let posts = 0;
    const lrs = await startScriptedLrs((request, send) => {
      if (++posts === 1) return send(503, 'busy', { 'Retry-After': '4' });
      send(
        200,
        request.statements().map((statement) => statement.id),
      );
    });
    try {
      const page = await context.newPage();
      await page.goto(`${collector.url}/data`);
      await page.getByRole('heading', { name: 'Datos', exact: true }).waitFor();
      assert.equal(await page.title(), 'Datos — Aula');
      await page.getByTestId('export-count').getByText(`${stored} ${stored === 1 ? 'traza coincide' : 'trazas coinciden'}.`).waitFor();
      assert.ok((await page.getByLabel('Formato').locator('option').allTextContents()).includes('CSV (hoja de cálculo)'));

      await page.getByLabel('Actividad que exportar').selectOption(fractions.trackingCode);
      // Times as Spanish writes them: 24 hours, no "AM".
      await page.getByText(/^Fracciones 3B se cerró \((\d\d:){2}\d\d\) y se volvió a abrir \((\d\d:){2}\d\d\):/).waitFor();
      await page.getByRole('button', { name: 'Antes de que se volviera a abrir' }).waitFor();
      await page.getByRole('button', { name: 'Desde que se volvió a abrir' }).waitFor();
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exportar', exact: true }).click()]);
      assert.match(download.suggestedFilename(), new RegExp(`^aula-\\d{4}-\\d{2}-\\d{2}-${fractions.trackingCode}\\.ndjson$`), 'the file name is not translated');
      await page.getByTestId('export-progress').getByText(/^Exportadas \d+ de \d+\.$/).waitFor();
      await page.getByRole('progressbar', { name: 'Progreso de la exportación' }).waitFor();

      await page.getByLabel('Endpoint xAPI').fill(lrs.endpoint);
      await page.getByLabel('Clave', { exact: true }).fill('key');
      await page.getByLabel('Secreto').fill('secret');
      await page.getByRole('button', { name: 'Subir', exact: true }).click();
      // The problem is the server's words, in the dashboard's language since it asks for it (Accept-Language).
      await page
        .getByTestId('upload-retry')
        .getByText(/^El LRS respondió 503; se vuelve a intentar dentro de [1-4] s, a las (\d\d:){2}\d\d \(intento 2 de 7\)\. No se pierde nada/)
        .waitFor();
      const summary = page.getByTestId('upload-summary');
      await summary.getByText(`Enviadas ${stored}, ya estaban 0, conflictos 0, rechazadas 0.`).waitFor();
      await summary.getByText('Se volvió a preguntar al LRS una vez porque estaba ocupado o no se podía contactar.').waitFor();
      await page.getByRole('columnheader', { name: 'Aún sin encolar' }).waitFor();

      const notBundle = path.join(tempDir(), 'notas.zip');
      fs.writeFileSync(notBundle, 'mis notas');
      await page.getByLabel('Paquete (.zip)').setInputFiles(notBundle);
      await page.getByRole('button', { name: 'Importar', exact: true }).click();
      await page.getByRole('alert').getByText(/^No se ha importado: Este archivo no es un paquete zip/).waitFor();
      await page.close();
    } finally {
      await lrs.close();
    }
  });
});
