import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LoginLimiter } from '../../server/auth/login-limiter.js';

const SETTINGS = { windowMs: 60_000, perUsername: 3, perAddress: 5, maxTrackedKeys: 100 };

function limiterAt(start = 1_000_000) {
  const clock = { now: start };
  return { clock, limiter: new LoginLimiter(() => clock.now, SETTINGS) };
}

test('a username is held after its limit until its oldest counted failure leaves the window', () => {
  const { clock, limiter } = limiterAt();
  for (let i = 0; i < 3; i++) {
    assert.equal(limiter.waitMs('ana', '10.0.0.1'), 0);
    limiter.recordFailure('ana', '10.0.0.1');
    clock.now += 10_000;
  }
  // Failures at +0, +10 s, +20 s; now +30 s: free again at +60 s.
  assert.equal(limiter.waitMs('ana', '10.0.0.2'), 30_000);
  assert.equal(limiter.waitMs('bob', '10.0.0.2'), 0);
  clock.now += 30_000;
  assert.equal(limiter.waitMs('ana', '10.0.0.2'), 0);
});

test('an address is held after its (higher) limit, whatever usernames it tries', () => {
  const { clock, limiter } = limiterAt();
  for (let i = 0; i < 5; i++) limiter.recordFailure(`user${i}`, '10.0.0.9');
  assert.ok(limiter.waitMs('someone-new', '10.0.0.9') > 0);
  assert.equal(limiter.waitMs('someone-new', '10.0.0.8'), 0);
  clock.now += 60_001;
  assert.equal(limiter.waitMs('someone-new', '10.0.0.9'), 0);
});

test("a right password clears the username's count, not the address's", () => {
  const { limiter } = limiterAt();
  limiter.recordFailure('ana', '10.0.0.1');
  limiter.recordFailure('ana', '10.0.0.1');
  limiter.recordSuccess('ana');
  limiter.recordFailure('ana', '10.0.0.1');
  limiter.recordFailure('ana', '10.0.0.1');
  assert.equal(limiter.waitMs('ana', '10.0.0.2'), 0, 'two failures since the success');
  limiter.recordFailure('ana', '10.0.0.1');
  assert.ok(limiter.waitMs('ana', '10.0.0.2') > 0);
  assert.ok(limiter.waitMs('other', '10.0.0.1') > 0, 'five failures from the address in all');
});

test('spraying many usernames keeps memory bounded and still holds the address', () => {
  const { limiter } = limiterAt();
  for (let i = 0; i < 1000; i++) limiter.recordFailure(`spray${i}`, '10.0.0.66');
  const tracked = (limiter as unknown as { failures: Map<string, number[]> }).failures.size;
  assert.ok(tracked <= SETTINGS.maxTrackedKeys, `tracked ${tracked}`);
  assert.ok(limiter.waitMs('spray-next', '10.0.0.66') > 0);
});
