import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import type { Collector } from '../../server/index.js';
import { rulesEngineFor } from '../../server/rules/engine-registry.js';
import { makeActivity } from '../support/fixtures.js';
import { adminApi } from '../support/http.js';
import { type StartAnswer, startOk, track } from '../support/rage.js';
import { type CollectorDashboard, chromiumMissing, collectorDashboard } from './browser-support.js';

const MIN = 60_000;
const TYPES = 'https://w3id.org/xapi/seriousgames/activity-types';

const wrong = (start: StartAnswer, question: string, response: string) => ({
  actor: start.actor,
  verb: { id: 'https://w3id.org/xapi/adb/verbs/selected' },
  object: { id: `${start.objectId}/question/${question}`, definition: { type: `${TYPES}/question` } },
  result: { success: false, response },
  timestamp: new Date().toISOString(),
});
const progressed = (start: StartAnswer, value: number) => ({
  actor: start.actor,
  verb: { id: 'http://adlnet.gov/expapi/verbs/progressed' },
  object: { id: `${start.objectId}/level/level1`, definition: { type: `${TYPES}/level` } },
  result: { extensions: { 'https://w3id.org/xapi/seriousgames/extensions/progress': value } },
  timestamp: new Date().toISOString(),
});

// A teacher in Spain: the alerts Aula raises while her class plays, the header's count and the rules she sets, in
// Spanish; an alert stored before Aula kept its wording reads as it was written, in English.
describe('Alerts & Warnings in Spanish, on a Spanish browser', { skip: chromiumMissing }, () => {
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

  test('raised alerts, the header count, a player page and the rules editor read in Spanish', { timeout: 120_000 }, async () => {
    const activity = makeActivity(collector.context.db, { name: 'Fracciones 3B' });
    const rules = { wrongAnswers: { enabled: true, inARow: 2, severity: 'alert' }, noProgress: { enabled: true, minutes: 2.5, severity: 'warning' } };
    const saved = await adminApi(collector.url, `/activities/${activity.id}/rules`, rules, 'PUT');
    assert.equal(saved.status, 200, saved.text);

    await page.goto(`${collector.url}/alerts`);
    await page.getByRole('heading', { level: 1, name: 'Alertas y avisos' }).waitFor();
    assert.equal(await page.title(), 'Alertas y avisos — Aula');
    await page.getByRole('heading', { name: 'Nadie te necesita ahora' }).waitFor();
    await page.getByText('2 reglas vigilan esta actividad; los alumnos aparecerán aquí en cuanto salte una.').waitFor();

    // Ana's progress stops at 42 % and she answers wrong twice; three minutes pass.
    const ana = await startOk(collector.url, activity.trackingCode);
    const sent = await track(collector.url, ana.authToken, [progressed(ana, 0.42), wrong(ana, 'q1', 'A'), wrong(ana, 'q2', 'C')]);
    assert.equal(sent.status, 200, sent.text);
    shift += 3 * MIN;
    rulesEngineFor(collector.context).tick();
    // Ben's idle warning was raised by an Aula that kept only its English message (as migration 21 leaves it).
    const ben = await startOk(collector.url, activity.trackingCode);
    const { db } = collector.context;
    const benSession = db.prepare('SELECT id, player_id AS playerId FROM sessions WHERE auth_token = ?').get(ben.authToken) as { id: number; playerId: string };
    db.prepare(
      `INSERT INTO alerts (activity_id, session_id, player_id, rule_key, severity, message, raised) VALUES (?, ?, ?, 'idle', 'warning', 'Idle for 3 min or more', ?)`,
    ).run(activity.id, benSession.id, benSession.playerId, new Date().toISOString());
    await rulesEngineFor(collector.context).flush();
    collector.context.bus.emit('alerts.changed', { activityId: activity.id });

    // The header's count, its plurals in Spanish.
    const count = page.locator('.alert-count');
    await count.getByText('1 alerta').waitFor();
    await count.getByText('2 avisos').waitFor();

    const table = page.locator('.alerts-table');
    await table.getByRole('columnheader', { name: 'Alumno' }).waitFor();
    await table.getByRole('columnheader', { name: 'Causa' }).waitFor();
    const anaRow = table.locator('tbody tr', { hasText: ana.playerAnimalName });
    // Collapsed, the row shows its alert, worded in Spanish with the game's own names.
    await anaRow.locator('.latest-cause', { hasText: '2 respuestas incorrectas seguidas (última: q2 → C)' }).waitFor();
    await table.locator('tbody tr', { hasText: ben.playerAnimalName }).locator('.latest-cause', { hasText: 'Idle for 3 min or more' }).waitFor();

    await anaRow.getByRole('button', { name: `Detalles de ${ana.playerAnimalName}` }).click();
    const progressItem = anaRow.locator('.alert-items li', { hasText: 'Sin progreso durante 2,5 min (al 42 %)' });
    await progressItem.waitFor();
    assert.match((await progressItem.textContent()) ?? '', /● aviso/);
    assert.match((await progressItem.textContent()) ?? '', / · sesión n\.º 1/);
    await anaRow.locator('.alert-items li', { hasText: '● alerta' }).getByRole('button', { name: 'Marcar como vista' }).waitFor();
    await progressItem.getByRole('button', { name: 'Marcar como visto' }).click();
    await count.getByText('1 aviso', { exact: true }).waitFor();
    await anaRow.getByRole('button', { name: 'Ocultar' }).waitFor();
    await anaRow.getByRole('button', { name: `Marcar todo como visto (${ana.playerAnimalName})` }).waitFor();

    // The rules editor: every rule's label, help, units and buttons.
    const editor = page.locator('details.rules-form');
    await editor.locator('summary', { hasText: 'Reglas de esta actividad' }).click();
    const idle = editor.locator('fieldset', { hasText: 'Inactivo' });
    await idle.getByText('nada del juego durante').waitFor();
    await idle.getByText('minutos').waitFor();
    await idle.getByRole('checkbox', { name: 'Inactivo' }).check();
    await editor.getByLabel('Minutos de inactividad').fill('10');
    await editor.getByLabel('Gravedad de la regla Inactivo').selectOption({ label: 'alerta' });
    await editor.getByRole('checkbox', { name: 'Puntuación baja' }).waitFor();
    await editor.getByText('un nivel o cuestionario completado con una puntuación por debajo de').waitFor();
    await editor.getByRole('checkbox', { name: 'Salir sin completar' }).waitFor();
    await editor.getByText('el juego terminó su sesión con un nivel aún abierto').waitFor();
    await editor.getByLabel('Respuestas incorrectas seguidas').waitFor();
    await editor.getByRole('heading', { name: 'Reglas personalizadas' }).waitFor();
    await editor.getByRole('button', { name: 'Añadir una regla personalizada' }).click();
    await editor.getByRole('checkbox', { name: 'Mi regla' }).waitFor();
    await editor.getByLabel('Resultado de la regla personalizada').selectOption({ label: 'puntuación por debajo de' });
    await editor.getByText('en minutos (vacío: toda la sesión)').waitFor();
    await editor.getByRole('button', { name: 'Quitar' }).click();
    await editor.getByRole('button', { name: 'Guardar reglas' }).click();
    await editor.getByRole('status').getByText('Reglas guardadas.').waitFor();
    const stored = (await adminApi(collector.url, `/activities/${activity.id}/rules`)).json as { rules: { idle: unknown; custom: unknown[] } };
    assert.deepEqual(stored.rules.idle, { enabled: true, minutes: 10, severity: 'alert' });
    assert.deepEqual(stored.rules.custom, []);

    // Ana's page lists what Aula raised about her, in Spanish too.
    const alerts = (await adminApi(collector.url, `/alerts?activity=${activity.id}`)).json as { students: Array<{ player: { id: string; animalName: string } }> };
    const anaId = alerts.students.find((s) => s.player.animalName === ana.playerAnimalName)?.player.id ?? '';
    await page.goto(`${collector.url}/players/${encodeURIComponent(anaId)}`);
    await page.getByRole('heading', { level: 2, name: 'Alertas y avisos' }).waitFor();
    const onPage = page.locator('.player-alerts li', { hasText: '2 respuestas incorrectas seguidas (última: q2 → C)' });
    await onPage.getByRole('button', { name: 'Marcar como vista' }).waitFor();
    assert.match((await onPage.textContent()) ?? '', /Fracciones 3B · sesión n\.º 1/);
    await page.locator('.player-alerts li', { hasText: 'Sin progreso durante 2,5 min (al 42 %)' }).getByText(/ · visto /).waitFor();

    // The same alerts in English read as they always did.
    const english = await dashboard?.browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 800 } });
    const englishPage = await english?.newPage();
    assert.ok(englishPage);
    await englishPage.goto(`${collector.url}/alerts`);
    await englishPage.locator('.latest-cause', { hasText: '2 wrong answers in a row (last: q2 → C)' }).waitFor();
    await englishPage.locator('.alert-count').getByText('1 alert').waitFor();
    await englishPage.locator('.alert-count').getByText('1 warning').waitFor();
    await english?.close();
  });
});
