import assert from 'node:assert/strict';
import http from 'node:http';
import net from 'node:net';
import { describe, it } from 'node:test';
import { createAccounts } from '../../server/auth/roster.js';
import type { Collector } from '../../server/index.js';
import { createClass } from '../../server/store/classes-repo.js';
import { startTestCollector } from '../support/collector.js';
import { makeActivity } from '../support/fixtures.js';
import { postJson } from '../support/http.js';
import { startOk } from '../support/rage.js';

/** Issue 9: rate and connection limits, configurable depth and timeouts, and the login limits under hostile input. */

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A request from a chosen loopback address (127.0.0.0/8 is all loopback on Linux), so that limits per address can be seen. */
function from(localAddress: string, collector: Collector, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? '' : JSON.stringify(body);
    const req = http.request(
      {
        host: '127.0.0.1',
        port: collector.port,
        localAddress,
        method: 'POST',
        path,
        agent: false,
        headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload), ...headers },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => {
          text += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

const countSessions = (collector: Collector) => (collector.context.db.prepare('SELECT count(*) AS n FROM sessions').get() as { n: number }).n;

describe('session starts per address (429 + Retry-After)', () => {
  it('refuses the starts over the limit from one address only, and forgives when the minute is over', async () => {
    let clock = Date.parse('2026-11-26T09:00:00.000Z');
    const collector = await startTestCollector({ now: () => clock, config: { startsPerMinutePerAddress: 5 } });
    try {
      const code = makeActivity(collector.context.db, { name: 'Rate' }).trackingCode;
      const path = `/api/collector/start/${code}`;
      for (let i = 0; i < 5; i++) assert.equal((await from('127.0.0.1', collector, path, {})).status, 200);
      clock += 20_000;
      const sessions = countSessions(collector);
      const refused = await from('127.0.0.1', collector, path, {});
      assert.equal(refused.status, 429);
      assert.equal(refused.body, '{"message":"Too many session starts from this address, retry shortly"}');
      assert.equal(refused.headers['retry-after'], '40');
      assert.equal(refused.headers['access-control-allow-origin'], '*', 'CORS on the refusal too (C-10.1)');
      // Refused even with a body the start would reject: nothing is read or written before the limit.
      assert.equal((await from('127.0.0.1', collector, path, '{"anonymous":')).status, 429);
      assert.equal(countSessions(collector), sessions);
      // Another machine is not affected.
      assert.equal((await from('127.0.0.2', collector, path, {})).status, 200);
      clock += 40_000;
      assert.equal((await from('127.0.0.1', collector, path, {})).status, 200);
    } finally {
      await collector.close();
    }
  });

  it('the default lets a whole class start at once from one NAT address', async () => {
    const collector = await startTestCollector();
    try {
      assert.ok(collector.config.startsPerMinutePerAddress >= 300);
      const code = makeActivity(collector.context.db, { name: 'Class' }).trackingCode;
      const answers = await Promise.all(Array.from({ length: 60 }, () => from('127.0.0.1', collector, `/api/collector/start/${code}`, {})));
      assert.deepEqual(new Set(answers.map((a) => a.status)), new Set([200]));
    } finally {
      await collector.close();
    }
  });
});

/** An open keep-alive connection that has had one answer (so the server has counted it). */
async function heldConnection(collector: Collector, localAddress: string): Promise<net.Socket> {
  const socket = net.connect({ host: '127.0.0.1', port: collector.port, localAddress });
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.once('connect', () => socket.write('GET /health HTTP/1.1\r\nHost: aula.test\r\n\r\n'));
    socket.once('data', () => resolve());
  });
  return socket;
}

/** Resolves with what the server sent before closing a fresh connection, or 'open' if it answered a request. */
function fate(collector: Collector, localAddress: string): Promise<'closed' | 'open'> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port: collector.port, localAddress });
    socket.on('error', () => undefined);
    socket.once('connect', () => socket.write('GET /health HTTP/1.1\r\nHost: aula.test\r\n\r\n'));
    socket.once('data', () => {
      socket.destroy();
      resolve('open');
    });
    socket.once('close', () => resolve('closed'));
  });
}

describe('connection limits', () => {
  it('closes connections over the per-address and total limits at once, and accepts again when some close', async () => {
    const collector = await startTestCollector({ config: { maxConnectionsPerAddress: 2, maxConnections: 4 } });
    const held: net.Socket[] = [];
    try {
      held.push(await heldConnection(collector, '127.0.0.1'), await heldConnection(collector, '127.0.0.1'));
      assert.equal(await fate(collector, '127.0.0.1'), 'closed');
      held.push(await heldConnection(collector, '127.0.0.2'), await heldConnection(collector, '127.0.0.2'));
      assert.equal(await fate(collector, '127.0.0.3'), 'closed', 'total limit');
      const released = held.shift() as net.Socket;
      await new Promise<void>((resolve) => {
        released.once('close', () => resolve());
        released.destroy();
      });
      // The server sees the close a little later than the client does.
      let outcome = await fate(collector, '127.0.0.1');
      for (let attempt = 0; outcome === 'closed' && attempt < 50; attempt++) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        outcome = await fate(collector, '127.0.0.1');
      }
      assert.equal(outcome, 'open');
    } finally {
      for (const socket of held) socket.destroy();
      await collector.close();
    }
  });
});

describe('configuration of the limits', () => {
  it('the depth limit is configurable and named in the answer', async () => {
    const collector = await startTestCollector({ config: { jsonDepthLimit: 8 } });
    try {
      const { authToken, actor } = await startOk(collector.url, makeActivity(collector.context.db, { name: 'Depth' }).trackingCode);
      const statement = { actor, verb: { id: 'v' }, object: { id: 'o', definition: { type: 't' } }, timestamp: 't', result: { extensions: { a: [[1]] } } };
      assert.equal((await postJson(`${collector.url}/api/collector/track`, [statement], { Authorization: authToken })).status, 200);
      // [ statement { result { extensions { a: [ [ [ [ [ → nine levels.
      const deeper = JSON.stringify([statement]).replace('[[1]]', '[[[[[1]]]]]');
      const refused = await postJson(`${collector.url}/api/collector/track`, deeper, { Authorization: authToken });
      assert.equal(refused.status, 400);
      assert.equal(refused.text, '{"message":"Request body is nested too deeply (more than 8 levels of arrays and objects)"}');
    } finally {
      await collector.close();
    }
  });

  it('a headers timeout longer than the request timeout is clamped instead of refused by Node', async () => {
    const collector = await startTestCollector({ config: { headersTimeoutMs: 5000, requestTimeoutMs: 1000 } });
    await collector.close();
  });

  it('rejects nonsense limits with a clear message', async () => {
    await assert.rejects(startTestCollector({ config: { startsPerMinutePerAddress: 0 } }), /startsPerMinutePerAddress/);
    await assert.rejects(startTestCollector({ config: { jsonDepthLimit: 2 } }), /jsonDepthLimit/);
  });
});

describe('failed-login limits hold under hostile input (issue 3 limiter)', () => {
  it('hostile bodies neither count as guesses nor reset the count, and letter case or spaces do not dodge it', async () => {
    const collector = await startTestCollector();
    try {
      const { db, writer } = collector.context;
      const klass = await writer.run((tx) => createClass(tx, 'Limits'));
      await createAccounts(db, (job) => writer.run(job), klass.id, [
        { username: 'ana', password: 'right-password-1' },
        { username: 'ben', password: 'right-password-2' },
      ]);
      const login = (body: unknown, address = '127.0.0.1') => from(address, collector, '/api/login', body);
      const hostile: unknown[] = [
        '{"username":"ana","password":',
        `${'['.repeat(500)}${']'.repeat(500)}`,
        { username: 'ana', password: 'x'.repeat(70_000) },
        { username: ['ana'], password: 'x' },
        { username: 'ana', password: { $ne: '' } },
        { username: "ana' --", password: 'x' },
      ];
      for (let i = 0; i < 9; i++) assert.equal((await login({ username: 'ana', password: `wrong-${i}` })).status, 401);
      for (const body of hostile) assert.notEqual((await login(body)).status, 200);
      // The tenth wrong password still counts; hostile bodies did not add guesses beyond it.
      assert.equal((await login({ username: 'ana', password: 'wrong-9' })).status, 401);
      for (const username of ['ana', 'ANA', ' Ana ']) {
        const refused = await login({ username, password: 'right-password-1' });
        assert.equal(refused.status, 429, username);
        assert.match(refused.body, /^\{"message":"Too many failed logins\. Try again in \d+ minutes?\."\}$/);
        assert.ok(Number(refused.headers['retry-after']) > 0);
      }
      // Another account from another machine is not locked out by this.
      assert.equal((await login({ username: 'ben', password: 'right-password-2' }, '127.0.0.2')).status, 200);
    } finally {
      await collector.close();
    }
  });
});
