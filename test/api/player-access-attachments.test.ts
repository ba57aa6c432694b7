import assert from 'node:assert/strict';
import { createHash, randomUUID } from 'node:crypto';
import { test } from 'node:test';
import { startTestCollector } from '../support/collector.js';
import { request } from '../support/http.js';
import { statement, xapiEndpoint } from './xapi-support.js';

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

// A drawing or a recording an xAPI game sent with a student's statement is held by Aula as much as the statement is:
// an access request's answer gives it too, not only the statement that names it.
test("the access report holds the attachment data of the player's xAPI statements, and not another player's", async () => {
  const collector = await startTestCollector();
  const xapi = xapiEndpoint(collector, 'Drawings');
  const drawing = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff, 0x0d, 0x0a, 0x01]);
  const other = Buffer.from('another student’s drawing');
  const attachment = (data: Buffer) => ({
    usageType: 'http://id.tincanapi.com/attachment/supporting_media',
    display: { 'en-US': 'drawing' },
    contentType: 'image/png',
    length: data.length,
    sha2: sha256(data),
  });
  const anas = statement({ id: randomUUID(), attachments: [attachment(drawing)] });
  const bens = statement({ id: randomUUID(), actor: { objectType: 'Agent', name: 'Ben', mbox: 'mailto:ben@example.com' }, attachments: [attachment(other)] });
  const chunks: Buffer[] = [Buffer.from(`--b\r\nContent-Type: application/json\r\n\r\n${JSON.stringify([anas, bens])}\r\n`)];
  for (const data of [drawing, other]) {
    chunks.push(Buffer.from(`--b\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: binary\r\nX-Experience-API-Hash: ${sha256(data)}\r\n\r\n`), data, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from('--b--\r\n'));
  const posted = await xapi.call('statements', { method: 'POST', body: new Uint8Array(Buffer.concat(chunks)), headers: { 'Content-Type': 'multipart/mixed; boundary=b' } });
  assert.equal(posted.status, 200, posted.text);

  const ana = collector.context.db.prepare("SELECT id FROM players WHERE xapi_name = 'Ana'").get() as { id: string };
  const answer = await request(`${collector.url}/admin/api/players/${ana.id}/access`);
  assert.equal(answer.status, 200, answer.text);
  const report = JSON.parse(answer.text) as {
    statements: unknown[];
    attachments?: Array<{ sha2: string; contentType: string; statements: string[]; data: string }>;
    about: Record<string, string>;
  };
  assert.equal(report.statements.length, 1);
  assert.deepEqual(
    report.attachments?.map((one) => ({ ...one, data: Buffer.from(one.data, 'base64') })),
    [{ sha2: sha256(drawing), contentType: 'image/png', length: drawing.length, statements: [anas.id], data: drawing }],
  );
  assert.ok(report.about.attachments, 'the report says what the attachments are');
  await collector.close();
});
