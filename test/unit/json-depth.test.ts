import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { exceedsJsonDepth } from '../../server/http/json-depth.js';

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
