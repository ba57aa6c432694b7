import assert from 'node:assert/strict';
import { createHash, generateKeyPairSync, randomUUID, sign } from 'node:crypto';
import { describe, it } from 'node:test';
import { serveConfig } from '../../server/cli/serve-config.js';
import { configFromEnv, parseConfig } from '../../server/config.js';
import { erasureJob } from '../../server/erasure/run-erasure.js';
import { startTestCollector, useTestCollector } from '../support/collector.js';
import { request } from '../support/http.js';
import { tempDir } from '../support/temp-dir.js';
import { statement, XAPI, type XapiEndpoint, xapiEndpoint } from './xapi-support.js';

type Json = Record<string, unknown>;

const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');
const SIGNATURE = 'http://adlnet.gov/expapi/attachments/signature';
const SUPPORTING = 'http://id.tincanapi.com/attachment/supporting_media';

function attachment(data: Buffer, overrides: Json = {}): Json {
  return {
    usageType: SUPPORTING,
    display: { 'en-US': 'drawing' },
    contentType: 'image/png',
    length: data.length,
    sha2: sha256(data),
    ...overrides,
  };
}

/** A multipart/mixed body as the spec lays it out: the statements, then one part per attachment's data. */
function multipart(statements: unknown, parts: Array<{ data: Buffer; hash?: string; type?: string }>, boundary = 'b0undary'): Buffer {
  const chunks: Buffer[] = [Buffer.from(`--${boundary}\r\nContent-Type: application/json\r\n\r\n${JSON.stringify(statements)}\r\n`)];
  for (const part of parts) {
    const hash = part.hash ?? sha256(part.data);
    chunks.push(
      Buffer.from(`--${boundary}\r\nContent-Type: ${part.type ?? 'image/png'}\r\nContent-Transfer-Encoding: binary\r\nX-Experience-API-Hash: ${hash}\r\n\r\n`),
      part.data,
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(chunks);
}

function postMultipart(xapi: XapiEndpoint, body: Buffer, boundary = 'b0undary') {
  return xapi.call('statements', { method: 'POST', body: new Uint8Array(body), headers: { 'Content-Type': `multipart/mixed; boundary=${boundary}` } });
}

/** The parts of a multipart/mixed answer, by the boundary its Content-Type names. */
async function readParts(response: Response): Promise<Array<{ headers: Record<string, string>; body: Buffer }>> {
  const boundary = /boundary=([^;]+)/.exec(response.headers.get('content-type') ?? '')?.[1];
  assert.ok(boundary, response.headers.get('content-type') ?? 'no content type');
  const raw = Buffer.from(await response.arrayBuffer());
  const parts: Array<{ headers: Record<string, string>; body: Buffer }> = [];
  let at = raw.indexOf(`--${boundary}`);
  for (;;) {
    const start = at + boundary.length + 4;
    if (raw.subarray(at + boundary.length + 2, start).toString() === '--') break;
    const next = raw.indexOf(`\r\n--${boundary}`, start);
    const part = raw.subarray(start, next);
    const split = part.indexOf('\r\n\r\n');
    const headers = Object.fromEntries(
      part
        .subarray(0, split)
        .toString('latin1')
        .split('\r\n')
        .map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]),
    );
    parts.push({ headers, body: part.subarray(split + 4) });
    at = next + 2;
  }
  return parts;
}

function getWithAttachments(xapi: XapiEndpoint, query: string): Promise<Response> {
  return fetch(`${xapi.endpoint}statements?${query}`, { headers: { Authorization: xapi.auth, 'X-Experience-API-Version': '1.0.3' } });
}

const storedCount = async (xapi: XapiEndpoint) => ((await xapi.call('statements')).json as { statements: unknown[] }).statements.length;

describe('/xapi: attachments sent as raw data (multipart/mixed)', () => {
  const collector = useTestCollector();

  it('a game sends a statement with a picture through @xapi/xapi; GET with attachments=true gives back the same bytes, without it plain JSON', async () => {
    const xapi = xapiEndpoint(collector.current, 'Drawing game');
    const picture = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff, 0x10, 0x0d, 0x0a, 0x2d, 0x2d]);
    // Its fetch adapter: the default one (axios) sends a Blob body as application/octet-stream under Node, whatever
    // Content-Type the client sets, which no LRS can read as multipart/mixed.
    const client = new XAPI({ endpoint: xapi.endpoint, auth: xapi.auth, adapter: 'fetch' });
    const sent = statement({ id: randomUUID(), attachments: [attachment(picture)] });
    const answer = await client.sendStatement({
      statement: sent as never,
      attachments: [picture.buffer.slice(picture.byteOffset, picture.byteOffset + picture.length) as ArrayBuffer],
    });
    assert.equal(answer.status, 200);

    const single = await getWithAttachments(xapi, `statementId=${sent.id as string}&attachments=true`);
    assert.equal(single.status, 200);
    assert.match(single.headers.get('content-type') ?? '', /^multipart\/mixed; boundary=/);
    const [json, data, ...more] = await readParts(single);
    assert.equal(json?.headers['content-type'], 'application/json');
    assert.equal((JSON.parse(json?.body.toString() ?? '{}') as Json).id, sent.id);
    assert.deepEqual(data?.headers, { 'content-type': 'image/png', 'content-transfer-encoding': 'binary', 'x-experience-api-hash': sha256(picture) });
    assert.deepEqual(data?.body, picture);
    assert.equal(more.length, 0);

    const query = await getWithAttachments(xapi, 'attachments=true');
    const [page, pageData] = await readParts(query);
    assert.equal((JSON.parse(page?.body.toString() ?? '{}') as { statements: unknown[] }).statements.length, 1);
    assert.deepEqual(pageData?.body, picture);

    const plain = await xapi.call(`statements?statementId=${sent.id as string}`);
    assert.match(plain.headers.get('content-type') ?? '', /^application\/json/);
    assert.deepEqual((plain.json as Json).attachments, sent.attachments);
  });

  it('statements sharing one sha2 are sent one part; a fileUrl attachment needs none, and may come with one', async () => {
    const xapi = xapiEndpoint(collector.current, 'Shared picture');
    const picture = Buffer.from('one picture for two statements');
    const linked = Buffer.from('a file the statement also links to');
    const statements = [
      statement({ attachments: [attachment(picture)] }),
      statement({ attachments: [attachment(picture), attachment(Buffer.from('elsewhere'), { fileUrl: 'http://example.com/elsewhere.png' })] }),
      statement({ attachments: [attachment(linked, { fileUrl: 'http://example.com/linked.png' })] }),
    ];
    const posted = await postMultipart(xapi, multipart(statements, [{ data: picture }, { data: linked }]));
    assert.equal(posted.status, 200, posted.text);
    const [, ...parts] = await readParts(await getWithAttachments(xapi, 'attachments=true&ascending=true'));
    assert.deepEqual(parts.map((part) => part.body.toString()).sort(), [linked.toString(), picture.toString()].sort());
  });

  it('parts and attachments that do not match are refused with 400 naming the problem, and nothing is stored', async () => {
    const xapi = xapiEndpoint(collector.current, 'Mismatches');
    const picture = Buffer.from('the picture');
    const other = Buffer.from('another picture');
    const cases: Array<[Buffer, RegExp]> = [
      [
        multipart([statement({ attachments: [attachment(picture)] })], []),
        /^Statement 0 is invalid: \/attachments\/0 has no fileUrl, and the request has no multipart\/mixed part with X-Experience-API-Hash [0-9a-f]{64}$/,
      ],
      [
        multipart([statement({ attachments: [attachment(picture)] })], [{ data: picture }, { data: other }]),
        /^The multipart\/mixed part with X-Experience-API-Hash [0-9a-f]{64} matches no attachment's sha2 in the statements$/,
      ],
      [
        multipart([statement({ attachments: [attachment(picture)] })], [{ data: other, hash: sha256(picture) }]),
        /^Part 1 of the multipart\/mixed body: its data does not have the hash [0-9a-f]{64} it names$/,
      ],
      [
        Buffer.from(
          `--b0undary\r\nContent-Type: application/json\r\n\r\n${JSON.stringify(statement({ attachments: [attachment(picture)] }))}\r\n--b0undary\r\nContent-Type: image/png\r\n\r\nthe picture\r\n--b0undary--\r\n`,
        ),
        /^Part 1 of the multipart\/mixed body has no X-Experience-API-Hash header/,
      ],
    ];
    for (const [body, message] of cases) {
      const answer = await postMultipart(xapi, body);
      assert.equal(answer.status, 400, answer.text);
      assert.match((answer.json as { message: string }).message, message);
    }
    const asJson = await xapi.call('statements', { method: 'POST', body: JSON.stringify(statement({ attachments: [attachment(picture)] })) });
    assert.equal(asJson.status, 400);
    assert.match((asJson.json as { message: string }).message, /has no fileUrl, and the request has no multipart\/mixed part/);
    assert.equal(await storedCount(xapi), 0);
  });

  // The part's Content-Type is given back as a header line of GET ?attachments=true and of uploads to an LRS: a bare line
  // feed or carriage return in it (the part's head is split only at CRLF) would add header lines there, for every reader.
  it('a part whose Content-Type holds a bare line break or another control character is refused with 400, and nothing is stored', async () => {
    const xapi = xapiEndpoint(collector.current, 'Injected part headers');
    const picture = Buffer.from('a picture');
    for (const type of ['image/png\nX-Injected: yes', 'image/png\rX-Injected: yes', 'image/png\u0000']) {
      const answer = await postMultipart(xapi, multipart([statement({ attachments: [attachment(picture)] })], [{ data: picture, type }]));
      assert.equal(answer.status, 400, answer.text);
      assert.equal((answer.json as { message: string }).message, 'Part 1 of the multipart/mixed body has a Content-Type with a control character (a line break), which no header may hold');
    }
    assert.equal(await storedCount(xapi), 0);
  });

  it('a signed statement (JWS, RS256) is stored with its signature; another algorithm or a payload of another statement is 400', async () => {
    const xapi = xapiEndpoint(collector.current, 'Signed');
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const jws = (payload: Json, alg = 'RS256') => {
      const head = Buffer.from(JSON.stringify({ alg })).toString('base64url');
      const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
      const signature = alg === 'RS256' ? sign('sha256', Buffer.from(`${head}.${body}`), privateKey).toString('base64url') : 'c2lnbmF0dXJl';
      return Buffer.from(`${head}.${body}.${signature}`);
    };
    const signed = (payload: Json, alg?: string) => {
      const signature = jws(payload, alg);
      const body = { ...payload, attachments: [attachment(signature, { usageType: SIGNATURE, contentType: 'application/octet-stream' })] };
      return multipart(body, [{ data: signature, type: 'application/octet-stream' }]);
    };
    const good = statement({ id: randomUUID() });
    const stored = await postMultipart(xapi, signed(good));
    assert.equal(stored.status, 200, stored.text);
    const [, signature] = await readParts(await getWithAttachments(xapi, `statementId=${good.id as string}&attachments=true`));
    assert.equal(signature?.body.toString().split('.').length, 3);

    const hs256 = await postMultipart(xapi, signed(statement({ id: randomUUID() }), 'HS256'));
    assert.equal(hs256.status, 400);
    assert.match((hs256.json as { message: string }).message, /signature with algorithm HS256: xAPI allows RS256, RS384 and RS512/);
    const signature2 = jws(statement({ verb: { id: 'http://adlnet.gov/expapi/verbs/passed' } }));
    const other = statement({ attachments: [attachment(signature2, { usageType: SIGNATURE, contentType: 'application/octet-stream' })] });
    const mismatch = await postMultipart(xapi, multipart(other, [{ data: signature2, type: 'application/octet-stream' }]));
    assert.equal(mismatch.status, 400);
    assert.match((mismatch.json as { message: string }).message, /is a signature whose payload is not this statement/);
    assert.equal(await storedCount(xapi), 1);
  });

  it('durations are compared to 0.01 s: a signature of PT1.12S signs a statement of PT1.1237S, and a re-send with PT1.1239S is the same statement', async () => {
    const xapi = xapiEndpoint(collector.current, 'Durations');
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const signedAs = statement({ id: randomUUID(), result: { duration: 'PT1.12S' } });
    const head = Buffer.from(JSON.stringify({ alg: 'RS256' })).toString('base64url');
    const payload = Buffer.from(JSON.stringify(signedAs)).toString('base64url');
    const jws = Buffer.from(`${head}.${payload}.${sign('sha256', Buffer.from(`${head}.${payload}`), privateKey).toString('base64url')}`);
    const sent = {
      ...signedAs,
      result: { duration: 'PT1.1237S' },
      attachments: [attachment(jws, { usageType: SIGNATURE, contentType: 'application/octet-stream' })],
    };
    const stored = await postMultipart(xapi, multipart(sent, [{ data: jws, type: 'application/octet-stream' }]));
    assert.equal(stored.status, 200, stored.text);
    const again = await xapi.call(`statements?statementId=${signedAs.id as string}`, {
      method: 'PUT',
      body: JSON.stringify({ ...signedAs, result: { duration: 'PT1.1239S' } }),
    });
    assert.equal(again.status, 204, again.text);
    const different = await xapi.call(`statements?statementId=${signedAs.id as string}`, {
      method: 'PUT',
      body: JSON.stringify({ ...signedAs, result: { duration: 'PT1.13S' } }),
    });
    assert.equal(different.status, 409, different.text);
  });

  it("erasing a player removes the data only that player's statements named; data another player's statement names stays", async () => {
    const xapi = xapiEndpoint(collector.current, 'Erasure');
    const ana = { objectType: 'Agent', mbox: 'mailto:ana@school.org' };
    const ben = { objectType: 'Agent', mbox: 'mailto:ben@school.org' };
    const anasOwn = Buffer.from("ana's drawing");
    const shared = Buffer.from('the class picture');
    const posted = await postMultipart(
      xapi,
      multipart(
        [statement({ actor: ana, attachments: [attachment(anasOwn), attachment(shared)] }), statement({ actor: ben, attachments: [attachment(shared)] })],
        [{ data: anasOwn }, { data: shared }],
      ),
    );
    assert.equal(posted.status, 200, posted.text);
    const ctx = collector.current.context;
    await ctx.writer.run(erasureJob({ player: 'ana@school.org' }, 'test', new Date().toISOString()));
    const [, ...parts] = await readParts(await getWithAttachments(xapi, 'attachments=true'));
    assert.deepEqual(
      parts.map((part) => part.body.toString()),
      [shared.toString()],
    );
    const kept = ctx.db.prepare('SELECT sha2 FROM xapi_attachments WHERE sha2 IN (?, ?)').all(sha256(anasOwn), sha256(shared)) as Json[];
    assert.deepEqual(
      kept.map((row) => row.sha2),
      [sha256(shared)],
    );
  });
});

it("an activity's attachments are capped (xapiAttachmentBytesPerActivity): over it, 413 saying so, and nothing of the request is stored", async () => {
  const collector = await startTestCollector({ config: { xapiAttachmentBytesPerActivity: 1000 } });
  const xapi = xapiEndpoint(collector, 'Capped');
  const first = Buffer.alloc(600, 1);
  const second = Buffer.alloc(600, 2);
  assert.equal((await postMultipart(xapi, multipart(statement({ attachments: [attachment(first)] }), [{ data: first }]))).status, 200);
  // The same data again takes no more room.
  assert.equal((await postMultipart(xapi, multipart(statement({ attachments: [attachment(first)] }), [{ data: first }]))).status, 200);
  const over = await postMultipart(xapi, multipart(statement({ attachments: [attachment(second)] }), [{ data: second }]));
  assert.equal(over.status, 413, over.text);
  assert.match((over.json as { message: string }).message, /attachments of this activity's statements would take more than/);
  assert.equal(await storedCount(xapi), 2);
  const rows = collector.context.db.prepare('SELECT count(*) AS n FROM xapi_attachments').get() as { n: number };
  assert.equal(rows.n, 1);
  await request(`${collector.url}/xapi/about`);
});

it('AULA_XAPI_ATTACHMENTS_MB sets the cap in MiB (256 by default); a wrong value is refused naming the variable', () => {
  assert.equal(parseConfig({ dataDir: 'x', ...configFromEnv({ AULA_XAPI_ATTACHMENTS_MB: '1024' }) }).xapiAttachmentBytesPerActivity, 1024 * 1024 * 1024);
  assert.equal(parseConfig({ dataDir: 'x' }).xapiAttachmentBytesPerActivity, 256 * 1024 * 1024);
  assert.throws(
    () => serveConfig({ dataDir: tempDir() }, { AULA_XAPI_ATTACHMENTS_MB: '1GB' }),
    /AULA_XAPI_ATTACHMENTS_MB must be a whole number of MiB, 0 or more, not "1GB"/,
  );
});
