import { M, X } from './messages.js';
import { baseStatement, type Json, storedVerbatim, track, xapi } from './support.js';
import type { Env, HostileCase } from './types.js';

/**
 * Wrong types in every statement field. On RAGE track the outcome follows contract §6.4 exactly: that route is
 * deliberately lenient, so some odd values are accepted ("ok"). The reason for each value is read off the
 * contract's table (truthiness for rules 1-4, "non-empty string" for 5-10).
 */
type Outcome = 'ok' | string;
const R = {
  actor: 'Actor is missing',
  actorName: 'Actor name is missing',
  timestamp: 'Timestamp is missing',
  verb: 'Verb is missing',
  verbId: 'Verb Id is missing',
  verbSlash: 'Verb Id cannot end with /',
  objectId: 'Object Id is missing',
  objectSlash: 'Object Id cannot end with /',
  type: 'Object definition type is missing',
  typeSlash: 'Object definition type cannot end with /',
  raw: 'Result.score.raw should not be undefined or null',
};

const FIELD_CASES: Array<[field: string, value: unknown, outcome: Outcome]> = [
  ['actor', null, R.actor],
  ['actor', 0, R.actor],
  ['actor', false, R.actor],
  ['actor', '', R.actor],
  ['actor', 'x', R.actorName],
  ['actor', 5, R.actorName],
  ['actor', true, R.actorName],
  ['actor', [], R.actorName],
  ['actor', {}, R.actorName],
  ['actor', { name: '' }, R.actorName],
  ['actor', { name: 0 }, R.actorName],
  ['actor', { name: null }, R.actorName],
  ['actor', { name: false }, R.actorName],
  ['actor', { mbox: 'mailto:ana@example.com' }, R.actorName],
  ['actor', { name: 5 }, 'ok'],
  ['actor', { name: true }, 'ok'],
  ['actor', { name: {} }, 'ok'],
  ['actor', { name: [] }, 'ok'],
  ['timestamp', null, R.timestamp],
  ['timestamp', '', R.timestamp],
  ['timestamp', 0, R.timestamp],
  ['timestamp', false, R.timestamp],
  ['timestamp', 5, 'ok'],
  ['timestamp', true, 'ok'],
  ['timestamp', {}, 'ok'],
  ['timestamp', [], 'ok'],
  ['timestamp', 'not a date', 'ok'],
  ['timestamp', '2026-13-45T99:99:99Z', 'ok'],
  ['verb', null, R.verb],
  ['verb', '', R.verb],
  ['verb', 0, R.verb],
  ['verb', false, R.verb],
  ['verb', 'x', R.verbId],
  ['verb', 5, R.verbId],
  ['verb', true, R.verbId],
  ['verb', [], R.verbId],
  ['verb', {}, R.verbId],
  ['verb', { id: 5 }, R.verbId],
  ['verb', { id: '' }, R.verbId],
  ['verb', { id: null }, R.verbId],
  ['verb', { id: [] }, R.verbId],
  ['verb', { id: {} }, R.verbId],
  ['verb', { id: true }, R.verbId],
  ['verb', { id: 'x/' }, R.verbSlash],
  ['verb', { id: '/' }, R.verbSlash],
  ['verb', { id: 'nourl' }, 'ok'],
  ['object', null, R.objectId],
  ['object', 'x', R.objectId],
  ['object', 5, R.objectId],
  ['object', [], R.objectId],
  ['object', {}, R.objectId],
  ['object', { id: 5 }, R.objectId],
  ['object', { id: '' }, R.objectId],
  ['object', { id: null }, R.objectId],
  ['object', { id: ['o'] }, R.objectId],
  ['object', { id: 'o/' }, R.objectSlash],
  ['object', { id: 'o' }, R.type],
  ['object', { id: 'o', definition: 'x' }, R.type],
  ['object', { id: 'o', definition: [] }, R.type],
  ['object', { id: 'o', definition: { type: 5 } }, R.type],
  ['object', { id: 'o', definition: { type: '' } }, R.type],
  ['object', { id: 'o', definition: { type: null } }, R.type],
  ['object', { id: 'o', definition: { type: {} } }, R.type],
  ['object', { id: 'o', definition: { type: 't/' } }, R.typeSlash],
  ['object', { id: 'o', definition: { type: 'simpletype' } }, 'ok'],
  ['result', 'x', 'ok'],
  ['result', 5, 'ok'],
  ['result', [], 'ok'],
  ['result', null, 'ok'],
  ['result', { score: null }, 'ok'],
  ['result', { score: {} }, R.raw],
  ['result', { score: { raw: null } }, R.raw],
  ['result', { score: { min: 0, max: 10 } }, R.raw],
  ['result', { score: 5 }, R.raw],
  ['result', { score: 'x' }, R.raw],
  ['result', { score: { raw: 0 } }, 'ok'],
  ['result', { score: { raw: 'ten' } }, 'ok'],
  ['result', { score: { raw: false } }, 'ok'],
  ['result', { extensions: 'x' }, 'ok'],
  ['result', { extensions: [1, 2] }, 'ok'],
  ['result', { success: 'yes', completion: 7, duration: 5 }, 'ok'],
  ['context', 'x', 'ok'],
  ['context', { registration: 5 }, 'ok'],
  ['id', 5, 'ok'],
  ['id', 'not-a-uuid', 'ok'],
  ['stored', 'yesterday', 'ok'],
];

function rageCases(): HostileCase[] {
  const group = 'wrong types in statement fields, RAGE track (contract §6.4)';
  const cases: HostileCase[] = FIELD_CASES.map(([field, value, outcome]) => {
    const build = (env: Env): Json => ({ ...baseStatement(env), [field]: value });
    return {
      group,
      name: `${field} = ${JSON.stringify(value)} → ${outcome}`,
      request: (env) => track(env, [build(env)]),
      // Accepted values are stored as sent; `object` is completed by the session data, so it is checked loosely.
      expect: outcome === 'ok' ? (field === 'object' ? { status: 200, body: M.success, statements: 1 } : storedVerbatim(build)) : { status: 400, body: M.invalid(0, outcome) },
    };
  });
  for (const key of ['a/', '/', 'http://x/y/']) {
    cases.push({
      group,
      name: `result.extensions key ${JSON.stringify(key)}`,
      request: (env) => track(env, [{ ...baseStatement(env), result: { extensions: { ok: 1, [key]: 2 } } }]),
      expect: { status: 400, body: M.invalidExtension(0, key) },
    });
  }
  for (const element of [null, 5, 'x', [], true, [{}]]) {
    cases.push({ group, name: `batch element ${JSON.stringify(element)}`, request: (env) => track(env, [element]), expect: { status: 400, body: M.invalid(0, R.actor) } });
  }
  cases.push({
    group,
    name: 'the third statement is wrong: index 2, nothing stored',
    request: (env) => track(env, [baseStatement(env), baseStatement(env), { ...baseStatement(env), verb: { id: 'v/' } }]),
    expect: { status: 400, body: M.invalid(2, R.verbSlash) },
  });
  return cases;
}

/** On /xapi/statements the same kind of input is refused (xapi.md ), naming the statement and the path. */
const XAPI_CASES: Array<[field: string, value: unknown, pointer: string]> = [
  ['actor', null, '/actor'],
  ['actor', 'x', '/actor'],
  ['actor', 5, '/actor'],
  ['actor', {}, '/actor'],
  ['actor', { mbox: 'ana@example.com' }, '/actor'],
  ['actor', { mbox: 'mailto:a@b.c', objectType: 'agent' }, '/actor'],
  ['verb', null, '/verb'],
  ['verb', 'x', '/verb'],
  ['verb', 5, '/verb'],
  ['verb', { id: '' }, '/verb/id'],
  ['verb', { id: 5 }, '/verb/id'],
  ['verb', { id: 'not an iri' }, '/verb/id'],
  ['verb', { id: 'http://a/b', display: null }, '/verb/display'],
  ['verb', { id: 'http://a/b', display: 'x' }, '/verb/display'],
  ['object', null, '/object'],
  ['object', { id: 5 }, '/object/id'],
  ['object', { id: '' }, '/object/id'],
  ['object', { id: 'http://a/o', definition: { name: 'x' } }, '/object/definition/name'],
  ['timestamp', 5, '/timestamp'],
  ['timestamp', 'yesterday', '/timestamp'],
  ['id', 'not-a-uuid', '/id'],
  ['id', 5, '/id'],
  ['result', { score: { raw: '10' } }, '/result/score/raw'],
  ['result', { score: { scaled: 2 } }, '/result/score'],
  ['result', { success: 'true' }, '/result/success'],
  ['result', { completion: 1 }, '/result/completion'],
  ['result', { duration: '5 minutes' }, '/result/duration'],
  ['result', 'x', '/result'],
  ['context', { registration: 'x' }, '/context/registration'],
  ['context', { language: 5 }, '/context/language'],
  ['stored', 5, '/stored'],
  ['version', 5, '/version'],
];

function xapiCases(): HostileCase[] {
  const group = 'wrong types in statement fields, xAPI (xapi.md X-5.2)';
  const valid = (): Json => ({
    actor: { objectType: 'Agent', mbox: 'mailto:ana@example.com' },
    verb: { id: 'http://adlnet.gov/expapi/verbs/experienced' },
    object: { id: 'http://example.com/game/level-1' },
  });
  return XAPI_CASES.map(([field, value, pointer]) => ({
    group,
    name: `${field} = ${JSON.stringify(value)}`,
    request: (env) => xapi(env, JSON.stringify([valid(), { ...valid(), [field]: value }])),
    expect: { status: 400, body: X.invalidAt(1, pointer) },
  }));
}

export const statementCases = (): HostileCase[] => [...rageCases(), ...xapiCases()];
