import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { validateXapiStatement } from '../../server/xapi/validation/validate-statement.js';

type Json = Record<string, unknown>;

const UUID = 'fd41c918-b88b-4b20-a0a5-a4c32391aaa0';
const SHA2 = '495395e777cd98da653df9615d09c0fd6bb2f8d4788394cd53c56a3bfdcd848a';

function base(): Json {
  return {
    actor: { objectType: 'Agent', name: 'Ana', mbox: 'mailto:ana@example.com' },
    verb: { id: 'http://adlnet.gov/expapi/verbs/experienced', display: { 'en-US': 'experienced' } },
    object: {
      id: 'http://example.com/game/level-1',
      definition: { name: { en: 'Level 1' }, type: 'http://adlnet.gov/expapi/activities/lesson' },
    },
  };
}

/** A statement with one property replaced or added, at a dotted path. */
function withValue(path: string, value: unknown, start: Json = base()): Json {
  const keys = path.split('.');
  let node: Json = start;
  for (const key of keys.slice(0, -1)) {
    if (typeof node[key] !== 'object' || node[key] === null) node[key] = {};
    node = node[key] as Json;
  }
  const last = keys.at(-1) as string;
  if (value === undefined) delete node[last];
  else node[last] = value;
  return start;
}

const v1 = { version: '1.0' } as const;
const v2 = { version: '2.0' } as const;

describe('validateXapiStatement: valid statements', () => {
  const valid: Array<[string, Json, typeof v1 | typeof v2]> = [
    ['minimal', base(), v1],
    ['with id, timestamp (offset), version', { ...base(), id: UUID, timestamp: '2024-05-01T10:00:00.123+02:00', version: '1.0.3' }, v1],
    ['RFC 3339 nanoseconds and lower-case z', withValue('timestamp', '2024-05-01t10:00:00.123456789z'), v1],
    ['an account actor', withValue('actor', { account: { homePage: 'http://aula.local/', name: 'p1' } }), v1],
    ['an anonymous group actor', withValue('actor', { objectType: 'Group', member: [{ openid: 'http://openid.example.com/a' }] }), v1],
    ['an identified group with no members', withValue('actor', { objectType: 'Group', mbox_sha1sum: 'a'.repeat(40) }), v1],
    ['a StatementRef object', withValue('object', { objectType: 'StatementRef', id: UUID }), v1],
    ['an Agent object', withValue('object', { objectType: 'Agent', mbox: 'mailto:b@example.com' }), v1],
    [
      'a SubStatement with result and context',
      withValue('object', {
        objectType: 'SubStatement',
        actor: { mbox: 'mailto:b@example.com' },
        verb: { id: 'http://example.com/verbs/x' },
        object: { id: 'http://example.com/a' },
        result: { duration: 'PT1.5S' },
        context: { platform: 'Unity' },
        timestamp: '2024-05-01T10:00:00Z',
      }),
      v1,
    ],
    [
      'full result',
      withValue('result', {
        score: { scaled: 0.5, raw: 5, min: 0, max: 10 },
        success: true,
        completion: false,
        response: 'abc',
        duration: 'P3Y1M29DT4H35M59.14S',
        extensions: { 'http://example.com/ext': null },
      }),
      v1,
    ],
    ['P4W duration', withValue('result', { duration: 'P4W' }), v1],
    [
      'full context',
      withValue('context', {
        registration: UUID,
        instructor: { mbox: 'mailto:t@example.com' },
        team: { objectType: 'Group', member: [] },
        contextActivities: { parent: { id: 'http://example.com/p' }, grouping: [{ id: 'http://example.com/g' }] },
        revision: 'r1',
        platform: 'Unity',
        language: 'zh-Hant-TW',
        statement: { objectType: 'StatementRef', id: UUID },
        extensions: { 'https://w3id.org/xapi/seriousgames/extensions/progress': 0.5 },
      }),
      v1,
    ],
    [
      'interaction choice',
      withValue('object.definition', {
        interactionType: 'choice',
        correctResponsesPattern: ['a[,]b'],
        choices: [{ id: 'a', description: { en: 'A' } }, { id: 'b' }],
      }),
      v1,
    ],
    [
      'attachment with fileUrl',
      withValue('attachments', [
        { usageType: 'http://example.com/u', display: { en: 'x' }, contentType: 'text/plain; charset=ascii', length: 27, sha2: SHA2, fileUrl: 'http://x.example.com/f.txt' },
      ]),
      v1,
    ],
    ['a voiding statement', { ...withValue('verb', { id: 'http://adlnet.gov/expapi/verbs/voided' }), object: { objectType: 'StatementRef', id: UUID } }, v1],
    ['version 2.0.0 under 2.0', withValue('version', '2.0.0'), v2],
    ['version 1.0 under 1.0', withValue('version', '1.0'), v1],
    [
      'an OAuth authority: anonymous Group of two Agents',
      withValue('authority', { objectType: 'Group', member: [{ mbox: 'mailto:a@example.com' }, { account: { homePage: 'http://x.example.com', name: 'app' } }] }),
      v1,
    ],
    [
      'contextAgents under 2.0',
      withValue('context', {
        contextAgents: [{ objectType: 'contextAgent', agent: { mbox: 'mailto:a@example.com' }, relevantTypes: ['http://example.com/t'] }],
        contextGroups: [{ objectType: 'contextGroup', group: { objectType: 'Group', member: [] } }],
      }),
      v2,
    ],
  ];
  for (const [name, statement, options] of valid) {
    it(name, () => assert.equal(validateXapiStatement(statement, options), null));
  }
});

describe('validateXapiStatement: every rule has a failing case with its message', () => {
  const cases: Array<[Json | unknown, string, (typeof v1 | typeof v2)?]> = [
    // shape and types
    ['not an object', '/ must be a statement object, not string'],
    [[base()], '/ must be a statement object, not array'],
    [withValue('actor', undefined), '/actor is required'],
    [withValue('verb', undefined), '/verb is required'],
    [withValue('object', undefined), '/object is required'],
    [withValue('verb.id', undefined), '/verb/id is required'],
    [withValue('object.id', undefined), '/object/id is required'],
    [withValue('unknown', 1), '/unknown is not allowed here'],
    [withValue('actor.name', null), '/actor/name must not be null'],
    [withValue('actor.name', 5), '/actor/name must be a string, not number'],
    [withValue('object.definition.description', null), '/object/definition/description must not be null'],
    [withValue('object.definition.Name', { en: 'x' }), '/object/definition/Name is not allowed here'],
    // formats, including the empty string
    [withValue('id', 'AA97B177-9383-4934-8543-0F91A7A028368'), '/id must be a UUID'],
    [withValue('id', ''), '/id must be a UUID'],
    [withValue('id', 12), '/id must be a string, not number'],
    [withValue('verb.id', 'not an iri'), '/verb/id must be an absolute IRI'],
    [withValue('verb.id', ''), '/verb/id must be an absolute IRI'],
    [withValue('verb.id', 'http://example.com/%zz'), '/verb/id must be an absolute IRI'],
    [withValue('object.id', 'level-1'), '/object/id must be an absolute IRI'],
    [withValue('verb.display', { a12345678: 'x' }), '/verb/display/a12345678 must be keyed by an RFC 5646 language tag'],
    [withValue('verb.display', 'experienced'), '/verb/display must be a language map (an object)'],
    [withValue('verb.display', { en: 5 }), '/verb/display/en must be a string, not number'],
    [withValue('timestamp', '01/011/2015'), '/timestamp must be an ISO 8601 timestamp with a time zone'],
    [withValue('timestamp', '2024-05-01T10:00:00'), '/timestamp must be an ISO 8601 timestamp with a time zone'],
    [withValue('timestamp', '2024-02-30T10:00:00Z'), '/timestamp must be an ISO 8601 timestamp with a time zone'],
    [withValue('timestamp', '2024-05-01T10:00:00-00:00'), '/timestamp must be an ISO 8601 timestamp with a time zone'],
    [withValue('timestamp', '2024-05-01T10:00:00-0000'), '/timestamp must be an ISO 8601 timestamp with a time zone'],
    [withValue('timestamp', '2024-05-01T10:00:00-00'), '/timestamp must be an ISO 8601 timestamp with a time zone'],
    [withValue('stored', 'yesterday'), '/stored must be an ISO 8601 timestamp with a time zone'],
    // agents and groups
    [withValue('actor.mbox', 'ana@example.com'), '/actor/mbox must be a mailto IRI'],
    [withValue('actor.mbox_sha1sum', 'a'.repeat(40)), '/actor must have exactly one of mbox, mbox_sha1sum, openid, account'],
    [withValue('actor', { name: 'nobody' }), '/actor must have exactly one of mbox, mbox_sha1sum, openid, account'],
    [withValue('actor', { mbox_sha1sum: 'xyz' }), '/actor/mbox_sha1sum must be a SHA-1 hex string'],
    [withValue('actor', { openid: 'openid' }), '/actor/openid must be an absolute IRI'],
    [withValue('actor', { account: { name: 'p' } }), '/actor/account/homePage is required'],
    [withValue('actor', { account: { homePage: 'http://x.example.com' } }), '/actor/account/name is required'],
    [withValue('actor', { account: { homePage: 'x', name: 'p' } }), '/actor/account/homePage must be an absolute IRL'],
    [withValue('actor.objectType', 'agent'), '/actor/objectType must be "Agent"'],
    [withValue('actor', { objectType: 'Group', name: 'g' }), '/actor/member is required in an anonymous Group'],
    [
      withValue('actor', { objectType: 'Group', member: [{ objectType: 'Group', member: [] }] }),
      '/actor/member/0/objectType must be "Agent" (no Groups in a Group)',
    ],
    [
      withValue('actor', { objectType: 'Group', mbox: 'mailto:g@example.com', openid: 'http://o.example.com/' }),
      '/actor must have at most one of mbox, mbox_sha1sum, openid, account',
    ],
    [withValue('actor', { objectType: 'Group', member: {} }), '/actor/member must be an array, not object'],
    [withValue('authority', { name: 'x' }), '/authority must have exactly one of mbox, mbox_sha1sum, openid, account'],
    [withValue('authority', { objectType: 'Group', mbox: 'mailto:g@example.com' }), '/authority must not be an identified Group'],
    [
      withValue('authority', { objectType: 'Group', member: [{ mbox: 'mailto:a@example.com' }] }),
      '/authority/member must list exactly two Agents',
    ],
    // objects
    [withValue('object.objectType', 'activity'), '/object/objectType must be Activity, Agent, Group, StatementRef or SubStatement'],
    [withValue('object', { objectType: 'StatementRef', id: 'x' }), '/object/id must be a UUID'],
    [withValue('object', { objectType: 'StatementRef' }), '/object/id is required'],
    [withValue('object', { objectType: 'Agent', name: 'x' }), '/object must have exactly one of mbox, mbox_sha1sum, openid, account'],
    [
      withValue('object', { objectType: 'SubStatement', id: UUID, actor: base().actor, verb: base().verb, object: base().object }),
      '/object/id is not allowed here',
    ],
    [
      withValue('object', { objectType: 'SubStatement', actor: base().actor, verb: base().verb, object: base().object, version: '1.0.0' }),
      '/object/version is not allowed here',
    ],
    [
      withValue('object', {
        objectType: 'SubStatement',
        actor: base().actor,
        verb: base().verb,
        object: { objectType: 'SubStatement', actor: base().actor, verb: base().verb, object: base().object },
      }),
      '/object/object/objectType must not be "SubStatement" inside a SubStatement',
    ],
    [withValue('object', { objectType: 'SubStatement', actor: base().actor, verb: base().verb }), '/object/object is required'],
    // activity definitions
    [withValue('object.definition.type', 'area'), '/object/definition/type must be an absolute IRI'],
    [withValue('object.definition.moreInfo', 'x'), '/object/definition/moreInfo must be an absolute IRI'],
    [withValue('object.definition.extensions', { custom_ext: 1 }), '/object/definition/extensions/custom_ext must be keyed by an absolute IRI'],
    [withValue('object.definition.interactionType', 'Choice'), '/object/definition/interactionType must be one of true-false, choice, fill-in, long-fill-in, matching, performance, sequencing, likert, numeric, other'],
    [withValue('object.definition.correctResponsesPattern', ['a']), '/object/definition/interactionType is required with correctResponsesPattern'],
    [
      withValue('object.definition', { interactionType: 'true-false', choices: [] }),
      '/object/definition/choices is not allowed with "true-false"',
    ],
    [
      withValue('object.definition', { interactionType: 'choice', choices: [{ id: 'a' }, { id: 'a' }] }),
      '/object/definition/choices/1/id must be unique within the list',
    ],
    [
      withValue('object.definition', { interactionType: 'likert', scale: [{ description: { en: 'x' } }] }),
      '/object/definition/scale/0/id is required',
    ],
    [
      withValue('object.definition', { interactionType: 'numeric', correctResponsesPattern: 'a' }),
      '/object/definition/correctResponsesPattern must be an array, not string',
    ],
    // result
    [withValue('result.score.scaled', 1.5), '/result/score/scaled must be between -1 and 1'],
    [withValue('result.score', { raw: 11, max: 10 }), '/result/score/raw must not be greater than max'],
    [withValue('result.score', { raw: -1, min: 0 }), '/result/score/raw must not be less than min'],
    [withValue('result.score', { min: 10, max: 10 }), '/result/score/min must be less than max'],
    [withValue('result.score', { raw: '5' }), '/result/score/raw must be a number, not string'],
    [withValue('result.success', 'true'), '/result/success must be a boolean, not string'],
    [withValue('result.completion', 1), '/result/completion must be a boolean, not number'],
    [withValue('result.duration', 'PA1H0M0S'), '/result/duration must be an ISO 8601 duration'],
    [withValue('result.duration', 'P4W1D'), '/result/duration must be an ISO 8601 duration'],
    [withValue('result.duration', 'PT'), '/result/duration must be an ISO 8601 duration'],
    [withValue('result.extensions', { custom_ext: 1 }), '/result/extensions/custom_ext must be keyed by an absolute IRI'],
    // context
    [withValue('context.registration', 'x'), '/context/registration must be a UUID'],
    [withValue('context.instructor', { name: 'x' }), '/context/instructor must have exactly one of mbox, mbox_sha1sum, openid, account'],
    [withValue('context.team', { mbox: 'mailto:t@example.com' }), '/context/team/objectType must be "Group"'],
    [withValue('context.contextActivities', { parents: [] }), '/context/contextActivities/parents is not allowed here'],
    [withValue('context.contextActivities', { parent: [{ id: 'p' }] }), '/context/contextActivities/parent/0/id must be an absolute IRI'],
    [
      { ...withValue('context.revision', 'r1'), object: { objectType: 'Agent', mbox: 'mailto:b@example.com' } },
      '/context/revision is only allowed when the object is an Activity',
    ],
    [
      { ...withValue('context.platform', 'p'), object: { objectType: 'StatementRef', id: UUID } },
      '/context/platform is only allowed when the object is an Activity',
    ],
    [withValue('context.language', 'english!'), '/context/language must be an RFC 5646 language tag'],
    [withValue('context.statement', { id: UUID }), '/context/statement/objectType must be "StatementRef"'],
    [withValue('context.extensions', [1]), '/context/extensions must be an object'],
    [withValue('context.contextAgents', []), '/context/contextAgents is not allowed here', v1],
    [
      withValue('context.contextAgents', [{ objectType: 'Should fail', agent: { mbox: 'mailto:a@example.com' } }]),
      '/context/contextAgents/0/objectType must be "contextAgent"',
      v2,
    ],
    [withValue('context.contextAgents', [{ objectType: 'contextAgent', agent: { key: 'x' } }]), '/context/contextAgents/0/agent/key is not allowed here', v2],
    [
      withValue('context.contextAgents', [{ objectType: 'contextAgent', agent: { mbox: 'mailto:a@example.com' }, relevantTypes: [] }]),
      '/context/contextAgents/0/relevantTypes must not be empty',
      v2,
    ],
    [
      withValue('context.contextGroups', [{ objectType: 'contextGroup', group: { objectType: 'Group', member: [] }, relevantTypes: ['abc'] }]),
      '/context/contextGroups/0/relevantTypes/0 must be an absolute IRI',
      v2,
    ],
    // attachments
    [withValue('attachments', {}), '/attachments must be an array, not object'],
    [withValue('attachments', [{ display: { en: 'x' }, contentType: 'text/plain', length: 1, sha2: SHA2 }]), '/attachments/0/usageType is required'],
    [
      withValue('attachments', [{ usageType: 'http://e.example.com/u', display: { en: 'x' }, contentType: 'text/plain', length: 1.5, sha2: SHA2 }]),
      '/attachments/0/length must be a non-negative integer',
    ],
    [
      withValue('attachments', [{ usageType: 'http://e.example.com/u', display: { en: 'x' }, contentType: 'text/plain', length: 1, sha2: 1 }]),
      '/attachments/0/sha2 must be a string, not number',
    ],
    [
      withValue('attachments', [{ usageType: 'http://e.example.com/u', display: { en: 'x' }, contentType: 'plain', length: 1, sha2: SHA2 }]),
      '/attachments/0/contentType must be a media type',
    ],
    // version and voiding
    [withValue('version', '2.0.0'), '/version must be 1.0.x', v1],
    [withValue('version', '1.1.0'), '/version must be 1.0.x or 2.0.x', v2],
    [withValue('version', '0.95'), '/version must be 1.0.x'],
    [withValue('verb', { id: 'http://adlnet.gov/expapi/verbs/voided' }), '/object/objectType must be "StatementRef" in a voiding statement'],
  ];
  for (const [statement, message, options] of cases) {
    it(message, () => assert.equal(validateXapiStatement(statement, options ?? v1), message));
  }
});

describe('validateXapiStatement: properties', () => {
  const iri = fc.webUrl({ withFragments: true, withQueryParameters: true });
  const actor = fc.oneof(
    fc.emailAddress().map((email) => ({ mbox: `mailto:${email}` })),
    fc.stringMatching(/^[0-9a-f]{40}$/).map((sum) => ({ mbox_sha1sum: sum })),
    fc.record({ homePage: iri, name: fc.string() }).map((account) => ({ objectType: 'Agent', account })),
  );
  const statement = fc.record(
    {
      id: fc.uuid(),
      actor,
      verb: fc.record({ id: iri, display: fc.dictionary(fc.constantFrom('en', 'en-US', 'es', 'zh-Hant'), fc.string()) }, { requiredKeys: ['id'] }),
      object: fc.record({ id: iri }),
      timestamp: fc.date({ min: new Date(0), max: new Date(4102444800000), noInvalidDate: true }).map((d) => d.toISOString()),
      result: fc.record(
        {
          success: fc.boolean(),
          score: fc.double({ min: -1, max: 1, noNaN: true }).map((scaled) => ({ scaled })),
          extensions: fc.dictionary(iri, fc.jsonValue()),
        },
        { requiredKeys: [] },
      ),
    },
    { requiredKeys: ['actor', 'verb', 'object'] },
  );

  it('generated valid statements pass under 1.0 and 2.0', () => {
    fc.assert(
      fc.property(statement, (s) => {
        assert.equal(validateXapiStatement(s, v1), null);
        assert.equal(validateXapiStatement(s, v2), null);
      }),
    );
  });

  it('a null anywhere outside extension values is rejected, with the path of the null', () => {
    fc.assert(
      fc.property(statement, fc.nat(), (s, pick) => {
        const paths = leafPaths(s).filter((p) => !p.includes('/extensions/'));
        const target = paths[pick % paths.length] as string;
        const copy = structuredClone(s) as Json;
        setPointer(copy, target, null);
        const message = validateXapiStatement(copy, v1);
        assert.ok(message, `null at ${target} accepted`);
      }),
    );
  });

  it('an unknown key on any object outside extensions is rejected', () => {
    fc.assert(
      fc.property(statement, fc.nat(), (s, pick) => {
        const objects = objectPaths(s).filter((p) => !p.includes('/extensions') && !p.endsWith('/display'));
        const target = objects[pick % objects.length] as string;
        const copy = structuredClone(s) as Json;
        setPointer(copy, `${target}/zzUnknown`, 1);
        assert.equal(validateXapiStatement(copy, v1), `${target}/zzUnknown is not allowed here`);
      }),
    );
  });

  it('never throws, whatever JSON it is given', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const message = validateXapiStatement(value, v2);
        assert.equal(typeof message, 'string');
      }),
    );
  });
});

function leafPaths(value: unknown, path = ''): string[] {
  if (value === null || typeof value !== 'object') return [path];
  const entries = Object.entries(value as Json);
  if (entries.length === 0) return [path];
  return entries.flatMap(([key, child]) => leafPaths(child, `${path}/${key}`));
}

function objectPaths(value: unknown, path = ''): string[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [];
  return [path, ...Object.entries(value as Json).flatMap(([key, child]) => objectPaths(child, `${path}/${key}`))];
}

function setPointer(root: Json, pointer: string, value: unknown): void {
  const keys = pointer.split('/').slice(1);
  let node = root;
  for (const key of keys.slice(0, -1)) node = node[key] as Json;
  node[keys.at(-1) as string] = value;
}
