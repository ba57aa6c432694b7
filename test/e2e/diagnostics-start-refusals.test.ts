import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { Collector } from '../../server/index.js';
import { adminPost } from '../support/class-logins.js';
import { startTestCollector } from '../support/collector.js';
import { makeActivity } from '../support/fixtures.js';
import { postJson } from '../support/http.js';
import { start, startOk, statementS, track } from '../support/rage.js';
import { buildDashboard, chromiumMissing, launchChromium } from './browser-support.js';

describe("Diagnostics screen: a game's own mistakes say what to change", { skip: chromiumMissing }, () => {
  let collector: Collector;
  let browser: Browser;
  let page: Page;

  before(async () => {
    const dist = buildDashboard();
    collector = await startTestCollector({ config: { dashboardDir: dist, mdns: false } });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(15_000);
    await page.goto(`${collector.url}/diagnostics`);
    await page.getByRole('heading', { name: 'No connection problems' }).waitFor();
  });

  after(async () => {
    await browser?.close();
    await collector?.close();
  });

  const item = (text: string) => page.locator('.diagnostic[data-kind="other"] .diagnostic-item', { hasText: text });

  test('a login token from another laptop: the message, and to log in again or start without it', async () => {
    const { trackingCode } = makeActivity(collector.context.db, { name: 'Fractions' });
    const foreign = 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbmEifQ.c2lnbmF0dXJl';
    assert.equal((await start(collector.url, trackingCode, { headers: { Authorization: foreign } })).status, 400);
    const line = item("expected format is 'Bearer JSON Web Token'");
    await line.waitFor();
    assert.equal(
      await line.locator('.item-fix').textContent(),
      "The game started with an Authorization header that is not a student's login token from this Aula (expired after 7 days, from another laptop, or not 'Bearer <token>'): log the student in again, or start without it. Activity: Fractions",
    );
  });

  test('a playerId this Aula does not know: start without it', async () => {
    const { trackingCode } = makeActivity(collector.context.db, { name: 'Decimals' });
    assert.equal((await start(collector.url, trackingCode, { body: { anonymous: 'fromAnotherLaptop' } })).status, 404);
    const line = item('No anonymous player found with id fromAnotherLaptop');
    await line.waitFor();
    assert.equal(
      await line.locator('.item-fix').textContent(),
      'The game handed back a playerId this Aula does not know (from another laptop, or erased): start without it, and keep the playerId the new start answers. Activity: Decimals',
    );
  });

  test('traces sent without an Authorization header: start first and send its authToken, not restart the game', async () => {
    const { trackingCode } = makeActivity(collector.context.db, { name: 'Geometry' });
    const { actor } = await startOk(collector.url, trackingCode);
    assert.equal((await postJson(`${collector.url}/api/proxy/gleaner/collector/track`, [statementS(actor)])).status, 401);
    const line = page.locator('.diagnostic[data-kind="unknown-token"] .diagnostic-item', { hasText: 'No authToken:' });
    await line.waitFor();
    assert.equal(
      await line.locator('.item-fix').textContent(),
      "Not a session Aula forgot: the game sends traces before its start succeeded, or without the start's authToken. Start first, then send that authToken as the Authorization header of every track (the trackers do both).",
    );
  });

  test("a game still sending after its player's data was erased: close it, what it sends is not kept", async () => {
    const { trackingCode } = makeActivity(collector.context.db, { name: 'Erased lesson' });
    const session = await startOk(collector.url, trackingCode);
    assert.equal((await track(collector.url, session.authToken, [statementS(session.actor)])).status, 200);
    await adminPost(collector.url, '/erasures', { player: session.playerId, confirm: true });
    assert.equal((await track(collector.url, session.authToken, [statementS(session.actor)])).status, 401);
    const line = page.locator('.diagnostic[data-kind="unknown-token"] .diagnostic-item', { hasText: "whose player's data was erased" });
    await line.waitFor();
    assert.equal(
      await line.locator('.item-fix').textContent(),
      "This player's data was erased while their game was still running, and what it sends now is not kept: close the game. Started again, it opens a new session.",
    );
  });

  test('a statement sent alone instead of in an array, and an xAPI client without its version header or credentials', async () => {
    const { trackingCode } = makeActivity(collector.context.db, { name: 'Algebra' });
    const { actor, authToken } = await startOk(collector.url, trackingCode);
    const alone = await postJson(`${collector.url}/api/proxy/gleaner/collector/track`, statementS(actor), { Authorization: authToken });
    assert.equal(alone.text, '{"message":"Statements must be an array!"}');
    const xapi = { actor: { mbox: 'mailto:ana@example.org' }, verb: { id: 'http://adlnet.gov/expapi/verbs/experienced' }, object: { id: 'http://example.org/a' } };
    assert.equal((await postJson(`${collector.url}/xapi/statements`, xapi, { Authorization: 'Basic a2V5OnNlY3JldA==' })).status, 400);
    assert.equal((await postJson(`${collector.url}/xapi/statements`, xapi, { 'X-Experience-API-Version': '1.0.3' })).status, 401);
    const fixOf = async (kind: string, text: string) => {
      const line = page.locator(`.diagnostic[data-kind="${kind}"] .diagnostic-item`, { hasText: text });
      await line.waitFor();
      return line.locator('.item-fix').textContent();
    };
    assert.equal(
      await fixOf('invalid-track', 'Statements must be an array!'),
      'Send the statements as a JSON array, [ … ], even a single one, and never an empty one.',
    );
    assert.equal(
      await fixOf('invalid-track', 'Missing X-Experience-API-Version header'),
      'Send the header X-Experience-API-Version: 1.0.3 (or 2.0.0) with every xAPI request.',
    );
    assert.equal(
      await fixOf('other', 'Missing HTTP Basic credentials'),
      "The game sent no key and secret: set its xAPI authentication to HTTP Basic (js-tracker 1.x: oauth_type 'OAuth1') with the key and secret shown under For xAPI games on the activity's card (Connect screen).",
    );
  });

  test('a tracking code pasted with a space after it: what differs from the code it looks like', async () => {
    const { trackingCode } = makeActivity(collector.context.db, { name: 'Statistics' });
    assert.equal((await start(collector.url, `${trackingCode} `)).status, 404);
    const line = page.locator('.diagnostic[data-kind="unknown-code"] .diagnostic-item', { hasText: trackingCode });
    await line.waitFor();
    assert.equal(
      await line.locator('.item-fix').textContent(),
      `Did they mean ${trackingCode}? The game sent it with a space, a line break or quotes around it: set exactly ${trackingCode} in the game.`,
    );
  });
});
