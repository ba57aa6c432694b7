import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { before, describe, test } from 'node:test';
import type { Collector } from '../../server/index.js';
import { startTestCollector } from '../support/collector.js';
import { aulaExport } from './export-support.js';
import { statement, xapiEndpoint } from './xapi-support.js';

// A researcher knows an xAPI client's player by the identity the client sent, not by the `xapi-<hash>` playerId Aula
// derived from it: `aula export --player` takes the e-mail address (with or without mailto:) and the account name.

type Json = Record<string, unknown>;

const ANA = { objectType: 'Agent', name: 'Ana', mbox: 'mailto:ana@school.org' };
const BEA = { objectType: 'Agent', name: 'Bea', account: { homePage: 'http://lms.example.org', name: 'bea' } };
// Two systems each have a "carl": two players.
const CARL_LMS = { objectType: 'Agent', account: { homePage: 'http://lms.example.org', name: 'carl' } };
const CARL_QUIZ = { objectType: 'Agent', account: { homePage: 'https://quiz.example.com/', name: 'carl' } };
const DAN = { objectType: 'Agent', mbox_sha1sum: createHash('sha1').update('mailto:dan@school.org').digest('hex') };

let collector: Collector;
let dataDir: string;
let homePage: string;

before(async () => {
  collector = await startTestCollector();
  dataDir = collector.config.dataDir;
  homePage = collector.context.homePage;
  const xapi = xapiEndpoint(collector, 'Science lab');
  const actors = [ANA, ANA, BEA, CARL_LMS, CARL_QUIZ, DAN];
  const posted = await xapi.call('statements', { method: 'POST', body: JSON.stringify(actors.map((actor) => statement({ actor }))) });
  assert.equal(posted.status, 200, posted.text);
});

async function actorsExported(player: string): Promise<Json[]> {
  const run = await aulaExport(dataDir, homePage, ['--player', player]);
  assert.equal(run.code, 0, run.stderr);
  return run.stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => (JSON.parse(line) as { actor: Json }).actor);
}

describe('aula export --player with an xAPI identity', () => {
  test('an e-mail address, with or without mailto:, names the player whose actor has that mbox', async () => {
    assert.deepEqual(await actorsExported('ana@school.org'), [ANA, ANA]);
    assert.deepEqual(await actorsExported('mailto:ana@school.org'), [ANA, ANA]);
    // The domain of an address is case-insensitive, as the xAPI resource compares it.
    assert.deepEqual(await actorsExported('ana@School.ORG'), [ANA, ANA]);
  });

  test("an e-mail address also names the player who sent only its SHA-1 (mbox_sha1sum)", async () => {
    assert.deepEqual(await actorsExported('dan@school.org'), [DAN]);
  });

  test('an account name names the player with that account, on whichever home page', async () => {
    assert.deepEqual(await actorsExported('bea'), [BEA]);
  });

  test('the playerId still names the player', async () => {
    const row = collector.context.db.prepare('SELECT p.public_id AS id FROM statements s JOIN players p ON p.id = s.player_id LIMIT 1').get() as {
      id: string;
    };
    assert.match(row.id, /^xapi-/);
    assert.deepEqual(await actorsExported(row.id), [ANA, ANA]);
  });

  test('a name that fits several players is refused in one line that lists them, and nothing is exported', async () => {
    const run = await aulaExport(dataDir, homePage, ['--player', 'carl']);
    assert.equal(run.code, 1);
    assert.equal(run.stdout, '');
    assert.match(
      run.stderr,
      /^aula: "carl" names 2 players: xapi-\S+ \(account carl on http:\/\/lms\.example\.org\), xapi-\S+ \(account carl on https:\/\/quiz\.example\.com\/\)\. Give one of these playerIds with --player\n$/,
    );
  });

  test('an address nobody used is refused, and nothing is exported', async () => {
    const run = await aulaExport(dataDir, homePage, ['--player', 'nobody@school.org']);
    assert.equal(run.code, 1);
    assert.equal(run.stdout, '');
    assert.equal(run.stderr, 'aula: No player with id "nobody@school.org" (nor an xAPI player with that e-mail address or account name)\n');
  });
});
