import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import tls from 'node:tls';
import type { Page } from 'playwright-core';
import type { Collector } from '../../server/index.js';
import { setActivityOpen } from '../../server/store/activities-repo.js';
import { adminPost, classWith, loggedInHeaders } from '../support/class-logins.js';
import { makeActivity } from '../support/fixtures.js';
import { postJson, request } from '../support/http.js';
import { start, startOk, statementS, track } from '../support/rage.js';
import { type CollectorDashboard, chromiumMissing, collectorDashboard } from './browser-support.js';

const MINUTE = 60_000;
const TIME = /^\d{2}:\d{2}:\d{2}$/; // es-ES: "09:41:07" (English reads "09:41:07 AM")

// A teacher in Spain whose students' games do not reach Aula: the Diagnostics screen, with real refused requests as the
// games make them, says what went wrong and what to change in Spanish; what the games were told stays as they were told.
describe('Diagnostics in Spanish, on a Spanish browser', { skip: chromiumMissing }, () => {
  let collector: Collector;
  let dashboard: CollectorDashboard | undefined;
  let page: Page;
  // The collector's clock, moved forward: silent games and the first-run help need minutes to pass.
  let shift = 0;

  before(async () => {
    dashboard = await collectorDashboard({ now: () => Date.now() + shift, locale: 'es-ES', viewport: { width: 1280, height: 900 } });
    ({ collector, page } = dashboard);
  });
  after(async () => {
    await dashboard?.close();
  });

  const group = (kind: string) => page.locator(`.diagnostic[data-kind="${kind}"]`);
  const line = (kind: string, text: string) => group(kind).locator('.diagnostic-item', { hasText: text });
  const fixOf = async (kind: string, text: string) => {
    await line(kind, text).waitFor();
    return line(kind, text).locator('.item-fix').textContent();
  };

  test('with no problems: the heading, the tab, the network and the empty state', async () => {
    await page.goto(`${collector.url}/diagnostics`);
    await page.getByRole('heading', { level: 1, name: 'Diagnóstico', exact: true }).waitFor();
    assert.equal(await page.title(), 'Diagnóstico — Aula');
    await page.getByRole('heading', { name: 'Este ordenador en la red' }).waitFor();
    assert.equal(await page.getByTestId('mdns-status').textContent(), 'Nombre en la red: desactivado (Aula solo escucha en este ordenador).');
    assert.equal(await page.getByTestId('last-lan-client').textContent(), 'Ningún otro ordenador se ha conectado desde que Aula arrancó.');
    await page.getByRole('heading', { name: 'No hay problemas de conexión' }).waitFor();
    await page.getByText('Las peticiones rechazadas y los juegos que dejan de enviar aparecen aquí en cuanto ocurren').waitFor();
  });

  test("refused starts, tracks and connections: each group, its lines and what to do, in Spanish; the games' messages as told", async () => {
    const fractions = makeActivity(collector.context.db, { name: 'Fracciones' });
    const typo = fractions.trackingCode.toUpperCase();
    for (let i = 0; i < 2; i++) assert.equal((await start(collector.url, typo)).status, 404);
    const closed = makeActivity(collector.context.db, { name: 'Lección cerrada' });
    setActivityOpen(collector.context.db, closed.trackingCode, false);
    assert.equal((await start(collector.url, closed.trackingCode)).status, 412);
    // a18, of 1A, types 1B's code.
    const classA = await classWith(collector.url, '1A', ['a18']);
    const classB = await classWith(collector.url, '1B', ['b01']);
    makeActivity(collector.context.db, { name: '1A mates', classId: classA, allowAnonymous: false });
    const history = makeActivity(collector.context.db, { name: '1B historia', classId: classB, allowAnonymous: false });
    const headers = await loggedInHeaders(collector.url, 'a18');
    assert.equal((await start(collector.url, history.trackingCode, { headers })).status, 401);
    // Traces without the start's authToken, a host given without http://, a base path given /api/ twice.
    const { actor } = await startOk(collector.url, fractions.trackingCode);
    assert.equal((await postJson(`${collector.url}/api/proxy/gleaner/collector/track`, [statementS(actor)])).status, 401);
    await new Promise<void>((resolve) => {
      const socket = tls.connect({ host: '127.0.0.1', port: collector.port, rejectUnauthorized: false });
      socket.on('error', () => resolve());
      socket.on('close', () => resolve());
    });
    const sent = `/api/api/proxy/gleaner/collector/start/${fractions.trackingCode}`;
    assert.equal((await request(`${collector.url}${sent}`, { method: 'POST' })).status, 404);
    // A game still sending after its player's data was erased.
    const erased = await startOk(collector.url, makeActivity(collector.context.db, { name: 'Lección borrada' }).trackingCode);
    assert.equal((await track(collector.url, erased.authToken, [statementS(erased.actor)])).status, 200);
    await adminPost(collector.url, '/erasures', { player: erased.playerId, confirm: true });
    assert.equal((await track(collector.url, erased.authToken, [statementS(erased.actor)])).status, 401);

    await page.goto(`${collector.url}/diagnostics`);
    await group('unknown-code').getByRole('heading', { name: 'Inicios con un código de seguimiento desconocido 2' }).waitFor();
    await group('unknown-code')
      .getByText('Estos juegos usan un código de seguimiento que no tiene ninguna actividad', { exact: false })
      .waitFor();
    assert.deepEqual(await group('unknown-code').getByRole('columnheader').allTextContents(), ['Última', 'Código probado', 'Desde', 'Veces', 'Qué hacer']);
    const cells = await line('unknown-code', typo).locator('td').allTextContents();
    assert.match(cells[0] ?? '', TIME);
    assert.deepEqual(cells.slice(1), [typo, '127.0.0.1', '2', `¿Querían decir ${fractions.trackingCode}?`]);

    await group('activity-closed').getByRole('heading', { name: 'Inicios rechazados: la actividad está cerrada' }).waitFor();
    assert.equal(await fixOf('activity-closed', closed.trackingCode), 'Actividad: Lección cerrada');
    await group('activity-closed').getByText('Abre la actividad en la pantalla Actividades', { exact: false }).waitFor();

    await group('not-allowed').getByRole('heading', { name: 'Inicios rechazados: la actividad no acepta a estos jugadores' }).waitFor();
    assert.equal(await line('not-allowed', 'a18').locator('.diagnostic-player').textContent(), 'a18 de 1A — rechazado por 1B historia: no es de su clase');

    await group('unknown-token').getByRole('heading', { name: 'Trazas con una sesión desconocida (authToken)' }).waitFor();
    assert.deepEqual(await group('unknown-token').getByRole('columnheader').allTextContents(), ['Última', 'Mensaje', 'Desde', 'Veces', 'Qué hacer']);
    // The game was told M-TOKEN; the line's message is Aula's own sentence, in Spanish like what to do.
    assert.equal(
      await line('unknown-token', 'Sin authToken:').locator('code').textContent(),
      'Sin authToken: trazas enviadas sin el authToken de un inicio (sin cabecera Authorization, o null)',
    );
    assert.equal(
      await fixOf('unknown-token', 'Sin authToken:'),
      'No es una sesión que Aula haya olvidado: el juego envía trazas antes de que su inicio funcione, o sin el authToken del inicio. Inicia primero y después envía ese authToken como cabecera Authorization de cada track (los trackers hacen ambas cosas).',
    );

    assert.equal(
      await line('unknown-token', 'Trazas de una sesión').locator('code').textContent(),
      'Trazas de una sesión cuyo jugador tiene los datos borrados: rechazadas, y no se guardan',
    );
    assert.equal(await page.getByText("Traces of a session whose player's data was erased").count(), 0, 'no English sentence of Aula left');

    await group('other').getByRole('heading', { name: 'Otras peticiones rechazadas' }).waitFor();
    // The https:// connection was told nothing: Aula's own sentence, in Spanish.
    assert.equal(
      await fixOf('other', 'Un juego se conectó con https:// a este puerto, que solo habla http://'),
      'Pon el host del juego con http:// delante y el puerto detrás, p. ej. http://192.168.1.10:3000/ (js-tracker sin http:// usa https).',
    );
    assert.equal(
      await fixOf('other', `POST ${sent}`),
      `Aula responde a esto en POST /api/proxy/gleaner/collector/start/${fractions.trackingCode}: en los ajustes del tracker del juego, pon como host http:// con la dirección y el puerto de este ordenador y nada más, y como ruta base /api/.`,
    );
    assert.equal(await page.getByText('A game connected with https://').count(), 0, 'no English sentence of Aula left');
    assert.equal(await page.getByText('No authToken:').count(), 0, 'no English sentence of Aula left');

    const handled = group('unknown-code').getByRole('button', { name: 'Marcar como resuelto' });
    assert.equal(await handled.textContent(), 'Marcar como resuelto: Inicios con un código de seguimiento desconocido');
    await handled.click();
    await group('unknown-code').waitFor({ state: 'detached' });
  });

  test('a game gone silent by its player and session, then the first-run help and the Connect notice', async () => {
    const activity = makeActivity(collector.context.db, { name: 'Decimales' });
    const session = await startOk(collector.url, activity.trackingCode);
    assert.equal((await track(collector.url, session.authToken, [{ ...statementS(session.actor), id: undefined }])).status, 200);
    shift += 4 * MINUTE;
    await page.goto(`${collector.url}/diagnostics`);
    // This game, and the one the previous test started to send traces without its authToken.
    await group('silent-games').getByRole('heading', { name: 'Juegos que dejaron de enviar 2' }).waitFor();
    assert.deepEqual(await group('silent-games').getByRole('columnheader').allTextContents(), ['Última vez', 'Jugador', 'Actividad', 'Veces', 'Qué hacer']);
    const silent = line('silent-games', session.playerAnimalName);
    await silent.waitFor();
    assert.equal(await silent.locator('code').textContent(), `${session.playerAnimalName} · sesión 1`);
    assert.match((await silent.textContent()) ?? '', /Decimales/);

    const help = page.getByTestId('first-run-help');
    await help.getByRole('heading', { name: 'Todavía no ha llegado a Aula ningún juego desde otro ordenador' }).waitFor();
    await help.getByText('El cortafuegos bloquea Aula').waitFor();
    // The port as a URL and a command take it: no thousands separator.
    assert.match((await help.textContent()) ?? '', new RegExp(`sudo ufw allow ${collector.port}/tcp`));
    await help.getByText('Los ordenadores de los alumnos están en otra red').waitFor();

    await page.getByRole('navigation', { name: 'Pantallas' }).getByRole('link', { name: 'Conectar', exact: true }).click();
    await page.getByTestId('first-run-notice').getByRole('link', { name: 'Mira las causas habituales y cómo arreglarlas' }).waitFor();
    assert.equal(await page.getByTestId('mdns-name').textContent(), 'Aula solo escucha en este ordenador, así que no tiene nombre en la red.');
  });
});
