import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { before, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import type { Collector } from '../../server/index.js';
import { startTestCollector } from '../support/collector.js';
import { aulaExport } from './export-support.js';
import { statement, xapiEndpoint } from './xapi-support.js';

// A researcher's CSV must tell a statement its game took back (voided) from one that stands, even when a filter
// leaves the voiding statement out; and a voiding statement's or an Agent's object is named as any other object.

type Row = Record<string, string>;
const ANA = { objectType: 'Agent', name: 'Ana', mbox: 'mailto:ana@example.com' };
const ZOE = { objectType: 'Agent', name: 'Zoë', mbox: 'mailto:zoe@example.org' };
const TEACHER = { objectType: 'Agent', name: 'Teacher', mbox: 'mailto:teacher@example.com' };
const voidedId = randomUUID();
const agentObjectId = randomUUID();
const voidingId = randomUUID();
let dataDir: string;
let homePage: string;

before(async () => {
  const collector: Collector = await startTestCollector({ config: { mdns: false } });
  homePage = collector.context.homePage;
  const xapi = xapiEndpoint(collector, 'Physics lab');
  const statements = [
    statement({ id: voidedId, actor: ANA }),
    statement({ id: agentObjectId, actor: ANA, verb: { id: 'http://adlnet.gov/expapi/verbs/mentored' }, object: ZOE }),
    statement({ id: voidingId, actor: TEACHER, verb: { id: 'http://adlnet.gov/expapi/verbs/voided' }, object: { objectType: 'StatementRef', id: voidedId } }),
  ];
  for (const one of statements) {
    const answer = await xapi.call('statements', { method: 'POST', body: JSON.stringify(one) });
    assert.equal(answer.status, 200, answer.text);
  }
  dataDir = collector.config.dataDir;
  await collector.close();
});

async function csv(args: string[]): Promise<Row[]> {
  const run = await aulaExport(dataDir, homePage, ['--format', 'csv', ...args]);
  assert.equal(run.code, 0, run.stderr);
  const header = run.stdout.replace(/^\uFEFF/, '').split('\r\n')[0] ?? '';
  assert.ok(header.endsWith(',session_id,voided'), `voided is added last: ${header}`);
  return parse(run.stdout, { bom: true, columns: true }) as Row[];
}

const byId = (rows: Row[], id: string): Row => rows.find((row) => row.statement_id === id) ?? assert.fail(`no row ${id}`);

test('a voided statement says so in the voided column, also when --player leaves its voiding statement out', async () => {
  const all = await csv([]);
  assert.deepEqual(
    all.map((row) => [row.statement_id, row.voided]),
    [
      [voidedId, 'true'],
      [agentObjectId, 'false'],
      [voidingId, 'false'],
    ],
  );
  const ana = await csv(['--player', 'ana@example.com']);
  assert.deepEqual(
    ana.map((row) => [row.statement_id, row.voided]),
    [
      [voidedId, 'true'],
      [agentObjectId, 'false'],
    ],
  );
});

test("a voiding statement's object is the StatementRef with the voided statement's id; an Agent object is named by its identifier", async () => {
  const rows = await csv([]);
  const voiding = byId(rows, voidingId);
  assert.equal(voiding.object_type, 'StatementRef');
  assert.equal(voiding.object_id, voidedId);
  const agent = byId(rows, agentObjectId);
  assert.equal(agent.object_type, 'Agent');
  assert.equal(agent.object_id, 'mailto:zoe@example.org');
  const activity = byId(rows, voidedId);
  assert.equal(activity.object_id, 'http://example.com/game/level-1');
  assert.equal(activity.object_type, '', 'an Activity keeps its definition type, none here');
});

test('pseudonymised, an Agent object is named by its pseudonym, as in the ndjson', async () => {
  const rows = await csv(['--pseudonymize']);
  const agent = byId(rows, agentObjectId);
  const run = await aulaExport(dataDir, homePage, ['--format', 'ndjson', '--pseudonymize']);
  const line = run.stdout.split('\n').find((text) => text.includes(agentObjectId)) ?? '';
  const object = (JSON.parse(line) as { object: { account: { name: string } } }).object;
  assert.equal(agent.object_type, 'Agent');
  assert.equal(agent.object_id, object.account.name);
  assert.match(agent.object_id ?? '', /^[0-9a-f]{32}$/);
  for (const row of rows) assert.ok(!Object.values(row).some((cell) => cell.includes('example.org')), 'no address is left');
});
