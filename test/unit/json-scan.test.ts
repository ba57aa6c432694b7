import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { scanJson } from '../../server/http/json-scan.js';

const exceedsJsonDepth = (bytes: Buffer, limit: number) => scanJson(bytes.toString('utf8'), limit).tooDeep;

/** The plain byte-by-byte scan the fast one replaced: the definition of "too deep" the collector has always used. */
function referenceExceeds(bytes: Uint8Array, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i];
    if (inString) {
      if (byte === 0x5c) i++;
      else if (byte === 0x22) inString = false;
    } else if (byte === 0x22) inString = true;
    else if (byte === 0x5b || byte === 0x7b) {
      if (++depth > limit) return true;
    } else if (byte === 0x5d || byte === 0x7d) depth--;
  }
  return false;
}

const bytesOf = (text: string) => Buffer.from(text, 'utf8');

test('bodies that nest deeper than the limit are found, brackets inside strings are not counted', () => {
  assert.equal(exceedsJsonDepth(bytesOf('[[[1]]]'), 2), true);
  assert.equal(exceedsJsonDepth(bytesOf('[[1],[2]]'), 2), false);
  assert.equal(exceedsJsonDepth(bytesOf('["[[[[[[", {"a": "{{{{"}]'), 2), false);
  assert.equal(exceedsJsonDepth(bytesOf('["a\\"[[[[[[", [[1]]]'), 2), true);
  assert.equal(exceedsJsonDepth(bytesOf('["a\\\\", [[[1]]]]'), 3), true, 'an escaped backslash does not escape the quote after it');
  assert.equal(exceedsJsonDepth(bytesOf(`${'['.repeat(100)}"unterminated ${'['.repeat(100)}`), 64), true);
  assert.equal(exceedsJsonDepth(bytesOf(`[[[ "unterminated ${'['.repeat(100)}`), 64), false);
});

test('the fast scan agrees with the byte-by-byte definition on arbitrary texts of quotes, escapes and brackets', () => {
  const piece = fc.constantFrom('[', ']', '{', '}', '"', '\\', '\\\\', '\\"', 'a', ',', ':', ' ', 'é', '1');
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 200 }), fc.integer({ min: 0, max: 12 }), (pieces, limit) => {
      const bytes = bytesOf(pieces.join(''));
      // The shortcut for short texts is part of both: a text cannot hold more brackets than bytes.
      const expected = bytes.length <= limit ? false : referenceExceeds(bytes, limit);
      assert.equal(exceedsJsonDepth(bytes, limit), expected);
    }),
    { numRuns: 3000 },
  );
});

/** Whether parsing the text gives a number that is not finite anywhere in it (what must never be missed). */
function parsesToNonFinite(text: string): boolean {
  let found = false;
  JSON.parse(text, (_key, value: unknown) => {
    if (typeof value === 'number' && !Number.isFinite(value)) found = true;
    return value;
  });
  return found;
}

test('numbers that parse to Infinity are always flagged; exponents below 100, negative ones and strings are not', () => {
  for (const text of ['[1e400]', '[-1E+400]', '{"a":[0.5e309]}', `[${'9'.repeat(309)}]`, '[1e0400]']) {
    assert.equal(scanJson(text, 64).mayOverflow, true, text);
  }
  for (const text of ['[1e99, 2E+99, 1e-400, true, false]', '["1e400", "9999"]', '{"e400": 1}', `["${'9'.repeat(400)}"]`]) {
    assert.equal(scanJson(text, 64).mayOverflow, false, text);
  }
});

test('the number scan never misses a literal that parses to a non-finite number', () => {
  const digits = (min: number, max: number) => fc.stringMatching(new RegExp(`^[1-9][0-9]{${min},${max}}$`));
  const number = fc.oneof(
    fc.tuple(digits(0, 3), fc.constantFrom('e', 'E', 'e+', 'E+', 'e-'), digits(0, 3)).map(([m, e, x]) => `${m}${e}${x}`),
    fc.tuple(digits(0, 2), digits(0, 2)).map(([a, b]) => `${a}.${b}e${300 + b.length}`),
    digits(300, 320),
    fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => JSON.stringify(n)),
  );
  const value = fc.oneof(number, number.map((n) => `"${n}"`), fc.constantFrom('true', 'false', 'null'));
  fc.assert(
    fc.property(fc.array(value, { minLength: 1, maxLength: 8 }), (values) => {
      const text = `[${values.join(',')}]`;
      if (parsesToNonFinite(text)) assert.equal(scanJson(text, 64).mayOverflow, true, text);
    }),
    { numRuns: 3000 },
  );
});
