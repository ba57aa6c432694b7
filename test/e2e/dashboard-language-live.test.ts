import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import type { Collector } from '../../server/index.js';
import { adminPost, classWith as classWithStudents, loggedInHeaders } from '../support/class-logins.js';
import { makeActivity } from '../support/fixtures.js';
import { postJson } from '../support/http.js';
import { startOk, track } from '../support/rage.js';
import { type CollectorDashboard, chromiumMissing, collectorDashboard } from './browser-support.js';

const TIME = /^\d{2}:\d{2}:\d{2}$/; // es-ES: "09:41:07" (English reads "09:41:07 AM")

// A teacher in Spain on a Spanish laptop, at the start of a lesson on Live: two classes on one laptop, a wrong password,
// a code typed by mistake, a game whose batches are refused, students going idle. Everything Live says, in Spanish.
describe('Live in Spanish, on a Spanish browser', { skip: chromiumMissing }, () => {
  let collector: Collector;
  let dashboard: CollectorDashboard | undefined;
  let page: Page;
  // The collector's clock, moved forward to make time pass without waiting minutes.
  let shift = 0;

  before(async () => {
    dashboard = await collectorDashboard({ now: () => Date.now() + shift, locale: 'es-ES' });
    ({ collector, page } = dashboard);
  });
  after(async () => {
    await dashboard?.close();
  });

  const loggedInStart = async (code: string, username: string) => startOk(collector.url, code, { headers: await loggedInHeaders(collector.url, username) });
  const row = (name: string) => page.locator('.live-table tbody tr', { hasText: name });

  test('before any activity: the heading, the tab and the empty state', async () => {
    await page.goto(collector.url);
    await page.getByRole('heading', { level: 1, name: 'En directo', exact: true }).waitFor();
    assert.equal(await page.title(), 'En directo — Aula');
    await page.getByRole('heading', { name: 'Todavía no hay ninguna actividad' }).waitFor();
    await page.getByRole('link', { name: 'Actividades → Nueva actividad' }).waitFor();
    await page.getByText('Crea primero una actividad para tu clase:').waitFor();
  });

  test('sessions, Not started yet, the notes beside each name, idle students and what is announced', { timeout: 120_000 }, async () => {
    const classA = await classWithStudents(collector.url, '1A', ['ana', 'ben', 'carla', 'eva']);
    const classB = await classWithStudents(collector.url, '1B', ['dani']);
    const maths = makeActivity(collector.context.db, { name: '1A mates', classId: classA });
    const history = makeActivity(collector.context.db, { name: '1B historia', classId: classB });

    await page.goto(collector.url);
    await page.locator('#activity-picker').selectOption(maths.id);
    await page.getByRole('heading', { name: 'Todavía no se ha conectado ningún juego' }).waitFor();
    assert.equal(await page.locator('.activity-facts').textContent(), `Código ${maths.trackingCode} · abierta`);
    const missing = page.getByRole('region', { name: /^Sin empezar/ });
    await missing.getByRole('heading', { name: 'Sin empezar: 4 de 4 alumnos de 1A' }).waitFor();
    await missing.getByRole('link', { name: 'Diagnóstico' }).waitFor();

    // ana plays; dani of 1B types 1A's code; carla of 1A types 1B's; ben's password is wrong twice; eva has not come.
    const ana = await loggedInStart(maths.trackingCode, 'ana');
    await loggedInStart(maths.trackingCode, 'dani');
    await loggedInStart(history.trackingCode, 'carla');
    for (let attempt = 0; attempt < 2; attempt++) assert.equal((await postJson(`${collector.url}/api/login`, { username: 'ben', password: 'wrong' })).status, 401);

    await missing.getByRole('heading', { name: 'Sin empezar: 3 de 4 alumnos de 1A' }).waitFor();
    const names = missing.locator('.not-started-names');
    await names
      .filter({ hasText: `ben — no pudo iniciar sesión 2 veces, la última ahora mismo, carla — jugando a 1B historia (código ${history.trackingCode}), ahora mismo, eva` })
      .waitFor();
    const strangers = page.getByRole('region', { name: /^Juega aquí sin ser de 1A/ });
    await strangers.getByRole('heading', { name: 'Juega aquí sin ser de 1A: 1 alumno' }).waitFor();
    await strangers.getByText(`dani (clase 1B — su clase juega a 1B historia, código ${history.trackingCode})`).waitFor();

    // The table and its toolbar.
    await row('ana').locator('.last-seen', { hasText: 'ahora mismo' }).waitFor();
    assert.deepEqual(await page.locator('.live-table thead th').allTextContents(), [
      'Jugador',
      'Sesión',
      'Inicio ▼',
      'Última señal',
      'Trazas',
      'Última acción',
      'Progreso',
      'Resultado',
    ]);
    assert.match((await row('ana').locator('td').nth(2).textContent()) ?? '', TIME);
    assert.equal(await row('ana').locator('.last-action').textContent(), 'nada todavía');
    const show = page.getByLabel('Mostrar');
    const options = await show.locator('option').allTextContents();
    assert.deepEqual(
      options.filter((option) => !option.startsWith('esta lección')),
      ['todas las sesiones (2)', 'activas (2)', 'inactivas (0)', 'terminadas (0)', 'finalizadas (0)'],
    );
    assert.equal(
      await page.getByTestId('idle-after').textContent(),
      'Inactiva tras 3 min, lo predeterminado mientras la alerta de inactividad de esta actividad está desactivada (cámbialo en Alertas)',
    );
    await page.getByTestId('idle-after').getByRole('link', { name: 'cámbialo en Alertas' }).waitFor();
    await page.getByRole('group', { name: 'Filtrar sesiones' }).waitFor();
    const find = page.getByLabel('Buscar un jugador');
    assert.equal(await find.getAttribute('placeholder'), 'nombre o usuario');
    await find.fill('nadie');
    await page.getByText('Ninguna sesión coincide con estos filtros.').waitFor();
    await find.fill('');

    // ana's game sends a batch the collector refuses, twice, as trackers re-send.
    const invalid = [{ actor: ana.actor, verb: 'not-a-verb', object: { id: 'level1' }, timestamp: new Date().toISOString() }];
    for (let flush = 0; flush < 2; flush++) assert.equal((await track(collector.url, ana.authToken, invalid)).status, 400);
    await row('ana').locator('.refused-batches', { hasText: '2 lotes rechazados' }).waitFor();

    // Two minutes later (on the collector's clock) a game starts without logging in: said, and the times count on.
    const news = page.getByTestId('live-news');
    shift = 2 * 60_000;
    const newcomer = await startOk(collector.url, maths.trackingCode);
    // Said alone, or with ana's and dani's when a loaded machine brought their rows within the same two seconds.
    const said = new RegExp(`(Nueva sesión: |\\d sesiones nuevas: (.*, )?)${newcomer.playerAnimalName}\\.`);
    await news.filter({ hasText: said }).waitFor();
    await row('ana').locator('.last-seen', { hasText: /^hace 2 min$/ }).waitFor();
    await names.filter({ hasText: `carla — jugando a 1B historia (código ${history.trackingCode}), hace 2 min` }).waitFor();

    // Ten minutes on, another: ana, dani and the first newcomer have gone idle, all said in one sentence.
    shift = 10 * 60_000;
    const late = await startOk(collector.url, maths.trackingCode);
    await news.filter({ hasText: `Nueva sesión: ${late.playerAnimalName}. 3 sesiones inactivas ahora: ` }).waitFor();
    await row('ana').locator('.last-seen', { hasText: /^inactiva 10 min$/ }).waitFor();
    assert.ok((await show.locator('option').allTextContents()).includes('inactivas (3)'));

    // The morning's lesson ends and the activity opens again: Live shows this lesson, since its opening.
    await adminPost(collector.url, `/activities/${maths.id}/close`);
    await adminPost(collector.url, `/activities/${maths.id}/open`);
    await missing.getByRole('heading', { name: /^Sin empezar desde \d{2}:\d{2}:\d{2}: 4 de 4 alumnos de 1A$/ }).waitFor();
    await missing.getByText('Esta lección empezó al volver a abrir la actividad: aparece aquí quien solo jugó antes.').waitFor();
    assert.match(await show.locator('option:checked').textContent() ?? '', /^esta lección, desde \d{2}:\d{2}:\d{2} \(0\)$/);
    await page.getByText('Ninguna sesión coincide con estos filtros.').waitFor();
  });
});
