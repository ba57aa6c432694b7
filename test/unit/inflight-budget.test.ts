import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InflightBudget } from '../../server/http/inflight-budget.js';

describe('the in-flight body budget (backpressure before memory runs out)', () => {
  it('admits bodies while they fit, refuses the next one, and admits again once bodies are released', () => {
    const budget = new InflightBudget(1000);
    assert.equal(budget.tryAcquire(600), true);
    assert.equal(budget.tryAcquire(300), true);
    assert.equal(budget.tryAcquire(200), false);
    assert.equal(budget.usedBytes, 900);
    budget.release(600);
    assert.equal(budget.tryAcquire(200), true);
    assert.equal(budget.usedBytes, 500);
  });

  it('lets one body larger than the whole budget through when nothing else is in flight', () => {
    const budget = new InflightBudget(1000);
    assert.equal(budget.tryAcquire(5000), true);
    assert.equal(budget.tryAcquire(1), false);
    budget.release(5000);
    assert.equal(budget.usedBytes, 0);
  });
});
