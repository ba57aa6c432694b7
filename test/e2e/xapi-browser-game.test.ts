import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { Collector } from '../../server/index.js';
import { statement, type XapiEndpoint, xapiEndpoint } from '../api/xapi-support.js';
import { startTestCollector } from '../support/collector.js';
import { chromiumMissing, launchChromium } from './browser-support.js';

const servers: http.Server[] = [];

/** An HTTP server on 127.0.0.1 with an ephemeral port; closed after the file's tests. */
async function listen(handler: http.RequestListener): Promise<string> {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  return `${(server.address() as AddressInfo).port}`;
}

let collector: Collector;
let xapi: XapiEndpoint;
let browser: Browser;
let page: Page;
/** Where the browser reaches Aula: through a pass-through proxy that counts the CORS preflights it sees. */
let endpoint: string;
let preflights = 0;

before(async () => {
  if (chromiumMissing) return;
  collector = await startTestCollector();
  xapi = xapiEndpoint(collector, 'Browser game');
  const target = new URL(collector.url);
  const proxyPort = await listen((req, res) => {
    if (req.method === 'OPTIONS') preflights++;
    const upstream = http.request({ host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    req.pipe(upstream);
  });
  endpoint = `http://127.0.0.1:${proxyPort}/xapi/`;
  // The game's own web server: another origin (localhost, not 127.0.0.1, and another port).
  const gamePort = await listen((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end('<!doctype html><title>game</title><p>game</p>');
  });
  browser = await launchChromium();
  page = await browser.newPage();
  await page.goto(`http://localhost:${gamePort}/`);
});

after(async () => {
  await browser?.close();
  for (const server of servers) server.closeAllConnections();
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
});

/** What a browser game's xAPI client does: fetch with Basic credentials and the version header (a preflighted request). */
function postFromPage(body: unknown): Promise<{ status: number; ids: string[]; through: string | null }> {
  return page.evaluate(
    async ({ url, auth, text }) => {
      const answer = await fetch(`${url}statements`, {
        method: 'POST',
        headers: { Authorization: auth, 'X-Experience-API-Version': '1.0.3', 'Content-Type': 'application/json' },
        body: text,
      });
      return { status: answer.status, ids: (await answer.json()) as string[], through: answer.headers.get('X-Experience-API-Consistent-Through') };
    },
    { url: endpoint, auth: xapi.auth, text: JSON.stringify(body) },
  );
}

describe('a browser game on another origin posting to /xapi', { skip: chromiumMissing }, () => {
  it('asks for one preflight, not one before every post a few seconds apart, and reads the xAPI headers', async () => {
    const first = await postFromPage(statement());
    assert.equal(first.status, 200);
    assert.equal(first.ids.length, 1);
    assert.ok(first.through, 'X-Experience-API-Consistent-Through is exposed to the page');
    assert.equal(preflights, 1);
    // Longer than Chromium keeps a preflight without Access-Control-Max-Age (5 s).
    await new Promise((resolve) => setTimeout(resolve, 6_000));
    const second = await postFromPage(statement());
    assert.equal(second.status, 200);
    assert.equal(preflights, 1, 'the second post went without a preflight');
  });

  it('a beacon as the page closes stores its statement: the Alternate Request Syntax needs no preflight', async () => {
    const before = preflights;
    const id = crypto.randomUUID();
    const queued = await page.evaluate(
      ({ url, auth, text }) => {
        const form = new URLSearchParams({ Authorization: auth, 'X-Experience-API-Version': '1.0.3', content: text });
        return navigator.sendBeacon(`${url}statements?method=POST`, new Blob([form.toString()], { type: 'application/x-www-form-urlencoded' }));
      },
      { url: endpoint, auth: xapi.auth, text: JSON.stringify(statement({ id })) },
    );
    assert.equal(queued, true);
    let found = 0;
    for (let attempt = 0; attempt < 50 && found !== 200; attempt++) {
      found = (await xapi.call(`statements?statementId=${id}`)).status;
      if (found !== 200) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.equal(found, 200, 'the statement the beacon carried is stored');
    assert.equal(preflights, before);
  });
});
