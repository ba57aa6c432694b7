import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { validateRageStatement } from '../../server/collector/validate-rage-statement.js';

/**
 * Property tests of the RAGE track validator against contract rage-collector.md §6.4. The reasons and their order
 * are copied from the contract's table, not from the implementation.
 */
const REASONS = [
  'Actor is missing',
  'Actor name is missing',
  'Timestamp is missing',
  'Verb is missing',
  'Verb Id is missing',
  'Verb Id cannot end with /',
  'Object Id is missing',
  'Object Id cannot end with /',
  'Object definition type is missing',
  'Object definition type cannot end with /',
  'Result.score.raw should not be undefined or null',
] as const;

const expectedMessage = (index: number, rule: number, badKey = ''): string =>
  rule === 12
    ? `Statement ${index} doesn't have a valid format. Error: Extension ${badKey} cannot end with / for result of statement ${index}`
    : `Statement ${index} doesn't have a valid format. Error: ${REASONS[rule - 1]} for statement ${index}`;

type Json = Record<string, unknown>;

const falsy = fc.constantFrom<unknown>(undefined, null, '', 0, false);
/** Truthy values of every JSON type (the original tested JavaScript truthiness). */
const truthy = fc.oneof(
  fc.string({ minLength: 1 }),
  fc.integer().filter((n) => n !== 0),
  fc.constant(true),
  fc.constant([]),
  fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 3 }),
);
/** A non-empty string that does not end with `/`: any text, IRI or not (rules 5-10 check nothing else). */
const goodId = fc.string({ minLength: 1 }).filter((s) => !s.endsWith('/'));
const slashEnded = fc.string().map((s) => `${s}/`);
/** Not a non-empty string: missing, empty, or another JSON type. */
const notAString = fc.oneof(falsy, fc.integer(), fc.boolean(), fc.constant([]), fc.constant({}));
const extraKeys = fc.dictionary(
  fc.string().filter((k) => !['actor', 'timestamp', 'verb', 'object', 'result'].includes(k)),
  fc.jsonValue({ maxDepth: 2 }),
  { maxKeys: 3 },
);
const goodExtensionKey = fc.string().filter((k) => !k.endsWith('/') && k !== '__proto__');

/** A statement from valid parts (§6.4), with arbitrary extra properties that the route must not judge. */
const validStatement = fc
  .record({
    actorName: truthy,
    actorExtras: fc.dictionary(fc.constantFrom('mbox', 'account', 'objectType'), fc.jsonValue({ maxDepth: 1 })),
    timestamp: truthy,
    verbId: goodId,
    objectId: goodId,
    definitionType: goodId,
    score: fc.option(fc.oneof(fc.constant(null), fc.record({ raw: fc.oneof(fc.double(), fc.string(), fc.boolean()) })), { nil: undefined }),
    extensions: fc.option(fc.dictionary(goodExtensionKey, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }), { nil: undefined }),
    extras: extraKeys,
  })
  .map((parts): Json => {
    const statement: Json = {
      ...parts.extras,
      actor: { ...parts.actorExtras, name: parts.actorName },
      timestamp: parts.timestamp,
      verb: { id: parts.verbId },
      object: { id: parts.objectId, definition: { type: parts.definitionType, extensions: { session: 1 } } },
    };
    if (parts.score !== undefined || parts.extensions !== undefined) {
      const result: Json = {};
      if (parts.score !== undefined) result.score = parts.score;
      if (parts.extensions !== undefined) result.extensions = parts.extensions;
      statement.result = result;
    }
    return statement;
  });

interface Break {
  rule: number;
  apply(statement: Json): void;
  badKey?: string;
}

const obj = (statement: Json, key: string): Json => statement[key] as Json;
const setAt = (target: Json, key: string, value: unknown): void => {
  target[key] = value;
};
const unset = (target: Json, key: string): void => {
  delete target[key];
};

/** One way to break each part, tagged with the contract rule it violates. Parts are independent of each other. */
const actorBreak = fc.oneof(
  falsy.map((value): Break => ({ rule: 1, apply: (s) => setAt(s, 'actor', value) })),
  fc.oneof(fc.string({ minLength: 1 }), fc.constant([]), fc.constant(7), fc.constant(true)).map(
    (value): Break => ({ rule: 2, apply: (s) => setAt(s, 'actor', value) }),
  ),
  falsy.map((value): Break => ({ rule: 2, apply: (s) => setAt(obj(s, 'actor'), 'name', value) })),
);
const timestampBreak = falsy.map((value): Break => ({ rule: 3, apply: (s) => setAt(s, 'timestamp', value) }));
const verbBreak = fc.oneof(
  falsy.map((value): Break => ({ rule: 4, apply: (s) => setAt(s, 'verb', value) })),
  notAString.map((value): Break => ({ rule: 5, apply: (s) => setAt(obj(s, 'verb'), 'id', value) })),
  fc.oneof(fc.string({ minLength: 1 }), fc.constant(3), fc.constant([])).map((value): Break => ({ rule: 5, apply: (s) => setAt(s, 'verb', value) })),
  slashEnded.map((value): Break => ({ rule: 6, apply: (s) => setAt(obj(s, 'verb'), 'id', value) })),
);
const objectIdBreak = fc.oneof(
  notAString.map((value): Break => ({ rule: 7, apply: (s) => setAt(obj(s, 'object'), 'id', value) })),
  slashEnded.map((value): Break => ({ rule: 8, apply: (s) => setAt(obj(s, 'object'), 'id', value) })),
);
const typeBreak = fc.oneof(
  notAString.map((value): Break => ({ rule: 9, apply: (s) => setAt(obj(obj(s, 'object'), 'definition'), 'type', value) })),
  fc.constant<Break>({ rule: 9, apply: (s) => unset(obj(s, 'object'), 'definition') }),
  slashEnded.map((value): Break => ({ rule: 10, apply: (s) => setAt(obj(obj(s, 'object'), 'definition'), 'type', value) })),
);
const scoreBreak = fc
  .oneof(fc.constant<unknown>({}), fc.constant({ raw: null }), fc.constant({ min: 0, max: 10 }), fc.constant(5), fc.constant('x'))
  .map((score): Break => ({ rule: 11, apply: (s) => setAt(s, 'result', { ...((s.result as Json | undefined) ?? {}), score }) }));
const extensionBreak = slashEnded
  .filter((key) => key !== '__proto__/')
  .map((key): Break => ({
    rule: 12,
    badKey: key,
    // Only bad key, so "the first key ending with /" is this one whatever the key order.
    apply: (s) => setAt(s, 'result', { ...((s.result as Json | undefined) ?? {}), extensions: { [key]: 1 } }),
  }));

describe('validateRageStatement properties (contract §6.4)', () => {
  it('accepts every statement built from valid parts, whatever else it carries', () => {
    fc.assert(
      fc.property(validStatement, fc.nat(10_000), (statement, index) => {
        assert.equal(validateRageStatement(statement, index), null);
      }),
      { numRuns: 500 },
    );
  });

  it('breaking one or more parts fails with the message of the first broken rule in the contract order', () => {
    const breaks = fc.tuple(
      fc.option(actorBreak, { nil: undefined }),
      fc.option(timestampBreak, { nil: undefined }),
      fc.option(verbBreak, { nil: undefined }),
      fc.option(objectIdBreak, { nil: undefined }),
      fc.option(typeBreak, { nil: undefined }),
      fc.option(scoreBreak, { nil: undefined }),
      fc.option(extensionBreak, { nil: undefined }),
    );
    fc.assert(
      fc.property(validStatement, breaks, fc.nat(10_000), (statement, chosen, index) => {
        const applied = chosen.filter((b): b is Break => b !== undefined);
        fc.pre(applied.length > 0);
        // Result-level breaks replace `result`; apply them last so the score and extension breaks combine.
        for (const b of applied) b.apply(statement);
        const first = applied.reduce((a, b) => (b.rule < a.rule ? b : a));
        assert.equal(validateRageStatement(statement, index), expectedMessage(index, first.rule, first.badKey));
      }),
      { numRuns: 1000 },
    );
  });

  it('removing any one required part fails with that part’s rule', () => {
    const removals: Array<[string, (s: Json) => void, number]> = [
      ['actor', (s) => unset(s, 'actor'), 1],
      ['actor.name', (s) => unset(obj(s, 'actor'), 'name'), 2],
      ['timestamp', (s) => unset(s, 'timestamp'), 3],
      ['verb', (s) => unset(s, 'verb'), 4],
      ['verb.id', (s) => unset(obj(s, 'verb'), 'id'), 5],
      ['object', (s) => unset(s, 'object'), 7],
      ['object.id', (s) => unset(obj(s, 'object'), 'id'), 7],
      ['object.definition', (s) => unset(obj(s, 'object'), 'definition'), 9],
      ['object.definition.type', (s) => unset(obj(obj(s, 'object'), 'definition'), 'type'), 9],
    ];
    fc.assert(
      fc.property(validStatement, fc.constantFrom(...removals), fc.nat(100), (statement, [, remove, rule], index) => {
        remove(statement);
        assert.equal(validateRageStatement(statement, index), expectedMessage(index, rule));
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on arbitrary JSON, and answers null or a message naming the index', () => {
    const anyJson = fc.oneof(
      fc.jsonValue(),
      fc.dictionary(fc.constantFrom('actor', 'timestamp', 'verb', 'object', 'result', 'id'), fc.jsonValue({ maxDepth: 4 })),
      validStatement.chain((s) =>
        fc.record({ path: fc.constantFrom('actor', 'verb', 'object', 'result'), value: fc.jsonValue({ maxDepth: 3 }) }).map(({ path, value }) => ({
          ...s,
          [path]: value,
        })),
      ),
    );
    fc.assert(
      fc.property(anyJson, fc.nat(10_000), (value, index) => {
        const answer = validateRageStatement(value, index);
        if (answer !== null) {
          assert.ok(answer.startsWith(`Statement ${index} doesn't have a valid format. Error: `), answer);
          assert.ok(answer.endsWith(` statement ${index}`), answer);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
