import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { createActivity } from '../../server/store/activities-repo.js';
import { startOk, trackStatements } from '../support/rage.js';
import { type CollectorDashboard, chromiumMissing, collectorDashboard } from './browser-support.js';

// A teacher in Spain: Activities and Connect in Spanish, from the empty screens to a class's live counts, closing an
// activity, erasing its data and an xAPI game's key. The English of the same screens is what their own tests assert.
describe('Activities and Connect in Spanish', { skip: chromiumMissing }, () => {
  let dashboard: CollectorDashboard;
  let page: Page;

  before(async () => {
    dashboard = await collectorDashboard();
    const context = await dashboard.browser.newContext({ locale: 'es-ES', viewport: { width: 1280, height: 800 } });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
  });
  after(() => dashboard?.close());

  test('empty, a class playing, closing, erasing and connecting, all read in Spanish', { timeout: 120_000 }, async () => {
    const { collector } = dashboard;
    const { db } = collector.context;

    await page.goto(`${collector.url}/activities`);
    await page.getByRole('heading', { name: 'Actividades', level: 1 }).waitFor();
    assert.equal(await page.title(), 'Actividades — Aula');
    await page.getByRole('heading', { name: 'Aún no hay actividades' }).waitFor();
    await page.goto(`${collector.url}/connect`);
    await page.getByRole('heading', { name: 'Conecta los juegos', level: 1 }).waitFor();
    assert.equal(await page.title(), 'Conectar — Aula');
    await page.getByRole('heading', { name: 'Aún no hay códigos de seguimiento' }).waitFor();
    await page.getByRole('link', { name: 'Crea una actividad' }).click();

    // Made in the form, as a teacher does.
    await page.getByRole('heading', { name: 'Nueva actividad' }).waitFor();
    await page.getByLabel('Nombre').fill('Fracciones 3B');
    await page.getByRole('button', { name: 'Crear actividad' }).click();
    const created = page.getByRole('status').filter({ hasText: '«Fracciones 3B» está abierta. Su código de seguimiento es' });
    await created.getByText('la pantalla Conectar tiene la dirección y un código QR para los juegos.', { exact: false }).waitFor();
    await created.getByRole('link', { name: 'Conectar' }).waitFor();
    const code = ((await created.locator('code').textContent()) ?? '').trim();

    // A class of two anonymous players, 12,345 statements: the counts follow, in Spanish numbers and plurals.
    const first = await startOk(collector.url, code);
    const second = await startOk(collector.url, code);
    await trackStatements(collector.url, first, 6200);
    await trackStatements(collector.url, second, 6145);
    const row = page.locator('.activities-table tbody tr', { hasText: 'Fracciones 3B' });
    await row.locator('.statements-count', { hasText: /^12\.345$/ }).waitFor();
    assert.match((await row.locator('.sessions-count').textContent()) ?? '', /^2\s*2 en directo$/);
    assert.equal(await row.locator('.live-dot').getAttribute('title'), '2 en directo ahora');
    assert.match((await row.locator('.players-count').textContent()) ?? '', /^2\s*2 anónimos · 0 alumnos$/);
    assert.equal(await row.locator('.badge').textContent(), 'abierta');
    await page.getByRole('columnheader', { name: 'Código de seguimiento' }).waitFor();
    await page.getByRole('columnheader', { name: 'Últimos datos' }).waitFor();

    // Closing asks first, in Spanish, and says what happened.
    await row.getByRole('button', { name: 'Cerrar… Fracciones 3B' }).click();
    const question = page.getByRole('alertdialog', { name: 'Cerrar la actividad Fracciones 3B' });
    await question.getByText('Los juegos que ya están jugando siguen, y todo lo que envían se guarda.', { exact: false }).waitFor();
    await question.getByRole('button', { name: 'Sí, cerrar la actividad' }).click();
    await page.getByRole('status').filter({ hasText: `Actividad «Fracciones 3B» cerrada. Se rechazan los juegos nuevos con el código ${code}` }).waitFor();
    assert.equal(await row.locator('.badge').textContent(), 'cerrada');
    await row.getByRole('button', { name: 'Reabrir Fracciones 3B' }).waitFor();

    // One session and one statement: the erasure's preview in the singular.
    const science = createActivity(db, { name: 'Ciencias', game: 'Laboratorio' });
    await trackStatements(collector.url, await startOk(collector.url, science.trackingCode), 1);
    const scienceRow = page.locator('.activities-table tbody tr', { hasText: 'Ciencias' });
    await scienceRow.locator('.statements-count', { hasText: /^1$/ }).waitFor();
    assert.match((await scienceRow.locator('.players-count').textContent()) ?? '', /^1\s*1 anónimo · 0 alumnos$/);
    await page.getByRole('button', { name: 'Cambiar Ciencias' }).click();
    await page.getByRole('form', { name: 'Cambiar Ciencias' }).getByLabel('Permitir jugadores anónimos').waitFor();
    await page.getByRole('button', { name: 'Borrar los datos de esta actividad…' }).click();
    const panel = page.getByRole('group', { name: 'Borrar los datos de esta actividad' });
    await panel
      .getByTestId('erase-preview')
      .getByText(
        'Qué se borra: 1 sesión, 1 traza, 1 jugador (1 sin datos en otra actividad, que también se eliminan), 0 resultados, 0 alertas, 0 muestras de peticiones rechazadas, 0 estados de subida.',
        { exact: false },
      )
      .waitFor();
    await panel.getByLabel(/^Escribe el código de seguimiento/).fill(science.trackingCode);
    await panel.getByRole('button', { name: 'Cancelar' }).click();

    // Connect: ten newer closed activities leave Fracciones 3B a button away; open ones are always drawn.
    for (let i = 1; i <= 10; i++) createActivity(db, { name: `Repaso ${i}`, open: false });
    await page.getByRole('navigation', { name: 'Pantallas' }).getByRole('link', { name: 'Conectar', exact: true }).click();
    await page.getByRole('heading', { name: 'Dirección de este colector' }).waitFor();
    await page.locator('.urls li').first().getByText('solo para un juego en este ordenador').waitFor();
    await page.getByText('Cómo conectar tu juego aquí:').waitFor();
    await page.getByRole('button', { name: 'Mostrar la actividad cerrada más antigua' }).click();
    const card = page.locator('.connect-card', { hasText: 'Fracciones 3B' });
    await card.getByText('cerrada: los juegos no pueden empezar hasta que la abras', { exact: false }).waitFor();
    await card.getByRole('button', { name: new RegExp(`^Copiar código\\s*:\\s*${code}$`) }).waitFor();
    await card.getByRole('img', { name: /^Código QR de Fracciones 3B: http/ }).waitFor();

    await page.getByText('Ajustes de cada tracker').click();
    const { hostname, port } = new URL(collector.url);
    assert.equal(
      await page.locator('.tracker-settings tr', { hasText: 'java-tracker' }).locator('td').textContent(),
      `en un TrackerAssetSettings nuevo: setHost("${hostname}"), setPort(${port}), setSecure(false), setBasePath("/api/"), setTraceFormat(XAPI); después tracker.setSettings(…) antes de start`,
    );
    await page.locator('.tracker-settings th', { hasText: 'Componente tracker de Unity' }).waitFor();

    const scienceCard = page.locator('.connect-card', { hasText: 'Ciencias' });
    await scienceCard.getByText('Para juegos xAPI').click();
    await scienceCard.getByTestId('xapi-key').waitFor();
    await scienceCard.getByText('HTTP Basic: la clave es el usuario y el secreto, la contraseña.', { exact: false }).waitFor();
    await scienceCard.getByRole('button', { name: 'Mostrar el secreto' }).waitFor();
    await scienceCard.getByRole('button', { name: 'Nueva clave y secreto…' }).click();
    await scienceCard.getByRole('alertdialog', { name: 'Nueva clave y secreto xAPI para Ciencias' }).getByRole('button', { name: 'Sí, crear nuevos' }).click();
    await scienceCard.getByRole('status').filter({ hasText: 'Nueva clave y nuevo secreto creados. Dáselos a los juegos xAPI' }).waitFor();
  });
});
