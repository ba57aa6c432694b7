import assert from 'node:assert/strict';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import net from 'node:net';
import { test } from 'node:test';
import { startTestCollector } from '../support/collector.js';
import { adminApi } from '../support/http.js';
import { statement, xapiEndpoint } from './xapi-support.js';

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

// GET with attachments=true sends each attachment's data in its turn, after telling the Content-Length of them all: one
// erased meanwhile (the writer runs beside it) must not be sent as an empty part, which breaks the promised length.
test('an attachment erased while GET ?attachments=true is being sent cuts the answer instead of sending an empty part', async () => {
  const collector = await startTestCollector();
  const xapi = xapiEndpoint(collector, 'Recordings');
  const recording = randomBytes(6 * 1024 * 1024);
  const drawing = Buffer.from('a small drawing');
  const attachment = (data: Buffer) => ({
    usageType: 'http://id.tincanapi.com/attachment/supporting_media',
    display: { 'en-US': 'file' },
    contentType: 'application/octet-stream',
    length: data.length,
    sha2: sha256(data),
  });
  const sent = statement({ id: randomUUID(), attachments: [attachment(recording), attachment(drawing)] });
  const chunks: Buffer[] = [Buffer.from(`--b\r\nContent-Type: application/json\r\n\r\n${JSON.stringify([sent])}\r\n`)];
  for (const data of [recording, drawing]) {
    chunks.push(Buffer.from(`--b\r\nContent-Type: application/octet-stream\r\nContent-Transfer-Encoding: binary\r\nX-Experience-API-Hash: ${sha256(data)}\r\n\r\n`), data, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from('--b--\r\n'));
  const posted = await xapi.call('statements', { method: 'POST', body: new Uint8Array(Buffer.concat(chunks)), headers: { 'Content-Type': 'multipart/mixed; boundary=b' } });
  assert.equal(posted.status, 200, posted.text);

  // A client that does not read yet: the large part waits in the server for room, the small one after it.
  const port = Number(new URL(collector.url).port);
  const socket = net.connect(port, '127.0.0.1');
  socket.pause();
  let received = Buffer.alloc(0);
  socket.on('data', (chunk: Buffer) => {
    received = Buffer.concat([received, chunk]);
  });
  const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
  socket.write(
    `GET /xapi/statements?statementId=${sent.id as string}&attachments=true HTTP/1.1\r\nHost: 127.0.0.1\r\n` +
      `Authorization: ${xapi.auth}\r\nX-Experience-API-Version: 1.0.3\r\n\r\n`,
  );
  await new Promise((resolve) => setTimeout(resolve, 300));

  const ana = collector.context.db.prepare("SELECT public_id AS id FROM players WHERE xapi_name = 'Ana'").get() as { id: string };
  const erased = await adminApi(collector.url, '/erasures', { player: ana.id, confirm: true });
  assert.equal(erased.status, 200, erased.text);
  socket.resume();
  // Cut at once; without the cut the answer "ends" short of its length and the connection stays open.
  await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 10_000))]);
  socket.destroy();

  const text = received.toString('latin1');
  assert.match(text, /^HTTP\/1\.1 200/);
  assert.ok(!text.includes(`X-Experience-API-Hash: ${sha256(drawing)}\r\n\r\n\r\n`), 'no empty part for the erased drawing');
  assert.ok(!text.endsWith('--\r\n'), 'the answer is not closed as if whole');
  await collector.close();
});
