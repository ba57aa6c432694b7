import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { it } from 'node:test';
import { startTestCollector } from '../support/collector.js';
import { statement, xapiEndpoint } from './xapi-support.js';

type Json = Record<string, unknown>;

/** UTF-16 big-endian: Node writes only little-endian, so the pairs are swapped. */
const utf16be = (text: string) => Buffer.from(text, 'utf16le').swap16();

// A .NET game given Encoding.Unicode sends `charset=utf-16`, little-endian, without a byte-order mark; Learning Locker
// decodes it. Read as UTF-8 it was "not valid JSON" (every other byte is a zero).
it('statements sent in UTF-16 (a declared charset, or a byte-order mark) are stored as the text they are', async () => {
  const collector = await startTestCollector();
  const xapi = xapiEndpoint(collector, 'UTF-16 game');
  const name = 'Añá 学生 😀';
  const bodies: Array<[string, Buffer]> = [
    ['application/json; charset=utf-16', Buffer.from(JSON.stringify(statement({ id: randomUUID(), actor: { name, mbox: 'mailto:a@example.com' } })), 'utf16le')],
    ['application/json; charset=UTF-16LE', Buffer.from(JSON.stringify(statement({ id: randomUUID(), actor: { name, mbox: 'mailto:b@example.com' } })), 'utf16le')],
    ['application/json', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(JSON.stringify(statement({ id: randomUUID(), actor: { name, mbox: 'mailto:c@example.com' } })))])],
    ['application/json', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(JSON.stringify(statement({ id: randomUUID(), actor: { name, mbox: 'mailto:d@example.com' } })), 'utf16le')])],
    // Labelled UTF-16 but sent as UTF-8, as some clients do: read as what it is.
    ['application/json; charset=utf-16', Buffer.from(JSON.stringify(statement({ id: randomUUID(), actor: { name, mbox: 'mailto:e@example.com' } })))],
  ];
  for (const [type, body] of bodies) {
    const answer = await xapi.call('statements', { method: 'POST', body: new Uint8Array(body), headers: { 'Content-Type': type } });
    assert.equal(answer.status, 200, `${type}: ${answer.text}`);
  }
  const multipart = Buffer.concat([
    Buffer.from('--b\r\nContent-Type: application/json; charset=utf-16\r\n\r\n'),
    Buffer.from(JSON.stringify(statement({ actor: { name, mbox: 'mailto:f@example.com' } })), 'utf16le'),
    Buffer.from('\r\n--b--\r\n'),
  ]);
  const posted = await xapi.call('statements', { method: 'POST', body: new Uint8Array(multipart), headers: { 'Content-Type': 'multipart/mixed; boundary=b' } });
  assert.equal(posted.status, 200, posted.text);
  const stored = (await xapi.call('statements')).json as { statements: Json[] };
  assert.deepEqual(
    stored.statements.map((one) => (one.actor as Json).name),
    Array(6).fill(name),
  );
});
