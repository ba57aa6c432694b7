import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Collector } from '../../server/index.js';
import { startTestCollector } from '../support/collector.js';
import { makeActivity } from '../support/fixtures.js';
import { type RawResponse, rawRequest, requestHead } from '../support/raw-http.js';

const FIXTURES = path.resolve(import.meta.dirname, '../../../shared/fixtures/real-clients');
const STUB_CODES = /\/start\/(stub-tracking-code|code-offline|code-fail)$/;
const STUB_PLAYER = /5a30078bc8b102008b41470000\d/g;

interface Capture {
  n: number;
  method: string;
  url: string;
  rawHeaders: string[];
  body: string;
}

let collector: Collector;
let loginToken: string;

before(async () => {
  collector = await startTestCollector();
  // The identified start of scenario A needs a real login token; the student exists as a roster entry would.
  collector.context.db
    .prepare("INSERT INTO students (id, username, password_hash, created) VALUES ('s-replay', 'replayer', 'x', ?)")
    .run(new Date().toISOString());
  loginToken = collector.context.loginTokens.issue({ studentId: 's-replay', username: 'replayer' });
});
after(() => collector.close());

function readCaptures(file: string): Capture[] {
  return fs
    .readFileSync(path.join(FIXTURES, file), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Capture);
}

/** The regexes java-tracker and the C# trackers read the start answer with (real-clients.md §3). */
function readLikeJavaAndCSharp(body: string): { authToken?: string; playerId?: string; objectId?: string; actor?: string } {
  return {
    authToken: /"authToken":"(.+?)"/.exec(body)?.[1],
    playerId: /"playerId":"(.+?)"/.exec(body)?.[1],
    objectId: /"objectId":"(.+?)"/.exec(body)?.[1],
    actor: /"actor":(\{(?:[^{}]|\{(?:[^{}]|\{[^{}]*\})*\})*\})/.exec(body)?.[1],
  };
}

/** Replays one capture file byte for byte, substituting the stub values as the fixtures README says. */
async function replay(file: string, trackingCode: string) {
  const tokens = new Map<number, string>();
  let firstPlayer: string | undefined;
  const answers: Array<{ capture: Capture; response: RawResponse }> = [];
  for (const capture of readCaptures(file)) {
    const url = capture.url.replace(STUB_CODES, `/start/${trackingCode}`);
    let body = capture.body;
    if (firstPlayer) body = body.replace(STUB_PLAYER, firstPlayer);
    const headers: Array<[string, string]> = [];
    for (let i = 0; i < capture.rawHeaders.length; i += 2) {
      const name = capture.rawHeaders[i] as string;
      let value = capture.rawHeaders[i + 1] as string;
      if (/^authorization$/i.test(name)) {
        const stub = /^stub-auth-token-(\d+)$/.exec(value);
        if (stub) value = tokens.get(Number(stub[1])) ?? value;
        if (value === 'Bearer stub-jwt.header.sig') value = `Bearer ${loginToken}`;
      }
      if (/^content-length$/i.test(name)) value = String(Buffer.byteLength(body));
      headers.push([name, value]);
    }
    const response = await rawRequest(collector.port, requestHead(capture.method, url, headers), body);
    answers.push({ capture, response });
    if (capture.method === 'POST' && url.includes('/start/') && response.status === 200) {
      const read = readLikeJavaAndCSharp(response.body);
      if (read.authToken) tokens.set(capture.n, read.authToken);
      if (!firstPlayer && read.playerId && !capture.rawHeaders.some((h) => /^Bearer /.test(h))) firstPlayer = read.playerId;
    }
  }
  return answers;
}

function statementsIn(body: string): number {
  return (JSON.parse(body) as unknown[]).length;
}

const files = fs.readdirSync(FIXTURES).filter((file) => file.endsWith('.jsonl'));

describe('replaying the captured traffic of real trackers (contract case 41)', () => {
  for (const file of files) {
    it(`${file}: every request gets 200 and every statement is stored`, async () => {
      const activity = makeActivity(collector.context.db, { name: file });
      const answers = await replay(file, activity.trackingCode);
      for (const { capture, response } of answers) {
        assert.equal(response.status, 200, `${capture.method} ${capture.url} (n=${capture.n}): ${response.body}`);
        assert.equal(response.headers['access-control-allow-origin'], '*');
        if (capture.method === 'OPTIONS') assert.equal(response.body, '');
      }
      const starts = answers.filter(({ capture }) => capture.method === 'POST' && capture.url.includes('/start/'));
      const sessions = starts.map(({ response }) => {
        const read = readLikeJavaAndCSharp(response.body);
        assert.ok(read.authToken && read.playerId && read.objectId && read.actor, response.body);
        assert.deepEqual(JSON.parse(read.actor), (JSON.parse(response.body) as { actor: unknown }).actor);
        return (JSON.parse(response.body) as { session: number }).session;
      });
      // Scenario A: new player (1), the same player continues (2), an identified student (1).
      if (starts.length === 3) assert.deepEqual(sessions, [1, 2, 1]);
      if (file.includes('bundle')) assert.deepEqual(sessions, [1, 2]);

      const distinctBodies = new Map<string, string>();
      for (const { capture } of answers) {
        if (capture.method !== 'POST' || !capture.url.endsWith('/track')) continue;
        const auth = capture.rawHeaders.find((value) => value.startsWith('stub-auth-token-'));
        distinctBodies.set(`${auth} ${capture.body}`, capture.body);
      }
      const expected = [...distinctBodies.values()].reduce((sum, body) => sum + statementsIn(body), 0);
      const stored = collector.context.db.prepare('SELECT statements FROM activities WHERE id = ?').get(activity.id) as {
        statements: number;
      };
      // Scenario C re-sends a batch byte for byte after a 500: it is stored once.
      assert.equal(stored.statements, expected);
    });
  }

  it('the identified start of scenario A is the logged-in student, with its own animal name', async () => {
    const activity = makeActivity(collector.context.db, { name: 'identified' });
    const answers = await replay('java-tracker-0.1.0.jsonl', activity.trackingCode);
    const identified = answers.find(({ capture }) => capture.rawHeaders.includes('Bearer stub-jwt.header.sig'));
    const body = JSON.parse(identified?.response.body ?? '{}') as {
      playerId: string;
      actor: { name: string; account: { name: string } };
      playerAnimalName: string;
    };
    assert.equal(body.playerId, 'replayer');
    assert.equal(body.actor.name, 'replayer');
    assert.equal(body.actor.account.name, 'replayer');
    assert.notEqual(body.playerAnimalName, 'replayer');
  });
});
