import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { isOrdinaryTimestamp } from '../../server/export/ordinary-timestamp.js';
import type { ExportSettings } from '../../server/export/pseudonymous-agents.js';
import { encodeStraightforward, probeValid, StatementEncoder } from '../../server/export/statement-encoder.js';
import { canonicalTimestamp } from '../../server/normalize/canonical-timestamp.js';
import type { NormalizeSettings, StoredStatementRow } from '../../server/normalize/index.js';
import { pseudonym } from '../../server/normalize/index.js';
import { topLevelMembers } from '../../server/normalize/json-members.js';
import { isTimestamp } from '../../server/xapi/validation/formats.js';

// The export's memoising encoder must produce exactly what normalise → validate → JSON.stringify produces (xapi.md
// N-8: a re-upload sends byte-equivalent JSON), problems included, on every kind of stored statement.

const HOME = 'http://aula.test/';
const NAMESPACE = 'http://aula.test/xapi';
const FIXTURES = '/work/shared/fixtures/real-clients';
const SETTINGS: NormalizeSettings[] = [
  { homePage: HOME, namespace: NAMESPACE, actors: 'per-player', pseudonymSalt: null },
  { homePage: HOME, namespace: NAMESPACE, actors: 'as-sent', pseudonymSalt: null },
  { homePage: HOME, namespace: NAMESPACE, actors: 'per-player', pseudonymSalt: 'salt-1' },
  { homePage: HOME, namespace: 'http://elsewhere.example/lrs', actors: 'as-sent', pseudonymSalt: 'salt-2' },
];

type Json = Record<string, unknown>;

const PLAYERS: Array<Pick<StoredStatementRow, 'playerPublicId' | 'playerKind'>> = [
  { playerPublicId: '5a30078bc8b102008b414700001', playerKind: 'anonymous' },
  { playerPublicId: '5a30078bc8b102008b414700002', playerKind: 'anonymous' },
  { playerPublicId: 'maria.garcia', playerKind: 'identified' },
  { playerPublicId: null, playerKind: null },
];
const VERSIONS: Array<Pick<StoredStatementRow, 'gameId' | 'versionId' | 'versionLink'>> = [
  { gameId: 'g1', versionId: 'v1', versionLink: null },
  { gameId: 'g1', versionId: 'v2', versionLink: 'http://games.example/quest?' },
  { gameId: null, versionId: null, versionLink: null },
];

const augmentation = (session: number): Json => ({
  gameplayId: `gp${session}`,
  versionId: 'v1',
  activityId: 'a1',
  session,
  firstSessionStarted: '2026-11-26T09:40:00.000Z',
  currentSessionStarted: '2026-11-26T09:45:00.000Z',
});

let serial = 0;
function row(json: string, source: 'rage' | 'xapi', variant: number, overrides: Partial<StoredStatementRow> = {}): StoredStatementRow {
  serial++;
  return {
    id: `0b0c6d3e-8a0f-4a53-9a8e-${serial.toString(16).padStart(12, '0')}`,
    stored: variant % 5 === 0 ? '2026-11-26T09:46:32.001Z' : '2026-11-26T10:00:00.000Z',
    source,
    json,
    ...(PLAYERS[variant % PLAYERS.length] as (typeof PLAYERS)[number]),
    ...(VERSIONS[variant % VERSIONS.length] as (typeof VERSIONS)[number]),
    ...overrides,
  };
}

/** The statements real trackers sent (fixtures/real-clients), as the collector stores them: augmented, compact. */
function fixtureStatements(): Json[] {
  const statements: Json[] = [];
  for (const file of fs.readdirSync(FIXTURES).filter((name) => name.endsWith('.jsonl'))) {
    for (const line of fs.readFileSync(path.join(FIXTURES, file), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const exchange = JSON.parse(line) as { url?: string; body?: string };
      if (!exchange.url?.includes('/track') || !exchange.body) continue;
      try {
        const body: unknown = JSON.parse(exchange.body);
        if (Array.isArray(body)) for (const item of body) if (item && typeof item === 'object') statements.push(item as Json);
      } catch {
        // Not JSON: the collector refuses it, so it is never stored.
      }
    }
  }
  return statements;
}

function rageRows(): StoredStatementRow[] {
  const rows: StoredStatementRow[] = [];
  fixtureStatements().forEach((statement, i) => {
    const object = (statement.object ?? {}) as Json;
    const definition = (object.definition ?? {}) as Json;
    const augmented = {
      ...statement,
      object: { ...object, definition: { ...definition, extensions: { ...((definition.extensions as Json) ?? {}), ...augmentation(i % 3) } } },
    };
    rows.push(row(JSON.stringify(augmented), 'rage', i));
    rows.push(row(JSON.stringify(statement), 'rage', i + 1));
    // As a client might have sent it, spaced out: the same statement, another text.
    rows.push(row(JSON.stringify(augmented, null, i % 2 === 0 ? 2 : '\t'), 'rage', i + 2));
  });
  return rows;
}

const actor = { account: { homePage: HOME, name: 'Anonymous' }, name: 'Brave Otter' };
const verb = { id: 'http://adlnet.gov/expapi/verbs/interacted' };
const object = { id: 'http://aula.test/api/proxy/gleaner/games/g1/v1/item/door', definition: { type: 'item' } };

/** Hand-made statements: the odd corners of the mapping and of the validator. */
function oddStatements(): Array<{ json: string; source: 'rage' | 'xapi' }> {
  const base = { actor, verb, object, timestamp: '2026-11-26T09:46:31.130Z' };
  const rage = (statement: unknown) => ({ json: JSON.stringify(statement), source: 'rage' as const });
  const xapi = (statement: unknown) => ({ json: JSON.stringify(statement), source: 'xapi' as const });
  const text = (json: string, source: 'rage' | 'xapi' = 'rage') => ({ json, source });
  const mbox = { objectType: 'Agent', mbox: 'mailto:teacher@school.example', name: 'Teacher' };
  return [
    rage(base),
    rage({ ...base, verb: { id: 'jumped over', display: { 'en-US': 'jumped' } } }),
    rage({ ...base, object: { id: 'undefined/level/lvl 1', definition: { type: 'area', extensions: augmentation(4) } } }),
    rage({ ...base, object: { id: 'relative', definition: { type: 'boss fight', extensions: { custom_ext: 1, ...augmentation(2) } } } }),
    rage({ ...base, object: { id: 'x', definition: { extensions: augmentation(1) } }, context: { extensions: { gameplayId: 'old', mine: true } } }),
    rage({ ...base, object: { id: 'x', definition: { extensions: augmentation(1) } }, context: { registration: 'not a uuid' } }),
    rage({ ...base, context: { contextActivities: { parent: { id: 'parent one' }, grouping: [{ id: 'http://g/1' }, 'odd'] } } }),
    rage({ ...base, context: null }),
    rage({ ...base, context: 'text' }),
    rage({ ...base, result: { success: true, score: { raw: 3, min: 0, max: 10, scaled: 0.3 }, response: 'a', extensions: { progress: 0.5 } } }),
    rage({ ...base, result: { score: { scaled: 4 } } }),
    rage({ ...base, result: null }),
    rage({ ...base, result: { duration: 'PT1M3S' } }),
    rage({ ...base, timestamp: '2026-11-26T09:41:42.269082274Z' }),
    rage({ ...base, timestamp: '2026-11-26T09.41.42.269Z', object: { id: 'y', definition: { extensions: augmentation(3) } } }),
    rage({ ...base, timestamp: '2026-11-26T09:41:42' }),
    rage({ ...base, timestamp: 1764150000000 }),
    rage({ ...base, timestamp: '2026-02-30T09:41:42Z' }),
    rage({ ...base, timestamp: '2026-11-26T09:41:60.5+01:00' }),
    rage({ ...base, timestamp: '2026-11-26T10:41:42+0100' }),
    rage({ ...base, timestamp: '2026-11-26t09:41z' }),
    rage({ ...base, timestamp: '2026-11-26T09:41:42,5-03' }),
    rage({ ...base, timestamp: '2026-11-26T09:41:42.1234567890123Z' }),
    rage({ actor, verb, object }),
    rage({ actor, object, timestamp: base.timestamp }),
    rage({ verb, object }),
    rage({ actor, verb }),
    rage({ ...base, actor: null }),
    rage({ ...base, actor: 'nobody' }),
    rage({ ...base, actor: { account: { homePage: HOME, name: 'maria.garcia' }, name: 'maria.garcia' } }),
    rage({ ...base, actor: { objectType: 'Group', member: [mbox] } }),
    rage({ ...base, object: { objectType: 'Agent', mbox: 'mailto:x@y.example' }, context: { platform: 'web' } }),
    rage({ ...base, object: { objectType: 'StatementRef', id: '0b0c6d3e-8a0f-4a53-9a8e-0c1c2e3f4a5b' } }),
    rage({ ...base, verb: { id: 'http://adlnet.gov/expapi/verbs/voided' } }),
    rage({ ...base, verb: { id: 'http://adlnet.gov/expapi/verbs/voided' }, object: { objectType: 'StatementRef', id: '0b0c6d3e-8a0f-4a53-9a8e-0c1c2e3f4a5b' } }),
    rage({ ...base, authority: mbox, version: '2.0.0', id: 'client-id', stored: 'whenever' }),
    rage({ ...base, attachments: [] }),
    rage({ ...base, extra: { kept: true } }),
    rage([base]),
    rage('just text'),
    rage({}),
    xapi({ ...base, id: 'ignored', actor: mbox, authority: mbox, version: '1.0.3', context: { registration: '0b0c6d3e-8a0f-4a53-9a8e-0c1c2e3f4a5b', platform: 'x' } }),
    xapi({ ...base, actor: mbox, authority: 'not an agent', version: 1 }),
    xapi({ ...base, actor: mbox, version: '2.0.0' }),
    xapi({ ...base, actor: mbox, authority: { objectType: 'Agent' } }),
    xapi({ ...base, actor: mbox, object: { id: 'http://a.example/1', objectType: 'Activity', definition: { name: { 'en-US': 'One' } } } }),
    xapi({ ...base, actor: mbox, object: { objectType: 'SubStatement', actor: mbox, verb, object: { id: 'http://a.example/2' } } }),
    text('{"actor":{"name":"a\\"b","account":{"homePage":"http://h/","name":"Anonymous"}},"verb":{"id":"http://v/\\u0031"},"object":{"id":"http://o/1"},"timestamp":"2026-11-26T09:46:31.130\\u005a"}'),
    text('{"actor":{"name":"x","account":{"homePage":"http://h/","name":"Anonymous"}},"verb":{"id":"http://v/1"},"object":{"id":"http://o/1","definition":{"a":{"b":{"c":{"d":{"e":{"f":{"g":1}}}}}}}}}'),
    text('{"actor":{"name":"x"},"verb":{"id":"http://v/1"},"verb":{"id":"http://v/2"},"object":{"id":"http://o/1"}}'),
    text('{"__proto__":{"polluted":true},"actor":{"name":"x"},"verb":{"id":"http://v/1"},"object":{"id":"http://o/1"}}'),
    text(`{"act\\u006fr":${JSON.stringify(actor)},"verb":{"id":"http://v/1"},"object":{"id":"http://o/1"}}`),
    text(`{"actor":${JSON.stringify(actor)},"verb":{"id":"http://v/1"},"object":{"id":"http://o/1"},"result":{"extensions":{"k":-0}}}`),
    text(`{"actor":${JSON.stringify(actor)},"verb":{"id":"http://v/1"},"object":{"id":"http://o/1", "definition": {"name": {"en-US": "caf\u00e9 \u2028"}}}}`),
  ];
}

/** Both ways, on one encoder that keeps its caches across all rows (as an export does). */
function assertSame(rows: StoredStatementRow[], settings: NormalizeSettings, encoder = new StatementEncoder(settings)): number {
  let invalid = 0;
  for (const stored of rows) {
    let expected: ReturnType<typeof encodeStraightforward> | { thrown: string };
    try {
      expected = encodeStraightforward(stored, settings);
    } catch (error) {
      expected = { thrown: String(error) };
    }
    let actual: ReturnType<typeof encodeStraightforward> | { thrown: string };
    try {
      actual = encoder.encode(stored);
    } catch (error) {
      actual = { thrown: String(error) };
    }
    assert.deepEqual(actual, expected, `row ${stored.json.slice(0, 200)}`);
    if ('problem' in expected && expected.problem !== null) invalid++;
  }
  return invalid;
}

describe('the export encoder produces exactly the straightforward bytes', () => {
  test('the probe statement itself is valid, so a failing probe always blames the member tried', () => {
    assert.equal(probeValid({}), true);
  });

  test('real trackers’ RAGE statements, augmented or not, compact or spaced, per-player / as-sent / pseudonymised', () => {
    const rows = rageRows();
    assert.ok(rows.length > 100, `${rows.length} fixture rows`);
    for (const settings of SETTINGS) {
      // Twice through the same encoder: the second pass is served from its caches.
      const encoder = new StatementEncoder(settings);
      assertSame(rows, settings, encoder);
      assertSame(rows, settings, encoder);
      // Most real statements are ordinary: they must have taken the fast path, or this test proves nothing.
      assert.ok(encoder.taken.fast > rows.length, `fast ${encoder.taken.fast}, straightforward ${encoder.taken.straightforward}`);
    }
  });

  test('odd, invalid and xAPI statements: the same text, the same problem, the same error', () => {
    const odd = oddStatements();
    const rows = odd.flatMap(({ json, source }, i) => [0, 1, 2, 3].map((variant) => row(json, source, i + variant)));
    for (const settings of SETTINGS) {
      const encoder = new StatementEncoder(settings);
      const invalid = assertSame(rows, settings, encoder);
      assert.ok(invalid > 10, `invalid statements are among the sample (${invalid})`);
      assertSame(rows, settings, encoder);
      assert.ok(encoder.taken.fast > 0 && encoder.taken.straightforward > 0, JSON.stringify(encoder.taken));
    }
  });

  test('pseudonymised: every agent of an xAPI statement is hidden, on the fast path as on the straightforward one', () => {
    const roster = new Map([
      ['mbox:ana.lopez@school.example', 'ana.lopez'],
      ['account:ana.lopez', 'ana.lopez'],
    ]);
    const settings: ExportSettings = { ...(SETTINGS[2] as NormalizeSettings), rosterPlayers: roster };
    const zoe = { objectType: 'Agent', name: 'Zoë Ñandú', mbox: 'mailto:zoe@example.org' };
    const ana = { name: 'Ana López', mbox: 'mailto:ANA.LOPEZ@school.example' };
    const base = { verb, object, timestamp: '2026-11-26T09:46:31.130Z' };
    const statements = [
      { ...base, actor: zoe },
      { ...base, actor: zoe, context: { instructor: ana, team: { objectType: 'Group', member: [zoe, { openid: 'https://id.example/jo' }] } } },
      { ...base, actor: { mbox_sha1sum: '0123456789abcdef0123456789abcdef01234567' }, object: { objectType: 'Agent', ...ana } },
      { ...base, actor: ana, object: { objectType: 'SubStatement', actor: zoe, verb, object: { objectType: 'Group', member: [ana] } } },
    ];
    const rows = statements.flatMap((value, i) =>
      [0, 1, 2].map((variant) => row(JSON.stringify(value), 'xapi', i + variant, { playerPublicId: `xapi-player-${i}`, playerKind: 'identified' })),
    );
    const encoder = new StatementEncoder(settings);
    assert.equal(assertSame(rows, settings, encoder), 0, 'still valid xAPI');
    assertSame(rows, settings, encoder);
    assert.ok(encoder.taken.fast > rows.length, JSON.stringify(encoder.taken));
    const texts = rows.map((stored) => encoder.encode(stored).text);
    for (const text of texts) {
      for (const name of ['Zoë', 'zoe@', 'Ana', 'ANA', 'ana.lopez', 'id.example', '0123456789abcdef0123456789abcdef01234567', 'xapi-player']) {
        assert.ok(!text.includes(name), `${text} names ${name}`);
      }
    }
    const instructor = (JSON.parse(texts[3] as string) as { context: { instructor: { account: { name: string } } } }).context.instructor;
    assert.equal(instructor.account.name, pseudonym('salt-1', 'ana.lopez'), "a roster student's address is her player's pseudonym");
  });

  test('the caches start afresh past their limit and still agree', () => {
    const settings = SETTINGS[0] as NormalizeSettings;
    const rows = Array.from({ length: 22_000 }, (_, i) =>
      row(JSON.stringify({ actor, verb, object, result: { score: { raw: i } }, timestamp: '2026-11-26T09:46:31.130Z' }), 'rage', i),
    );
    const encoder = new StatementEncoder(settings);
    assertSame(rows, settings, encoder);
    assertSame(rows.slice(0, 500), settings, encoder);
  });

  test('random statements built from real parts and arbitrary JSON', () => {
    const fixtures = fixtureStatements();
    const part = (key: string) =>
      fc.oneof(
        fc.constantFrom(...fixtures.map((statement) => statement[key]).filter((value) => value !== undefined)),
        fc.jsonValue({ maxDepth: 3 }),
      );
    const statement = fc.record(
      {
        actor: part('actor'),
        verb: part('verb'),
        object: part('object'),
        result: part('result'),
        context: fc.oneof(fc.constant({ extensions: { a: 1 } }), fc.jsonValue({ maxDepth: 3 })),
        timestamp: fc.oneof(part('timestamp'), fc.constant('2026-11-26T09:46:31Z')),
        authority: fc.jsonValue({ maxDepth: 2 }),
        version: fc.oneof(fc.constantFrom('1.0.0', '1.0.3', '2.0.0'), fc.jsonValue({ maxDepth: 1 })),
        other: fc.jsonValue({ maxDepth: 1 }),
      },
      { requiredKeys: ['actor', 'verb', 'object'] },
    );
    for (const settings of SETTINGS) {
      const encoder = new StatementEncoder(settings);
      fc.assert(
        fc.property(statement, fc.constantFrom<'rage' | 'xapi'>('rage', 'xapi'), fc.nat(11), fc.boolean(), (value, source, variant, spaced) => {
          assertSame([row(JSON.stringify(value, null, spaced ? 1 : undefined), source, variant)], settings, encoder);
        }),
        { numRuns: 300 },
      );
    }
  });

  test('the member splitter agrees with JSON.parse whenever it answers', () => {
    fc.assert(
      fc.property(fc.json({ maxDepth: 8 }), fc.boolean(), (json, spaced) => {
        const text = spaced ? JSON.stringify(JSON.parse(json), null, 2) : json;
        const members = topLevelMembers(text);
        if (members === null) return;
        const parsed = JSON.parse(text) as Json;
        // Compared as objects: JSON.parse lists integer-like keys first, the splitter in text order.
        assert.deepEqual(Object.fromEntries(members.map((member) => [member.key, JSON.parse(member.value)])), parsed);
        assert.equal(members.length, Object.keys(parsed).length);
      }),
      { numRuns: 2000 },
    );
    assert.equal(topLevelMembers('{"a":1,}'), null);
    assert.equal(topLevelMembers('{"a":1} x'), null);
    assert.deepEqual(topLevelMembers(' { } '), []);
  });
});

describe('isOrdinaryTimestamp', () => {
  test('never says yes where normalisation or the validator would say no', () => {
    const digit = fc.integer({ min: 0, max: 9 }).map(String);
    const two = fc.tuple(digit, digit).map((d) => d.join(''));
    const shaped = fc
      .tuple(fc.tuple(digit, digit, digit, digit), two, two, two, two, two, fc.array(digit, { maxLength: 11 }), fc.constantFrom('Z', 'z', '+01:00', ''))
      .map(([y, mo, d, h, mi, s, fraction, zone]) => `${y.join('')}-${mo}-${d}T${h}:${mi}:${s}${fraction.length ? `.${fraction.join('')}` : ''}${zone}`);
    fc.assert(
      fc.property(fc.oneof(shaped, fc.string()), (value) => {
        if (isOrdinaryTimestamp(value)) assert.ok(canonicalTimestamp(value) === value && isTimestamp(value), value);
      }),
      { numRuns: 20_000 },
    );
    assert.ok(isOrdinaryTimestamp('2026-11-26T09:46:31.130Z'));
    assert.ok(isOrdinaryTimestamp('2026-11-26T09:46:31Z'));
    assert.ok(!isOrdinaryTimestamp('2026-02-29T09:46:31Z'));
  });
});
