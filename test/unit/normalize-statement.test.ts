import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { describe, test } from 'node:test';
import { type NormalizeSettings, normalizeStatement, pseudonym, type StoredStatementRow } from '../../server/normalize/index.js';

// Learning Locker's own statement validator (1.0.x rules), shipped inside xapi-statements: the N-9 yardstick.
const require = createRequire(import.meta.url);
const llValidate = (require('xapi-validation') as { default: (data: unknown) => Array<{ path: string[] }> }).default;

const HOME = 'http://aula.test/';
const settings: NormalizeSettings = { homePage: HOME, namespace: 'http://aula.test/xapi', actors: 'per-player', pseudonymSalt: null };
const OBJECT_BASE = 'http://aula.test/api/proxy/gleaner/games/g1/v1';

function row(statement: unknown, overrides: Partial<StoredStatementRow> = {}): StoredStatementRow {
  return {
    id: '0b0c6d3e-8a0f-4a53-9a8e-0c1c2e3f4a5b',
    stored: '2026-11-26T09:46:32.001Z',
    source: 'rage',
    json: JSON.stringify(statement),
    playerPublicId: '5a30078bc8b102008b414700001',
    playerKind: 'anonymous',
    gameId: 'g1',
    versionId: 'v1',
    versionLink: null,
    ...overrides,
  };
}

const augmentation = {
  gameplayId: 'gp1',
  versionId: 'v1',
  activityId: 'a1',
  session: 2,
  firstSessionStarted: '2026-11-26T09:40:00.000Z',
  currentSessionStarted: '2026-11-26T09:45:00.000Z',
};
const anonymousActor = { account: { homePage: HOME, name: 'Anonymous' }, name: 'Brave Otter' };

const interacted = {
  actor: anonymousActor,
  verb: { id: 'http://adlnet.gov/expapi/verbs/interacted' },
  object: {
    id: `${OBJECT_BASE}/item/door`,
    definition: { type: 'https://w3id.org/xapi/seriousgames/activity-types/item', extensions: augmentation },
  },
  timestamp: '2026-11-26T09:46:31.130Z',
  result: {
    extensions: {
      custom_ext: 'hello',
      'https://w3id.org/xapi/seriousgames/extensions/health': 0.42,
      'https://w3id.org/xapi/seriousgames/extensions/position': { x: 1, y: 2 },
    },
  },
};

type Json = Record<string, unknown>;
const at = (value: unknown, ...path: string[]): unknown =>
  path.reduce<unknown>((node, key) => (node as Json | undefined)?.[key], value);

describe('normalizeStatement (xapi.md §10)', () => {
  test('a js-tracker statement becomes valid xAPI with IRI extension keys and session data in context', () => {
    const out = normalizeStatement(row(interacted), settings);
    assert.deepEqual(llValidate(out), []);
    assert.equal(out.id, '0b0c6d3e-8a0f-4a53-9a8e-0c1c2e3f4a5b');
    assert.equal(out.version, '1.0.0');
    assert.equal(out.stored, '2026-11-26T09:46:32.001Z');
    assert.equal(out.timestamp, '2026-11-26T09:46:31.130Z');
    assert.deepEqual(at(out, 'result', 'extensions'), {
      'http://aula.test/xapi/extensions/custom_ext': 'hello',
      'https://w3id.org/xapi/seriousgames/extensions/health': 0.42,
      'https://w3id.org/xapi/seriousgames/extensions/position': { x: 1, y: 2 },
    });
    assert.equal(at(out, 'object', 'definition', 'extensions'), undefined);
    assert.deepEqual(at(out, 'context', 'extensions'), {
      'http://aula.test/xapi/extensions/gameplayId': 'gp1',
      'http://aula.test/xapi/extensions/versionId': 'v1',
      'http://aula.test/xapi/extensions/activityId': 'a1',
      'http://aula.test/xapi/extensions/session': 2,
      'http://aula.test/xapi/extensions/firstSessionStarted': '2026-11-26T09:40:00.000Z',
      'http://aula.test/xapi/extensions/currentSessionStarted': '2026-11-26T09:45:00.000Z',
    });
    assert.deepEqual(at(out, 'authority', 'account'), { homePage: HOME, name: 'aula-collector' });
  });

  test('per-player actors carry the playerId; as-sent keeps the shared Anonymous account', () => {
    const perPlayer = normalizeStatement(row(interacted), settings);
    assert.deepEqual(perPlayer.actor, { account: { homePage: HOME, name: '5a30078bc8b102008b414700001' }, name: 'Brave Otter' });
    const asSent = normalizeStatement(row(interacted), { ...settings, actors: 'as-sent' });
    assert.deepEqual(asSent.actor, anonymousActor);
  });

  test('pseudonymisation hides usernames and playerIds behind a stable keyed hash', () => {
    const student = { account: { homePage: HOME, name: 'maria.garcia' }, name: 'maria.garcia' };
    const identified = row({ ...interacted, actor: student }, { playerPublicId: 'maria.garcia', playerKind: 'identified' });
    const salted = { ...settings, pseudonymSalt: 'salt-1' };
    for (const actors of ['as-sent', 'per-player'] as const) {
      const out = normalizeStatement(identified, { ...salted, actors });
      assert.ok(!JSON.stringify(out).includes('maria'), `${actors}: ${JSON.stringify(out.actor)}`);
      assert.equal(at(out, 'actor', 'account', 'name'), pseudonym('salt-1', 'maria.garcia'));
      assert.deepEqual(llValidate(out), []);
    }
    const anonymous = normalizeStatement(row(interacted), salted);
    assert.equal(at(anonymous, 'actor', 'account', 'name'), pseudonym('salt-1', '5a30078bc8b102008b414700001'));
    assert.notEqual(pseudonym('salt-2', 'maria.garcia'), pseudonym('salt-1', 'maria.garcia'));
  });

  test('non-IRI types, object ids and verbs are made absolute (N-5, N-6)', () => {
    const odd = {
      actor: anonymousActor,
      verb: { id: 'jumped over' },
      object: { id: 'undefined/level/lvl 1', definition: { type: 'area', extensions: augmentation } },
      timestamp: '2026-11-26T09:46:31.130Z',
    };
    const out = normalizeStatement(row(odd), settings);
    assert.deepEqual(llValidate(out), []);
    assert.equal(at(out, 'verb', 'id'), 'http://aula.test/xapi/verbs/jumped%20over');
    assert.equal(at(out, 'object', 'id'), `${OBJECT_BASE}/undefined/level/lvl%201`);
    assert.equal(at(out, 'object', 'definition', 'type'), 'https://w3id.org/xapi/seriousgames/activity-types/area');
    const unknownType = normalizeStatement(row({ ...odd, object: { id: 'x', definition: { type: 'boss fight' } } }), settings);
    assert.equal(at(unknownType, 'object', 'definition', 'type'), 'http://aula.test/xapi/activity-types/boss%20fight');
    const spaced = normalizeStatement(row({ ...odd, object: { id: 'http://game/my level' } }), settings);
    assert.equal(at(spaced, 'object', 'id'), 'http://game/my%20level');
  });

  test('timestamps xAPI accepts in another notation leave as the same instant in the common one, the original kept in context (N-3)', () => {
    const original = (statement: Record<string, unknown>) => at(statement, 'context', 'extensions', 'http://aula.test/xapi/extensions/original-timestamp');
    const cases: Array<[string, string]> = [
      ['2026-11-26T10:41:42+0100', '2026-11-26T10:41:42+01:00'],
      ['2026-11-26t09:41z', '2026-11-26T09:41:00Z'],
      ['2026-11-26T09:41:42,5-03', '2026-11-26T09:41:42.5-03:00'],
      ['2026-11-26T09:41:42.1234567890123Z', '2026-11-26T09:41:42.123456789Z'],
    ];
    for (const [sent, written] of cases) {
      for (const source of ['xapi', 'rage'] as const) {
        const out = normalizeStatement(row({ ...interacted, timestamp: sent }, { source }), settings);
        assert.equal(out.timestamp, written, `${sent} from ${source}`);
        assert.equal(original(out), sent);
        assert.deepEqual(llValidate(out).filter((problem) => problem.path.includes('timestamp')), [], `${written} passes Learning Locker's validator`);
      }
    }
    // Not an instant xAPI accepts: replaced by stored, as before.
    for (const sent of ['2026-02-30T09:41:42Z', '2026-11-26T24:00:00Z', '2026-11-26T09:41:42-00:00', '2026-11-26T23:59:60Z']) {
      const out = normalizeStatement(row({ ...interacted, timestamp: sent }), settings);
      assert.equal(out.timestamp, '2026-11-26T09:46:32.001Z', sent);
      assert.equal(original(out), sent);
    }
  });

  test('timestamps: valid ones kept as sent (9 digits too); others replaced by stored and kept in context (N-3)', () => {
    const java = normalizeStatement(row({ ...interacted, timestamp: '2026-11-26T09:41:42.269082274Z' }), settings);
    assert.equal(java.timestamp, '2026-11-26T09:41:42.269082274Z');
    const culture = normalizeStatement(row({ ...interacted, timestamp: '2026-11-26T09.41.42.269Z' }), settings);
    assert.equal(culture.timestamp, '2026-11-26T09:46:32.001Z');
    assert.equal(at(culture, 'context', 'extensions', 'http://aula.test/xapi/extensions/original-timestamp'), '2026-11-26T09.41.42.269Z');
    assert.deepEqual(llValidate(culture), []);
    const noZone = normalizeStatement(row({ ...interacted, timestamp: '2026-11-26T09:41:42' }), settings);
    assert.equal(noZone.timestamp, '2026-11-26T09:46:32.001Z');
    const { timestamp: _dropped, ...withoutTimestamp } = interacted;
    const missing = normalizeStatement(row(withoutTimestamp), settings);
    assert.equal(missing.timestamp, '2026-11-26T09:46:32.001Z');
    assert.equal(at(missing, 'context', 'extensions', 'http://aula.test/xapi/extensions/original-timestamp'), undefined);
  });

  test("the original's shared test statement S (nested, odd extension keys) validates after normalisation", () => {
    const s = {
      id: '19de3bf2-6b7f-4399-a71b-da5f3674c8f8',
      actor: anonymousActor,
      verb: { id: 'http://id.tincanapi.com/verb/initialized' },
      object: {
        id: 'http://example.com/games/SuperMarioBros/Screens/testName',
        definition: {
          type: 'https://rage.e-ucm.es/xapi/seriousgames/activities/type',
          extensions: { type: 'defType', extensions: { versionId: 'x' }, ...augmentation },
        },
      },
      result: { extensions: { ext1: '123', '/ext2': '456', 'asdasd/asdasd3': 0, '23.423.4756/ext3': '411' } },
      timestamp: '2016-05-16T11:48:25Z',
    };
    const out = normalizeStatement(row(s), settings);
    assert.deepEqual(llValidate(out), []);
    assert.deepEqual(Object.keys(at(out, 'result', 'extensions') as Json), [
      'http://aula.test/xapi/extensions/ext1',
      'http://aula.test/xapi/extensions/%2Fext2',
      'http://aula.test/xapi/extensions/asdasd%2Fasdasd3',
      'http://aula.test/xapi/extensions/23.423.4756%2Fext3',
    ]);
    assert.deepEqual(at(out, 'object', 'definition', 'extensions'), {
      'http://aula.test/xapi/extensions/type': 'defType',
      'http://aula.test/xapi/extensions/extensions': { versionId: 'x' },
    });
  });

  test('deterministic: the same row and settings give byte-identical JSON (N-8), key order fixed', () => {
    const a = JSON.stringify(normalizeStatement(row(interacted), settings));
    const b = JSON.stringify(normalizeStatement(row(JSON.parse(JSON.stringify(interacted))), { ...settings }));
    assert.equal(a, b);
    assert.deepEqual(Object.keys(JSON.parse(a)), ['id', 'actor', 'verb', 'object', 'result', 'context', 'timestamp', 'stored', 'authority', 'version']);
  });

  test('statements received on the xAPI resource keep their actor, authority and version', () => {
    const statement = {
      id: '0b0c6d3e-8a0f-4a53-9a8e-0c1c2e3f4a5b',
      actor: { mbox: 'mailto:teacher@example.com' },
      verb: { id: 'http://adlnet.gov/expapi/verbs/experienced' },
      object: { id: 'http://example.com/a' },
      timestamp: '2026-11-26T10:00:00+01:00',
      authority: { account: { homePage: 'http://aula.test/', name: 'key1' } },
      version: '1.0.3',
    };
    const out = normalizeStatement(row(statement, { source: 'xapi' }), settings);
    assert.deepEqual(out.actor, statement.actor);
    assert.deepEqual(out.authority, statement.authority);
    assert.equal(out.version, '1.0.3');
    assert.equal(out.timestamp, '2026-11-26T10:00:00+01:00');
    assert.deepEqual(llValidate(out), []);
  });
});
