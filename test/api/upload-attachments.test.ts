import assert from 'node:assert/strict';
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { normalizeSettingsFor } from '../../server/export/export-options.js';
import type { Collector } from '../../server/index.js';
import { ensurePseudonymSalt } from '../../server/normalize/pseudonym.js';
import { uploadStatements } from '../../server/upload/uploader.js';
import { startTestCollector } from '../support/collector.js';
import { type LearningLocker, startLearningLocker } from '../support/learning-locker.js';
import { type LrsRequest, startScriptedLrs } from '../support/scripted-lrs.js';
import { statement, xapiEndpoint } from './xapi-support.js';

// Learning Locker's statements service (xapi-statements@5.0.1), which stores attachment data (xapi.md §12.1).
let lrs: LearningLocker;
let collector: Collector;
before(async () => {
  lrs = await startLearningLocker();
  collector = await startTestCollector();
});
after(async () => {
  await collector?.close();
  await lrs?.stop();
});

const auth = `Basic ${Buffer.from('key:secret').toString('base64')}`;

test("an xAPI game's attachment data reaches the central LRS with its statement on upload; statements without any go as before", async () => {
  const xapi = xapiEndpoint(collector, 'Drawing lesson');
  // Text: Learning Locker's service reads parts as UTF-8 strings, so it would store binary data changed.
  const picture = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><circle r="4"/></svg>');
  const sha2 = createHash('sha256').update(picture).digest('hex');
  const withPicture = statement({
    id: randomUUID(),
    attachments: [{ usageType: 'http://id.tincanapi.com/attachment/supporting_media', display: { 'en-US': 'drawing' }, contentType: 'image/svg+xml', length: picture.length, sha2 }],
  });
  const plain = statement({ id: randomUUID() });
  const body = Buffer.concat([
    Buffer.from(`--b\r\nContent-Type: application/json\r\n\r\n${JSON.stringify([withPicture, plain])}\r\n`),
    Buffer.from(`--b\r\nContent-Type: image/svg+xml\r\nContent-Transfer-Encoding: binary\r\nX-Experience-API-Hash: ${sha2}\r\n\r\n`),
    picture,
    Buffer.from('\r\n--b--\r\n'),
  ]);
  const posted = await xapi.call('statements', { method: 'POST', body: new Uint8Array(body), headers: { 'Content-Type': 'multipart/mixed; boundary=b' } });
  assert.equal(posted.status, 200, posted.text);

  const db = collector.context.db;
  const summary = await uploadStatements(db, {
    target: { endpoint: lrs.endpoint, username: 'key', password: 'secret' },
    filters: {},
    batchSize: 100,
    settings: normalizeSettingsFor(db, collector.context.homePage, { actors: 'per-player', pseudonymize: false }, undefined),
    write: (job) => collector.context.writer.run(job),
    retryDelays: [10],
  });
  assert.deepEqual([summary.sent, summary.rejected, summary.conflicts], [2, 0, 0], JSON.stringify(summary.problems));

  // Learning Locker writes the data to its storage after it answers the POST, and a GET with attachments before the
  // file is whole fails (500, or the connection closed). On a loaded machine that write once took over 5 s, and the
  // full suite's runs failed twice in the read-back, so the read-back waits for the file itself (30 s at most).
  const stored = await storedAttachment(lrs.storageDir, sha2, picture.length, 30_000);
  assert.ok(stored, `Learning Locker did not store the attachment within 30 s. Its output:\n${lrs.output()}`);
  let upstream: Response | undefined;
  let lastTry = '';
  for (const giveUp = performance.now() + 10_000; upstream?.status !== 200 && performance.now() < giveUp; ) {
    if (lastTry) await new Promise((resolve) => setTimeout(resolve, 100));
    // It may also close the connection after such a 500: the next try opens another.
    upstream = await fetch(`${lrs.endpoint}/statements?statementId=${withPicture.id as string}&attachments=true`, {
      headers: { 'X-Experience-API-Version': '1.0.3', Authorization: auth, Connection: 'close' },
    }).catch((error: unknown) => {
      lastTry = String((error as Error).cause ?? error);
      return undefined;
    });
    if (upstream) lastTry = `status ${upstream.status}`;
  }
  assert.ok(upstream, `Learning Locker's last answer: ${lastTry}\nIts output:\n${lrs.output()}`);
  assert.equal(upstream.status, 200, lrs.output());
  assert.match(upstream.headers.get('content-type') ?? '', /^multipart\/mixed/);
  const raw = Buffer.from(await upstream.arrayBuffer());
  assert.ok(raw.includes(Buffer.concat([Buffer.from('\r\n\r\n'), picture, Buffer.from('\r\n')])), raw.toString('latin1'));
  const plainUpstream = await fetch(`${lrs.endpoint}/statements?statementId=${plain.id as string}`, {
    headers: { 'X-Experience-API-Version': '1.0.3', Authorization: auth },
  });
  assert.equal(plainUpstream.status, 200);
});

// Attachment data cannot be pseudonymised (and a signature's JWS holds the real actor): a pseudonymised upload sends the
// statement without the attachments Aula holds data of, as plain JSON, and keeps a fileUrl-only one.
test('a pseudonymised upload leaves attachment data and signatures out, and keeps attachments that are only a fileUrl', async () => {
  const xapi = xapiEndpoint(collector, 'Pseudonymised drawings');
  const drawing = Buffer.from('a drawing with the student\'s face');
  const sha2 = createHash('sha256').update(drawing).digest('hex');
  const linked = { usageType: 'http://id.tincanapi.com/attachment/supporting_media', display: { 'en-US': 'link' }, contentType: 'text/plain', length: 1, sha2: 'ab'.repeat(32), fileUrl: 'http://example.com/a.txt' };
  const sent = statement({
    id: randomUUID(),
    attachments: [{ usageType: 'http://id.tincanapi.com/attachment/supporting_media', display: { 'en-US': 'drawing' }, contentType: 'text/plain', length: drawing.length, sha2 }, linked],
  });
  const body = Buffer.concat([
    Buffer.from(`--b\r\nContent-Type: application/json\r\n\r\n${JSON.stringify(sent)}\r\n`),
    Buffer.from(`--b\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: binary\r\nX-Experience-API-Hash: ${sha2}\r\n\r\n`),
    drawing,
    Buffer.from('\r\n--b--\r\n'),
  ]);
  assert.equal((await xapi.call('statements', { method: 'POST', body: new Uint8Array(body), headers: { 'Content-Type': 'multipart/mixed; boundary=b' } })).status, 200);
  const received: LrsRequest[] = [];
  const scripted = await startScriptedLrs((request, send) => {
    received.push(request);
    send(200, request.statements().map((one) => one.id));
  });
  try {
    const db = collector.context.db;
    const summary = await uploadStatements(db, {
      target: { endpoint: scripted.endpoint, username: 'key', password: 'secret' },
      filters: { activity: xapi.trackingCode },
      batchSize: 100,
      settings: normalizeSettingsFor(db, collector.context.homePage, { actors: 'per-player', pseudonymize: true }, await collector.context.writer.run(ensurePseudonymSalt)),
      write: (job) => collector.context.writer.run(job),
      retryDelays: [10],
    });
    assert.equal(summary.sent, 1, JSON.stringify(summary.problems));
    assert.equal(received.length, 1);
    assert.ok(!received[0]?.body.includes(drawing), 'the drawing was not sent');
    const [upstream] = received[0]?.statements() ?? [];
    assert.deepEqual(upstream?.attachments, [linked]);
  } finally {
    await scripted.close();
  }
});

/** The file Learning Locker stored a sha2's data in (`<lrs>/attachments/<sha2>.<extension>`), once it has all its bytes. */
async function storedAttachment(storageDir: string, sha2: string, length: number, waitMs: number): Promise<string | undefined> {
  for (const giveUp = performance.now() + waitMs; performance.now() < giveUp; ) {
    const found = (fs.existsSync(storageDir) ? fs.readdirSync(storageDir, { recursive: true, encoding: 'utf8' }) : [])
      .filter((name) => path.basename(name).startsWith(`${sha2}.`))
      .map((name) => path.join(storageDir, name))
      .find((file) => fs.statSync(file).size === length);
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return undefined;
}
