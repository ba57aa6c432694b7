import assert from 'node:assert/strict';
import { createHash, randomUUID } from 'node:crypto';
import path from 'node:path';
import { test } from 'node:test';
import { exportOptionsSchema } from '../../server/export/export-options.js';
import { exportToFile } from '../../server/export/export-to.js';
import { ATTACHMENTS_FILE } from '../../server/export/zip-bundle.js';
import { importBundle } from '../../server/import/import-bundle.js';
import type { Collector } from '../../server/index.js';
import { activeXapiCredential } from '../../server/store/xapi-credentials-repo.js';
import { bundleEntry, bundleWithEntry } from '../support/bundle-entries.js';
import { startTestCollector } from '../support/collector.js';
import { tempDir } from '../support/temp-dir.js';
import { statement, xapiEndpoint } from './xapi-support.js';

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

function multipart(statements: unknown, parts: Buffer[]): Uint8Array<ArrayBuffer> {
  const chunks: Buffer[] = [Buffer.from(`--b\r\nContent-Type: application/json\r\n\r\n${JSON.stringify(statements)}\r\n`)];
  for (const data of parts) {
    chunks.push(Buffer.from(`--b\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: binary\r\nX-Experience-API-Hash: ${sha256(data)}\r\n\r\n`), data, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from('--b--\r\n'));
  return new Uint8Array(Buffer.concat(chunks));
}

/** GET ?statementId=…&attachments=true on the importing laptop, with the imported activity's own xAPI credentials. */
async function withAttachments(laptop: Collector, activityName: string, statementId: string): Promise<Response> {
  const activity = laptop.context.db.prepare('SELECT id FROM activities WHERE name = ?').get(activityName) as { id: string };
  const credential = activeXapiCredential(laptop.context.db, activity.id);
  assert.ok(credential);
  return fetch(`${laptop.url}/xapi/statements?statementId=${statementId}&attachments=true`, {
    headers: { 'X-Experience-API-Version': '1.0.3', Authorization: `Basic ${Buffer.from(`${credential.key}:${credential.secret}`).toString('base64')}` },
  });
}

const attachment = (data: Buffer) => ({ usageType: 'http://id.tincanapi.com/attachment/supporting_media', display: { 'en-US': 'drawing' }, contentType: 'image/png', length: data.length, sha2: sha256(data) });

// The classroom laptop's bundle goes to the researcher's Aula, which uploads to the LRS: the data must travel with it.
test("a bundle carries the attachment data of its xAPI statements, and importing it gives the same bytes on the other laptop's GET", async () => {
  const laptopA = await startTestCollector();
  const xapi = xapiEndpoint(laptopA, 'Drawings');
  const drawing = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff, 0x0d, 0x0a]);
  const sent = statement({ id: randomUUID(), attachments: [attachment(drawing)] });
  const posted = await xapi.call('statements', { method: 'POST', body: multipart([sent, statement()], [drawing]), headers: { 'Content-Type': 'multipart/mixed; boundary=b' } });
  assert.equal(posted.status, 200, posted.text);
  const bundle = path.join(tempDir('aula-bundle-'), 'laptop-a.zip');
  await exportToFile(laptopA.config.dataDir, laptopA.context.homePage, exportOptionsSchema.parse({ format: 'zip' }), bundle, undefined);
  await laptopA.close();

  const laptopB = await startTestCollector();
  const report = await importBundle(bundle, { write: (job) => laptopB.context.writer.run(job) });
  assert.equal(report.added.statements, 2);
  const answer = await withAttachments(laptopB, 'Drawings', sent.id as string);
  assert.equal(answer.status, 200);
  const raw = Buffer.from(await answer.arrayBuffer());
  assert.ok(raw.includes(Buffer.concat([Buffer.from(`X-Experience-API-Hash: ${sha256(drawing)}\r\n\r\n`), drawing, Buffer.from('\r\n--')])), raw.toString('latin1'));
  await laptopB.close();
});

// The content type goes into a part's header in GET ?attachments=true and in uploads: a bundle edited by hand must not
// be able to add header lines (or end the part's head early) there.
test("an attachment whose content type in a bundle holds a line break is left out and said so; its statement is imported", async () => {
  const laptopA = await startTestCollector();
  const xapi = xapiEndpoint(laptopA, 'Edited drawings');
  const drawing = Buffer.from('a drawing');
  const sent = statement({ id: randomUUID(), attachments: [attachment(drawing)] });
  const posted = await xapi.call('statements', { method: 'POST', body: multipart([sent], [drawing]), headers: { 'Content-Type': 'multipart/mixed; boundary=b' } });
  assert.equal(posted.status, 200, posted.text);
  const exported = path.join(tempDir('aula-bundle-'), 'laptop-a.zip');
  await exportToFile(laptopA.config.dataDir, laptopA.context.homePage, exportOptionsSchema.parse({ format: 'zip' }), exported, undefined);
  await laptopA.close();
  const rows = String(await bundleEntry(exported, ATTACHMENTS_FILE)).replace('"content_type":"image/png"', '"content_type":"image/png\\r\\nX-Injected: yes"');
  assert.match(rows, /X-Injected/);
  const edited = await bundleWithEntry(exported, ATTACHMENTS_FILE, Buffer.from(rows), true);

  const laptopB = await startTestCollector();
  const report = await importBundle(edited, { write: (job) => laptopB.context.writer.run(job) });
  assert.equal(report.added.statements, 1);
  assert.deepEqual(
    report.notes.filter((note) => note.type === 'skipped').map((note) => [note.id, note.message]),
    [[sent.id, `its attachment ${sha256(drawing)} has a content type with control characters (line breaks), which no header may hold`]],
  );
  const answer = await withAttachments(laptopB, 'Edited drawings', sent.id as string);
  const raw = Buffer.from(await answer.arrayBuffer()).toString('latin1');
  assert.ok(!raw.includes('X-Injected'), raw);
  await laptopB.close();
});

// A game's part header may carry Latin-1 bytes (a file name with an accent), which Aula stores and gives back as sent:
// the bundle must carry that attachment to the other laptop, not leave it out as if it held a line break.
test("an attachment whose content type a game sent with a Latin-1 byte travels in the bundle and comes back the same", async () => {
  const laptopA = await startTestCollector();
  const xapi = xapiEndpoint(laptopA, 'Named drawings');
  const drawing = Buffer.from('a drawing named café');
  const type = 'image/png; name="café.png"';
  const sent = statement({ id: randomUUID(), attachments: [{ ...attachment(drawing), contentType: type }] });
  const body = Buffer.concat([
    Buffer.from(`--b\r\nContent-Type: application/json\r\n\r\n${JSON.stringify([sent])}\r\n`),
    Buffer.from(`--b\r\nContent-Type: ${type}\r\nContent-Transfer-Encoding: binary\r\nX-Experience-API-Hash: ${sha256(drawing)}\r\n\r\n`, 'latin1'),
    drawing,
    Buffer.from('\r\n--b--\r\n'),
  ]);
  const posted = await xapi.call('statements', { method: 'POST', body: new Uint8Array(body), headers: { 'Content-Type': 'multipart/mixed; boundary=b' } });
  assert.equal(posted.status, 200, posted.text);
  const bundle = path.join(tempDir('aula-bundle-'), 'laptop-a.zip');
  await exportToFile(laptopA.config.dataDir, laptopA.context.homePage, exportOptionsSchema.parse({ format: 'zip' }), bundle, undefined);
  await laptopA.close();

  const laptopB = await startTestCollector();
  const report = await importBundle(bundle, { write: (job) => laptopB.context.writer.run(job) });
  assert.deepEqual(report.notes.filter((note) => note.type === 'skipped'), []);
  const activity = laptopB.context.db.prepare("SELECT id FROM activities WHERE name = 'Named drawings'").get() as { id: string };
  const credential = activeXapiCredential(laptopB.context.db, activity.id);
  assert.ok(credential);
  const answer = await fetch(`${laptopB.url}/xapi/statements?statementId=${sent.id as string}&attachments=true`, {
    headers: { 'X-Experience-API-Version': '1.0.3', Authorization: `Basic ${Buffer.from(`${credential.key}:${credential.secret}`).toString('base64')}` },
  });
  const raw = Buffer.from(await answer.arrayBuffer());
  assert.ok(raw.includes(Buffer.concat([Buffer.from(`Content-Type: ${type}\r\n`, 'latin1')])), raw.toString('latin1'));
  assert.ok(raw.includes(drawing), raw.toString('latin1'));
  await laptopB.close();
});
