import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import type { Collector } from '../../server/index.js';
import { classWith, loggedInHeaders } from '../support/class-logins.js';
import { makeActivity } from '../support/fixtures.js';
import { postJson } from '../support/http.js';
import { type StartAnswer, startOk, statementS, track } from '../support/rage.js';
import { chromiumMissing, dashboardForSuite } from './browser-support.js';

const HOUR = 60 * 60_000;
/** The collector's clock: real time plus this (moved forward to make a refusal over an hour old). */
let shift = 0;

/** A batch refused as invalid, whoever sends it: its second statement has a score with no raw. */
function batchWithoutRaw(game: StartAnswer, tag: string): unknown[] {
  const statement = { ...statementS(game.actor), id: undefined };
  return [statement, { ...statement, result: { score: { min: 0 }, extensions: { tag } } }];
}

// Live's "N batches refused" opened plain Diagnostics, which lists the last hour's refusals, not those marked as
// handled, 20 lines to a group: the student the teacher clicked could be missing (older, handled) or buried.
describe("From Live's “N batches refused”, Diagnostics shows that session's refusals", { skip: chromiumMissing }, () => {
  let collector: Collector;
  let page: Page;
  dashboardForSuite((dashboard) => ({ collector, page } = dashboard), { now: () => Date.now() + shift });

  async function refuse(game: StartAnswer, tag: string): Promise<void> {
    assert.equal((await track(collector.url, game.authToken, batchWithoutRaw(game, tag))).status, 400);
  }

  async function followLiveLink(activityId: string, player: string, linkName: string): Promise<void> {
    await page.goto(collector.url);
    await page.locator('#activity-picker').selectOption(activityId);
    await page.locator('.live-table tbody tr', { hasText: player }).getByRole('link', { name: linkName, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Diagnostics', exact: true }).waitFor();
  }

  test("Ana's refusal over an hour old and Ben's marked as handled, among 21 other games' lines: each student's link lands on their own", async () => {
    const classId = await classWith(collector.url, '2A', ['ana', 'ben']);
    const fractions = makeActivity(collector.context.db, { name: 'Fractions 2A', classId });
    const ana = await startOk(collector.url, fractions.trackingCode, { headers: await loggedInHeaders(collector.url, 'ana') });
    await refuse(ana, 'ana');
    await refuse(ana, 'ana'); // her tracker re-sends the batch: one line, 2 times
    shift += 2 * HOUR;
    const ben = await startOk(collector.url, fractions.trackingCode, { headers: await loggedInHeaders(collector.url, 'ben') });
    await refuse(ben, 'ben');
    await collector.context.ingest.idle();
    assert.equal((await postJson(`${collector.url}/admin/api/diagnostics/clear`, { kind: 'invalid-track' })).status, 200);
    // The rest of the building's games, refused in the last hour: the whole screen's 20 lines and "and 1 more".
    const others = makeActivity(collector.context.db, { name: 'Maths 4C' });
    for (let i = 0; i < 21; i++) await refuse(await startOk(collector.url, others.trackingCode), `other ${i}`);
    await collector.context.ingest.idle();

    await followLiveLink(fractions.id, 'ana', '2 batches refused');
    const heading = page.getByTestId('diagnostics-session');
    await heading.getByRole('heading', { name: 'Refused batches of ana · session 1 · Fractions 2A' }).waitFor();
    assert.match((await heading.textContent()) ?? '', /Live counts 2 batches refused for this game\./);
    assert.equal(new URL(page.url()).search, `?session=${(await sessionIdOf('ana'))}`);
    const group = page.locator('.diagnostic[data-kind="invalid-track"]');
    await group.getByRole('heading', { name: 'Traces rejected as invalid 2' }).waitFor();
    // What to do, then Ana's one line: the message she was told, the batch sent, how often and when, whose game.
    assert.match((await group.locator('.fix').textContent()) ?? '', /^The game sends traces Aula cannot accept/);
    const lines = group.locator('.diagnostic-item');
    assert.equal(await lines.count(), 1);
    const cells = await lines.first().locator('td').allTextContents();
    assert.match(cells[0] ?? '', /^\d{2}:\d{2}:\d{2}/);
    assert.match(cells[1] ?? '', /^Statement .*score\.raw/);
    assert.match(cells[2] ?? '', /^127\.0\.0\.1ana · session 1 · Fractions 2A$/);
    assert.equal(cells[3], '2');
    await lines.first().getByText('Sample sent').click();
    assert.match((await lines.first().locator('pre.sample').textContent()) ?? '', /"tag":\s*"ana"/);
    // Every one of them is listed whatever was marked: nothing here to hide, nothing more to list.
    assert.equal(await group.getByRole('button', { name: /Mark as handled|List them all/ }).count(), 0);

    // The way back: the whole screen, where Ana's refusal (two hours old) and Ben's (handled) are not.
    await page.getByRole('link', { name: '← All diagnostics' }).click();
    await page.getByRole('heading', { name: 'This computer on the network' }).waitFor();
    await page.getByRole('heading', { name: 'Traces rejected as invalid 21' }).waitFor();
    assert.equal(new URL(page.url()).search, '');
    const everyone = await page.locator('.diagnostic-item .diagnostic-player').allTextContents();
    assert.equal(everyone.length, 20);
    assert.ok(!everyone.some((who) => who.startsWith('ana') || who.startsWith('ben')), everyone.join('\n'));

    await followLiveLink(fractions.id, 'ben', '1 batch refused');
    await page.getByTestId('diagnostics-session').getByRole('heading', { name: 'Refused batches of ben · session 1 · Fractions 2A' }).waitFor();
    const bens = page.locator('.diagnostic[data-kind="invalid-track"] .diagnostic-item');
    await bens.first().waitFor();
    assert.deepEqual(await bens.locator('.diagnostic-player').allTextContents(), ['ben · session 1 · Fractions 2A']);
    assert.equal((await bens.first().locator('td').allTextContents())[3], '1');
  });

  test('a link naming no session, or a session gone: said, with the way back', async () => {
    await page.goto(`${collector.url}/diagnostics?session=424242`);
    await page.getByRole('heading', { name: 'No such session' }).waitFor();
    await page.goto(`${collector.url}/diagnostics?session=ana`);
    await page.getByRole('heading', { name: 'This link does not name a session' }).waitFor();
    await page.getByRole('link', { name: '← All diagnostics' }).click();
    await page.getByRole('heading', { name: 'This computer on the network' }).waitFor();
  });

  async function sessionIdOf(username: string): Promise<number> {
    const row = collector.context.db
      .prepare('SELECT s.id FROM sessions s JOIN players p ON p.id = s.player_id WHERE p.public_id = ?')
      .get(username) as { id: number } | undefined;
    assert.ok(row, `${username}'s session`);
    return row.id;
  }
});

// The same in Spanish: the session's heading, Live's count and the way back in the teacher's language.
describe("Desde «N lotes rechazados» de En directo, el Diagnóstico de esa sesión, en español", { skip: chromiumMissing }, () => {
  let collector: Collector;
  let page: Page;
  let later = 0;
  dashboardForSuite((dashboard) => ({ collector, page } = dashboard), { now: () => Date.now() + later, locale: 'es-ES' });

  test("a student's refusal over an hour old: her session's line, headed in Spanish; a session gone, said in Spanish", async () => {
    const classId = await classWith(collector.url, '2A', ['ana']);
    const fractions = makeActivity(collector.context.db, { name: 'Fracciones 2A', classId });
    const ana = await startOk(collector.url, fractions.trackingCode, { headers: await loggedInHeaders(collector.url, 'ana') });
    assert.equal((await track(collector.url, ana.authToken, batchWithoutRaw(ana, 'ana'))).status, 400);
    later += 2 * HOUR;
    await collector.context.ingest.idle();

    await page.goto(collector.url);
    await page.locator('#activity-picker').selectOption(fractions.id);
    await page.locator('.live-table tbody tr', { hasText: 'ana' }).getByRole('link', { name: '1 lote rechazado', exact: true }).click();
    const heading = page.getByTestId('diagnostics-session');
    await heading.getByRole('heading', { name: 'Lotes rechazados de ana · sesión 1 · Fracciones 2A' }).waitFor();
    assert.match((await heading.textContent()) ?? '', /En directo cuenta 1 lote rechazado de este juego\./);
    await page.locator('.diagnostic[data-kind="invalid-track"] .diagnostic-item').first().waitFor();
    await page.getByRole('link', { name: '← Todo el diagnóstico' }).click();
    await page.getByRole('heading', { name: 'No hay problemas de conexión' }).waitFor();

    await page.goto(`${collector.url}/diagnostics?session=424242`);
    await page.getByRole('heading', { name: 'No existe esa sesión' }).waitFor();
  });
});
