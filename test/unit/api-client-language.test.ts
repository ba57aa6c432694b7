import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import i18next from 'i18next';
import { type ApiError, apiGet } from '../../renderer/src/api/client.js';

// The dashboard's own words when the API gives none: the collector stopped (every screen and the header's totals show
// it), or an answer without the server's error. A teacher who reads Spanish reads them in Spanish too.
describe("the API client's own messages", () => {
  const realFetch = globalThis.fetch;
  let server: http.Server;
  let origin = '';

  before(async () => {
    server = http.createServer((_req, res) => {
      res.writeHead(502, { 'Content-Type': 'text/html' });
      res.end('<h1>Bad gateway</h1>');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(async () => {
    globalThis.fetch = realFetch;
    await i18next.changeLanguage('en');
    await new Promise((resolve) => server.close(resolve));
  });

  /** The dashboard's relative /admin/api URLs, sent to `base` as the browser sends them to the page's origin. */
  const servedFrom = (base: string) => {
    globalThis.fetch = (input, init) => realFetch(`${base}${String(input)}`, init);
  };
  const failure = async (language: string): Promise<ApiError> => {
    await i18next.changeLanguage(language);
    return apiGet('/overview').then(
      () => assert.fail('answered'),
      (error: unknown) => error as ApiError,
    );
  };

  test('Aula not answering', async () => {
    servedFrom('http://127.0.0.1:1');
    assert.equal((await failure('es')).message, 'Aula no responde. ¿Sigue en marcha el colector?');
    const english = await failure('en');
    assert.equal(english.message, 'Aula is not answering. Is the collector still running?');
    assert.equal(english.reason, 'unreachable');
  });

  test('an answer without an error of the server', async () => {
    servedFrom(origin);
    assert.equal((await failure('es')).message, 'Aula ha respondido 502.');
    const english = await failure('en');
    assert.equal(english.message, 'Aula answered 502.');
    assert.equal(english.status, 502);
  });
});
