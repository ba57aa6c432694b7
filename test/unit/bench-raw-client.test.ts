import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { RawHttpClient } from '../bench/raw-client.js';

/** What the benchmark's load generator reads of an answer has to be what a real HTTP server sent. */
describe("the benchmark's load generator (raw keep-alive HTTP)", () => {
  let server: http.Server;
  let port: number;
  const sockets = new Set<unknown>();
  const received: Array<{ url: string; authorization: string | undefined; body: string }> = [];

  before(async () => {
    server = http.createServer((req, res) => {
      sockets.add(req.socket);
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (chunk: string) => {
        body += chunk;
      });
      req.on('end', () => {
        received.push({ url: req.url ?? '', authorization: req.headers.authorization, body });
        if (body === 'busy') {
          res.writeHead(503, { 'Retry-After': '1', 'Content-Type': 'application/json', 'Content-Length': 27 });
          res.end('{"message":"Server busy."}\n');
        } else if (body === 'slow') {
          // The head and the body in separate packets, the body's in two pieces.
          res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength('{"message":"Succès."}') });
          res.flushHeaders();
          setTimeout(() => res.write('{"message":'), 20);
          setTimeout(() => res.end('"Succès."}'), 40);
        } else {
          const answer = JSON.stringify({ message: 'Success.', length: body.length });
          res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(answer) });
          res.end(answer);
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });

  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('sends the path, headers and body, and reads status, body and Retry-After, on one connection', async () => {
    const client = new RawHttpClient('127.0.0.1', port);
    const body = JSON.stringify([{ verb: { id: 'http://adlnet.gov/expapi/verbs/initialized' }, name: 'ñandú' }]);
    const first = await client.post('/api/collector/track', body, { Authorization: 'token-1' });
    assert.deepEqual(first, { status: 200, body: JSON.stringify({ message: 'Success.', length: body.length }), retryAfter: undefined });
    assert.deepEqual(received.at(-1), { url: '/api/collector/track', authorization: 'token-1', body });

    const refused = await client.post('/api/collector/track', 'busy');
    assert.deepEqual(refused, { status: 503, body: '{"message":"Server busy."}\n', retryAfter: '1' });

    const pieces = await client.post('/api/collector/track', 'slow');
    assert.deepEqual(pieces, { status: 200, body: '{"message":"Succès."}', retryAfter: undefined });
    assert.equal(sockets.size, 1, 'every request went over the same keep-alive connection');
    client.close();
  });

  it('fails the request waiting when the connection is refused', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const unused = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    await assert.rejects(new RawHttpClient('127.0.0.1', unused).post('/', '{}'), /ECONNREFUSED/);
  });
});
