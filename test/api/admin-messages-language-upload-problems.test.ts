import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Collector } from '../../server/index.js';
import { startTestCollector } from '../support/collector.js';
import { request } from '../support/http.js';
import { type LrsRequest, type LrsSend, type ScriptedLrs, startScriptedLrs } from '../support/scripted-lrs.js';
import { seedClassroom } from './export-support.js';

/**
 * The statements an upload could not send, as the Data screen lists them under its summary, in the dashboard's
 * language: each problem is kept as a wording (a key and values) and worded for each status request, Spanish for one
 * asking for es; without the header the English as always, and the database keeps that English. What the LRS said is
 * quoted as it came. Real HTTP, a real SQLite file, a stand-in LRS answering as scripted.
 */

interface Problem {
  id: string;
  state: string;
  message: string;
}

describe("an upload's problems, statement by statement, in the dashboard's language", () => {
  let collector: Collector;
  let lrs: ScriptedLrs;
  let handle: (request: LrsRequest, send: LrsSend) => void = (_request, send) => send(404);
  const api = (path: string) => `${collector.url}/admin/api/data${path}`;

  const problems = async (language?: string): Promise<{ state: string; problems: Problem[] }> => {
    const answer = await request(api('/upload/status'), { headers: language === undefined ? {} : { 'Accept-Language': language } });
    assert.equal(answer.status, 200, answer.text);
    const { job } = answer.json as { job: { state: string; summary: { problems: Problem[] } | null } };
    return { state: job.state, problems: job.summary?.problems ?? [] };
  };

  before(async () => {
    collector = await startTestCollector();
    await seedClassroom(collector);
    lrs = await startScriptedLrs((lrsRequest, send) => handle(lrsRequest, send));
  });
  after(async () => {
    await collector?.close();
    await lrs?.close();
  });

  test('statements the LRS holds differently, and one it refuses, read in Spanish for es and in English without the header', async () => {
    let refusedId = '';
    handle = (lrsRequest, send) => {
      if (lrsRequest.method === 'POST') return send(409, { message: 'Conflict' });
      const id = lrsRequest.url.searchParams.get('statementId');
      if (lrsRequest.method === 'GET' && lrsRequest.url.searchParams.has('voidedStatementId')) return send(404);
      if (lrsRequest.method === 'GET' && id) {
        // The first one asked for is not there (and its PUT is refused); the others are there, but another statement.
        if (refusedId === '' || refusedId === id) {
          refusedId = id;
          return send(404);
        }
        return send(200, { id, actor: { mbox: 'mailto:someone@example.org' }, verb: { id: 'http://example.org/other' }, object: { id: 'http://example.org/x' } });
      }
      if (lrsRequest.method === 'PUT') return send(400, { message: 'Statement refused by policy' });
      send(404);
    };
    const started = await request(api('/upload'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ endpoint: lrs.endpoint, username: 'key', password: 'secret' }),
    });
    assert.equal(started.status, 202, started.text);
    const deadline = Date.now() + 15_000;
    while ((await problems()).state === 'running') {
      if (Date.now() > deadline) assert.fail('the upload did not end');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }

    const english = await problems();
    const en = await problems('en');
    const spanish = await problems('es-ES,es;q=0.9');
    assert.equal(english.state, 'done');
    assert.ok(english.problems.length > 1, JSON.stringify(english.problems));
    assert.deepEqual(en.problems, english.problems, 'Accept-Language: en reads the same English');
    const refused = english.problems.find((problem) => problem.id === refusedId);
    assert.deepEqual(refused, { id: refusedId, state: 'rejected', message: 'LRS 400: Statement refused by policy' });
    const conflicts = english.problems.filter((problem) => problem.id !== refusedId);
    for (const problem of conflicts) assert.deepEqual(problem, { id: problem.id, state: 'conflict', message: 'the LRS holds a different statement with this id' });

    assert.deepEqual(
      spanish.problems,
      english.problems.map((problem) => ({
        ...problem,
        message: problem.id === refusedId ? 'LRS 400: Statement refused by policy' : 'el LRS guarda otra traza distinta con este id',
      })),
      "in Spanish, the same ids and states; the LRS's own words quoted as they came",
    );

    // The stored message (what `aula upload` and a later look at the database read) stays the English.
    const stored = collector.context.db.prepare("SELECT DISTINCT message FROM upload_state WHERE state = 'conflict'").all() as Array<{ message: string }>;
    assert.deepEqual(stored, [{ message: 'the LRS holds a different statement with this id' }]);
  });
});
