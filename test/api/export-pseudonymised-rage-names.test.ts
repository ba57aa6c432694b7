import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import type { Collector } from '../../server/index.js';
import { pseudonym, readPseudonymSalt } from '../../server/normalize/index.js';
import { openDatabase } from '../../server/store/open-database.js';
import { classWith, loggedInHeaders } from '../support/class-logins.js';
import { startTestCollector } from '../support/collector.js';
import { makeActivity } from '../support/fixtures.js';
import { type LearningLocker, startLearningLocker } from '../support/learning-locker.js';
import { type StartAnswer, startOk, track } from '../support/rage.js';
import { tempDir } from '../support/temp-dir.js';
import { aulaExport, unzip } from './export-support.js';

// A pseudonymised export or upload carries no name the teacher or the game gave a player. RAGE trackers send the
// actor the start answered (an anonymous player's animal name, shown on the teacher's dashboard, so it leads back to
// the child) or one of their own: a game that asks the child's name puts it there. Both used to leave as sent.

type Json = Record<string, unknown>;
const AULA = path.resolve(import.meta.dirname, '../../bin/aula.js');
const execFileAsync = promisify(execFile);

const REAL_NAME = 'Carlos Realname';
let collector: Collector;
let dataDir: string;
let homePage: string;
let carlos: StartAnswer;
let otter: StartAnswer;
let ben: StartAnswer;
let salt: string;
/** Every name the teacher or a game gave these players. */
let names: string[];

function rageStatement(start: StartAnswer, actor: unknown, i: number): Json {
  return {
    actor,
    verb: { id: 'http://adlnet.gov/expapi/verbs/progressed' },
    object: { id: `${start.objectId}/level/l${i}`, definition: { type: 'level' } },
    timestamp: new Date(Date.UTC(2026, 10, 26, 9, 0, i)).toISOString(),
  };
}

before(async () => {
  collector = await startTestCollector({ config: { mdns: false } });
  homePage = collector.context.homePage;
  const classId = await classWith(collector.url, '3B', ['ben']);
  const maths = makeActivity(collector.context.db, { name: 'Maths 3B', classId });
  carlos = await startOk(collector.url, maths.trackingCode);
  otter = await startOk(collector.url, maths.trackingCode);
  ben = await startOk(collector.url, maths.trackingCode, { headers: await loggedInHeaders(collector.url, 'ben') });
  const sends: Array<[StartAnswer, unknown]> = [
    // The game asked the child's name and sent it with RAGE's shared account.
    [carlos, { name: REAL_NAME, account: { homePage, name: 'Anonymous' } }],
    // The actor the start answered: the animal name.
    [otter, otter.actor],
    [ben, ben.actor],
  ];
  for (const [start, actor] of sends) {
    const answer = await track(collector.url, start.authToken, [0, 1].map((i) => rageStatement(start, actor, i)));
    assert.equal(answer.status, 200, answer.text);
  }
  names = [REAL_NAME, 'Realname', carlos.playerAnimalName, otter.playerAnimalName, ben.playerAnimalName, 'ben'];
  dataDir = collector.config.dataDir;
  await collector.close();
});

function assertNoName(text: string, where: string): void {
  for (const name of names) assert.ok(!text.includes(name), `${where} still carries ${JSON.stringify(name)}`);
}

const ndjson = (text: string): Json[] =>
  text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Json);

describe('pseudonymised exports of RAGE players name none of them', () => {
  test('ndjson: every actor is the pseudonym, its name too (or no name)', async () => {
    for (const actors of ['per-player', 'as-sent']) {
      const run = await aulaExport(dataDir, homePage, ['--format', 'ndjson', '--pseudonymize', '--actors', actors]);
      assert.equal(run.code, 0, run.stderr);
      if (salt === undefined) {
        const db = openDatabase(dataDir, { readonly: true });
        salt = readPseudonymSalt(db) as string;
        db.close();
      }
      assertNoName(run.stdout, `ndjson --actors ${actors}`);
      assert.equal(ndjson(run.stdout).length, 6);
      const hidden = new Set([carlos, otter, ben].map((start) => pseudonym(salt, start.playerId)));
      for (const statement of ndjson(run.stdout)) {
        const actor = statement.actor as { name?: string };
        assert.ok(actor.name === undefined || hidden.has(actor.name), `actor name ${actor.name} is a pseudonym (--actors ${actors})`);
      }
    }
  });

  test('csv for one player: actor_name is the pseudonym', async () => {
    const run = await aulaExport(dataDir, homePage, ['--format', 'csv', '--pseudonymize', '--player', carlos.playerId]);
    assert.equal(run.code, 0, run.stderr);
    assertNoName(run.stdout, 'csv --player');
    const rows = parse(run.stdout.replace(/^\uFEFF/, ''), { columns: true }) as Array<Record<string, string>>;
    assert.equal(rows.length, 2);
    for (const row of rows) assert.equal(row.actor_name, pseudonym(salt, carlos.playerId));
  });

  test('zip: statements, stored rows and the players table name nobody, animal names included', async () => {
    const out = path.join(tempDir(), 'hidden.zip');
    const run = await aulaExport(dataDir, homePage, ['--format', 'zip', '--pseudonymize', '-o', out]);
    assert.equal(run.code, 0, run.stderr);
    const files = await unzip(fs.readFileSync(out));
    for (const [name, content] of files) assertNoName(content.toString('utf8'), `zip ${name}`);
    const players = ndjson(files.get('players.ndjson')?.toString('utf8') ?? '');
    assert.equal(players.length, 3);
    for (const player of players) assert.equal(player.animal_name, player.public_id, 'the animal name is the pseudonym too');
  });

  test('without --pseudonymize the names stay as the game sent them', async () => {
    const run = await aulaExport(dataDir, homePage, ['--format', 'csv', '--player', carlos.playerId]);
    const rows = parse(run.stdout.replace(/^\uFEFF/, ''), { columns: true }) as Array<Record<string, string>>;
    assert.deepEqual(
      rows.map((row) => row.actor_name),
      [REAL_NAME, REAL_NAME],
    );
  });
});

describe('a pseudonymised upload', () => {
  let lrs: LearningLocker;
  before(async () => {
    lrs = await startLearningLocker();
  });
  after(() => lrs?.stop());

  test('aula upload --pseudonymize sends no player name to the LRS', async () => {
    const cli = await execFileAsync(process.execPath, [AULA, 'upload', '--endpoint', lrs.endpoint, '--username', 'key', '--password', 'secret', '--pseudonymize', '--data-dir', dataDir]);
    assert.match(cli.stderr, /Sent 6, already there 0, conflicts 0, rejected 0\./);
    const answer = await fetch(`${lrs.endpoint}/statements?limit=100`, {
      headers: { 'X-Experience-API-Version': '1.0.3', Authorization: `Basic ${Buffer.from('key:secret').toString('base64')}` },
    });
    const text = await answer.text();
    assert.equal((JSON.parse(text) as { statements: unknown[] }).statements.length, 6);
    assertNoName(text, 'the LRS');
  });
});
