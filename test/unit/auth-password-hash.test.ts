import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decoyHash, hashPassword, verifyPassword } from '../../server/auth/password-hash.js';

test('a hash verifies its password only, holds no trace of it, and is salted', async () => {
  const password = 'tortilla-de-patatas';
  const [first, second] = await Promise.all([hashPassword(password), hashPassword(password)]);
  assert.match(first, /^scrypt\$16384\$8\$1\$[A-Za-z0-9_-]+\$[A-Za-z0-9_-]+$/);
  assert.notEqual(first, second);
  assert.ok(!first.includes(password));
  assert.equal(await verifyPassword(password, first), true);
  assert.equal(await verifyPassword(password, second), true);
  assert.equal(await verifyPassword('tortilla-de-patata', first), false);
  assert.equal(await verifyPassword('', first), false);
});

test('composed and decomposed accents are the same password (keyboards differ)', async () => {
  const stored = await hashPassword('canci\u00f3n');
  assert.equal(await verifyPassword('cancio\u0301n', stored), true);
});

test('malformed stored values never match', async () => {
  for (const stored of ['', 'plain', 'scrypt$16384$8$1$$', 'bcrypt$x$y', 'scrypt$16384$8$1$c2FsdA$']) {
    assert.equal(await verifyPassword('x', stored), false, stored);
  }
});

test('the decoy hash is a real hash that no guess matches', async () => {
  const decoy = await decoyHash();
  assert.equal(await decoyHash(), decoy);
  assert.equal(await verifyPassword('', decoy), false);
  assert.equal(await verifyPassword('password', decoy), false);
});
