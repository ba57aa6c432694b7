import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { type ExportReport, exportData } from '../../server/export/export-data.js';
import { type ExportOptionsInput, exportOptionsSchema, normalizeSettingsFor } from '../../server/export/export-options.js';
import { exportToStream, openReadConnection } from '../../server/export/export-to.js';
import type { Collector } from '../../server/index.js';
import { pseudonym, readPseudonymSalt } from '../../server/normalize/index.js';
import { insertStudent } from '../../server/store/students-repo.js';
import { startTestCollector } from '../support/collector.js';
import { tempDir } from '../support/temp-dir.js';
import { aulaExport, memorySink, seedClassroom, unzip } from './export-support.js';
import { statement, xapiEndpoint } from './xapi-support.js';

// A pseudonymised export names no player, whichever way the statements came: RAGE trackers (covered in
// export-formats.test.ts) or xAPI clients, whose actors carry e-mail addresses, accounts of other systems, names,
// and whose contexts and objects name more people. README: nobody can reverse it without the salt.

type Json = Record<string, unknown>;

const ZOE = { objectType: 'Agent', name: 'Zoë "Q" Ñandú', mbox: 'mailto:zoë@example.org' };
const OTHER_SYSTEM = { account: { homePage: 'http://lms.example.org', name: 'player-u2-secret' } };
const TEACHER = { name: 'Tomás Ruiz', mbox: 'mailto:teacher.tomas@school.example' };
const SHA1 = { mbox_sha1sum: '0123456789abcdef0123456789abcdef01234567' };
const OPENID = { name: 'Jordi Vidal', openid: 'https://openid.example/jordi-vidal' };
/** A roster student, by the e-mail address the roster has for her. */
const ANA = { name: 'Ana López', mbox: 'mailto:Ana.Lopez@School.example' };

/** Every text that names someone in the statements below. */
const IDENTIFYING = [
  'zoë',
  'Zoë',
  'Ñandú',
  'example.org',
  'player-u2-secret',
  'Tomás',
  'teacher.tomas',
  '0123456789abcdef0123456789abcdef01234567',
  'openid.example',
  'Jordi',
  'ana.lopez',
  'Ana.Lopez',
  'Ana López',
];

let collector: Collector;
let dataDir: string;
let homePage: string;
let xapiCode: string;
let salt: string;
/** players.public_id by how the test knows them. */
let publicIds: { zoe: string; u2: string; ana: string; sha1: string; all: string[] };

before(async () => {
  collector = await startTestCollector();
  dataDir = collector.config.dataDir;
  homePage = collector.context.homePage;
  await seedClassroom(collector);
  insertStudent(collector.context.db, { username: 'ana.lopez', name: 'Ana López', email: 'ana.lopez@school.example', passwordHash: 'x' });
  const xapi = xapiEndpoint(collector, 'Physics lab');
  xapiCode = xapi.trackingCode;
  const team = { objectType: 'Group', name: 'Reds', member: [ZOE, OTHER_SYSTEM, { account: { homePage, name: 'ANA.LOPEZ' } }] };
  const statements = [
    statement({ actor: ZOE, context: { instructor: TEACHER, team } }),
    statement({ actor: OTHER_SYSTEM }),
    statement({ actor: ANA, object: ZOE }),
    statement({ actor: SHA1, context: { instructor: { objectType: 'Group', member: [TEACHER] } } }),
    statement({
      actor: OPENID,
      object: {
        objectType: 'SubStatement',
        actor: ZOE,
        verb: { id: 'http://adlnet.gov/expapi/verbs/mentored' },
        object: { objectType: 'Agent', ...OTHER_SYSTEM },
      },
    }),
  ];
  const answer = await xapi.call('statements', { method: 'POST', body: JSON.stringify(statements) });
  assert.equal(answer.status, 200, answer.text);
  // One session per actor, in the order of the statements.
  const [zoe, u2, ana, sha1] = (
    collector.context.db
      .prepare('SELECT p.public_id AS id FROM sessions s JOIN players p ON p.id = s.player_id WHERE s.activity_id = ? ORDER BY s.id')
      .all(xapi.activityId) as Array<{ id: string }>
  ).map((row) => row.id) as [string, string, string, string];
  const all = (collector.context.db.prepare('SELECT public_id AS id FROM players').all() as Array<{ id: string }>).map((row) => row.id);
  publicIds = { zoe, u2, ana, sha1, all };
  assert.equal(publicIds.ana, 'ana.lopez', 'the roster student is the player of her mbox');
});
after(() => collector.close());

async function exported(input: ExportOptionsInput): Promise<{ text: string; buffer: Buffer; report: ExportReport }> {
  const sink = memorySink();
  const report = await exportToStream(dataDir, homePage, exportOptionsSchema.parse(input), sink.stream, salt);
  return { text: sink.text(), buffer: sink.buffer(), report };
}

const lines = (text: string): Json[] =>
  text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Json);

function assertNobodyNamed(text: string, where: string): void {
  for (const name of IDENTIFYING) assert.ok(!text.includes(name), `${where} still contains ${JSON.stringify(name)}`);
  for (const id of publicIds.all) assert.ok(!text.includes(id), `${where} still contains the playerId ${id}`);
}

const accountName = (agent: unknown): unknown => ((agent as Json).account as Json | undefined)?.name;

test("--player takes a student's username in any case, as students type it to log in", async () => {
  const typed = await exported({ format: 'ndjson', filters: { player: 'ANA.Lopez' } });
  const exact = await exported({ format: 'ndjson', filters: { player: 'ana.lopez' } });
  assert.ok(lines(exact.text).length > 0);
  assert.equal(typed.text, exact.text);
});

describe('pseudonymised export of statements that came through /xapi/statements', () => {
  test('--as-received --pseudonymize is refused before anything is written, the salt included', async () => {
    const run = await aulaExport(dataDir, homePage, ['--as-received', '--pseudonymize']);
    assert.equal(run.code, 1);
    assert.equal(run.stdout, '');
    assert.equal(run.stderr, 'aula: --as-received: cannot be combined with --pseudonymize: the statements as the games sent them name the players; leave out one of the two\n');
    assert.equal(readPseudonymSalt(collector.context.db), undefined, 'no salt was made for an export that did not happen');
  });

  test('ndjson and json: no agent keeps a name, address or account; the same player has the same pseudonym everywhere', async () => {
    const cli = await aulaExport(dataDir, homePage, ['--pseudonymize', '--activity', xapiCode]);
    assert.equal(cli.code, 0, cli.stderr);
    salt = readPseudonymSalt(collector.context.db) as string;
    assert.ok(salt);
    assertNobodyNamed(cli.stdout, 'aula export --pseudonymize');
    const { text, report } = await exported({ format: 'ndjson', pseudonymize: true, filters: { activity: xapiCode } });
    assert.equal(text, cli.stdout, 'the command and the library export the same');
    assert.equal(report.invalid, 0, 'still valid xAPI');
    const [zoe, u2, ana, sha1, openid] = lines(text) as [Json, Json, Json, Json, Json];
    const hidden = (id: string) => pseudonym(salt, id);
    assert.deepEqual(zoe.actor, { objectType: 'Agent', name: hidden(publicIds.zoe), account: { homePage, name: hidden(publicIds.zoe) } });
    assert.deepEqual(u2.actor, { account: { homePage, name: hidden(publicIds.u2) } });
    assert.equal(accountName(ana.actor), hidden('ana.lopez'));
    const team = (zoe.context as Json).team as { member: Json[] };
    assert.deepEqual(
      team.member.map(accountName),
      [hidden(publicIds.zoe), hidden(publicIds.u2), hidden('ana.lopez')],
      'team members carry the pseudonyms of their own statements',
    );
    const instructor = (zoe.context as Json).instructor as Json;
    assert.deepEqual(Object.keys(instructor), ['name', 'account']);
    assert.equal(accountName(((sha1.context as Json).instructor as { member: Json[] }).member[0]), accountName(instructor));
    assert.equal(accountName(ana.object), hidden(publicIds.zoe), 'an Agent object too');
    const sub = openid.object as Json;
    assert.equal(accountName(sub.actor), hidden(publicIds.zoe), 'a sub-statement actor too');
    assert.equal(accountName(sub.object), hidden(publicIds.u2));
    assert.equal(accountName(sha1.actor), hidden(publicIds.sha1));

    const json = await exported({ format: 'json', pseudonymize: true, filters: { activity: xapiCode } });
    assert.deepEqual(JSON.parse(json.text), lines(text));
  });

  test('past the threshold of the encoding thread the statements are pseudonymised the same', async () => {
    const db = openReadConnection(dataDir);
    try {
      const options = exportOptionsSchema.parse({ format: 'ndjson', pseudonymize: true });
      const settings = normalizeSettingsFor(db, homePage, options, salt);
      const single = memorySink();
      await exportData(db, settings, options, single.stream, undefined, { workerFrom: Number.POSITIVE_INFINITY });
      const threaded = memorySink();
      let taken = '';
      await exportData(db, settings, options, threaded.stream, undefined, { workerFrom: 0, onPath: (p, reason) => (taken = reason ? `${p}: ${reason}` : p) });
      assert.equal(taken, 'worker');
      assert.equal(threaded.text(), single.text());
      assertNobodyNamed(threaded.text(), 'the encoding thread');
    } finally {
      db.close();
    }
  });

  test('csv and traces-csv: the actor_name and name columns hold pseudonyms too', async () => {
    const csv = await exported({ format: 'csv', pseudonymize: true });
    assertNobodyNamed(csv.text, 'csv');
    const rows = parse(csv.text, { bom: true, columns: true }) as Array<Record<string, string>>;
    const zoe = rows.find((row) => row.player_id === pseudonym(salt, publicIds.zoe));
    assert.equal(zoe?.actor_name, pseudonym(salt, publicIds.zoe));
    const traces = await exported({ format: 'traces-csv', pseudonymize: true });
    assertNobodyNamed(traces.text, 'traces-csv');
  });

  test('zip: statements, stored rows, players and manifest name nobody; aula export --format zip too', async () => {
    const { buffer } = await exported({ format: 'zip', pseudonymize: true, filters: { player: publicIds.zoe } });
    const files = await unzip(buffer);
    for (const [name, content] of files) assertNobodyNamed(content.toString('utf8'), name);
    const rows = lines(files.get('aula/statement-rows.ndjson')?.toString('utf8') ?? '');
    assert.equal(rows.length, 1);
    const stored = JSON.parse(String(rows[0]?.json)) as Json;
    assert.equal(accountName(stored.actor), pseudonym(salt, publicIds.zoe));
    const manifest = JSON.parse(files.get('manifest.json')?.toString('utf8') ?? '{}') as { filters: Json };
    assert.equal(manifest.filters.player, pseudonym(salt, publicIds.zoe));

    const file = path.join(tempDir(), 'bundle.zip');
    const cli = await aulaExport(dataDir, homePage, ['--format', 'zip', '--pseudonymize', '-o', file]);
    assert.equal(cli.code, 0, cli.stderr);
    for (const [name, content] of await unzip(fs.readFileSync(file))) assertNobodyNamed(content.toString('utf8'), `aula export zip: ${name}`);
  });
});
