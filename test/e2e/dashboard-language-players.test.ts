import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { Collector } from '../../server/index.js';
import { makeActivity } from '../support/fixtures.js';
import { type StartAnswer, startOk, track } from '../support/rage.js';
import { type CollectorDashboard, chromiumMissing, collectorDashboard } from './browser-support.js';

const ADL = 'http://adlnet.gov/expapi/verbs/';
const LEVEL = 'https://w3id.org/xapi/seriousgames/activity-types/level';
const GAME = 'https://w3id.org/xapi/seriousgames/activity-types/serious-game';

// Players, a player's page and Statements in Spanish on a Spanish browser: the screens' wording, and what a game sent
// read as a Spanish sentence ("completó el nivel «Primer nivel»"), its score with a decimal comma. The game's own
// words stay as sent, and its names are read in the dashboard's language, also when the teacher chose another.
describe('Players and Statements speak Spanish', { skip: chromiumMissing }, () => {
  let collector: Collector;
  let browser: Browser;
  let dashboard: CollectorDashboard | undefined;
  let session: StartAnswer;
  let animal: string;
  let nobodyYet: string;

  before(async () => {
    dashboard = await collectorDashboard();
    ({ collector, browser } = dashboard);
    const activity = makeActivity(collector.context.db, { name: 'Fracciones' });
    nobodyYet = makeActivity(collector.context.db, { name: 'Decimales' }).id;
    session = await startOk(collector.url, activity.trackingCode);
    const level = 'http://aula.test/games/fracciones/level/level1';
    const answer = await track(collector.url, session.authToken, [
      { actor: session.actor, verb: { id: `${ADL}initialized` }, object: { id: 'http://aula.test/games/fracciones', definition: { type: GAME } }, timestamp: new Date().toISOString() },
      {
        actor: session.actor,
        verb: { id: `${ADL}completed` },
        object: { id: level, definition: { type: LEVEL, name: { 'en-US': 'First level', es: 'Primer nivel' } } },
        result: { success: true, score: { scaled: 0.9, raw: 9, max: 10 } },
        timestamp: new Date().toISOString(),
      },
      {
        actor: session.actor,
        verb: { id: `${ADL}answered` },
        object: { id: 'http://aula.test/games/fracciones/question/q1', definition: { type: 'http://adlnet.gov/expapi/activities/question' } },
        result: { response: 'b' },
        timestamp: new Date().toISOString(),
      },
    ]);
    assert.equal(answer.status, 200, answer.text);
    const row = collector.context.db.prepare('SELECT animal_name AS name FROM players WHERE public_id = ?').get(session.playerId) as { name: string };
    animal = row.name;
  });

  after(() => dashboard?.close());

  async function spanishPage(): Promise<Page> {
    const context = await browser.newContext({ locale: 'es-ES', viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    return page;
  }

  test('Players: the heading, filters, columns and an empty state', async () => {
    const page = await spanishPage();
    await page.goto(`${collector.url}/players`);
    await page.getByRole('heading', { level: 1, name: 'Jugadores' }).waitFor();
    await page.locator('.players-table tbody tr', { hasText: animal }).waitFor();
    assert.deepEqual(await page.locator('.players-table thead th').allTextContents(), [
      'Jugador',
      'Sesiones',
      'Trazas',
      'Visto por primera vez',
      'Visto por última vez',
    ]);
    assert.equal(await page.title(), 'Jugadores — Aula');
    await page.getByLabel('Buscar un jugador').waitFor();
    assert.equal(await page.getByLabel('Buscar un jugador').getAttribute('placeholder'), 'nombre o usuario');
    assert.deepEqual(await page.getByLabel('Mostrar').locator('option').allTextContents(), [
      'todos',
      'alumnos (con sesión iniciada)',
      'jugadores xAPI',
      'jugadores anónimos',
    ]);
    await page.getByLabel('Actividad').selectOption({ value: nobodyYet });
    await page.getByText('Nadie ha jugado aún a esta actividad').waitFor();
    await page.getByRole('link', { name: 'Conectar' }).last().waitFor();
    await page.getByText(/elige todas las actividades para ver a todos\.$/).waitFor();
    await page.context().close();
  });

  test("a player's page: facts with plurals, sessions, the timeline as Spanish sentences", async () => {
    const page = await spanishPage();
    await page.goto(`${collector.url}/players`);
    await page.getByRole('link', { name: animal }).click();
    await page.getByRole('link', { name: '← Todos los jugadores' }).waitFor();
    const facts = page.locator('p.muted', { has: page.getByTestId('player-public-id') });
    assert.match(
      (await facts.textContent()) ?? '',
      new RegExp(`^1 sesión · 3 trazas · visto por primera vez \\d{2}:\\d{2}:\\d{2} · visto por última vez \\d{2}:\\d{2}:\\d{2} · nombre de animal ${animal} · id del jugador `),
    );
    assert.equal(await page.title(), `${animal} — Jugadores — Aula`);
    await page.getByRole('heading', { name: 'Sesiones' }).waitFor();
    await page.getByRole('heading', { name: 'Cronología' }).waitFor();
    await page.getByRole('columnheader', { name: 'Progreso' }).waitFor();
    await page.getByRole('columnheader', { name: 'Resultado' }).waitFor();
    assert.equal(await page.locator('td .result').textContent(), 'nivel «level1»: superado · puntuación 0,9', "a level's result, named with it");
    const timeline = page.locator('.statements .statement');
    await timeline.first().waitFor();
    assert.deepEqual(await timeline.locator('.statement-action').allTextContents(), [
      'respondió «b» en la pregunta «q1»',
      'completó el nivel «Primer nivel»',
      'empezó el juego «fracciones»',
    ]);
    assert.equal(await timeline.nth(1).locator('.statement-result').textContent(), '✓ acierto · puntuación 0,9');

    await page.goto(`${collector.url}/players/no-such-player`);
    await page.getByText('No existe ese jugador').waitFor();
    await page.getByRole('main').getByRole('link', { name: 'Jugadores', exact: true }).waitFor();
    await page.context().close();
  });

  test('Statements: filters in Spanish, the verbs as the sentences say them, a filter that finds nothing', async () => {
    const page = await spanishPage();
    await page.goto(`${collector.url}/statements`);
    await page.getByRole('heading', { level: 1, name: 'Trazas' }).waitFor();
    await page.getByText('primero las más recientes, en directo').waitFor();
    await page.locator('.statements .statement-action', { hasText: 'completó el nivel «Primer nivel»' }).waitFor();
    const player = page.getByLabel('Jugador');
    await player.locator('option', { hasText: `${animal} (anónimo)` }).waitFor({ state: 'attached' });
    assert.equal(await player.locator('option').first().textContent(), 'todos los jugadores');
    const verbs = await page.getByLabel('Verbo').locator('option').allTextContents();
    assert.deepEqual(verbs.slice(0, 4), ['todos los verbos', 'empezó', 'avanzó en', 'completó']);
    await page.getByLabel('Verbo').selectOption({ label: 'avanzó en' });
    await page.getByText('Ninguna traza cumple estos filtros').waitFor();
    await page.context().close();
  });

  test("a game's names follow the language the teacher chose, and English reads as before", async () => {
    const page = await spanishPage();
    await page.goto(`${collector.url}/statements`);
    await page.locator('.statement-action', { hasText: '«Primer nivel»' }).waitFor();
    await page.getByLabel('Idioma').selectOption('en');
    await page.getByRole('heading', { level: 1, name: 'Statements' }).waitFor();
    const action = page.locator('.statements .statement').nth(1);
    await action.locator('.statement-action', { hasText: 'completed level "First level"' }).waitFor();
    assert.equal(await action.locator('.statement-result').textContent(), '✓ success · score 0.9');
    assert.equal(await page.getByLabel('Verb').locator('option').nth(3).textContent(), 'completed');
    await page.context().close();
  });
});
