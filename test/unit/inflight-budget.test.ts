import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InflightBudget } from '../../server/http/inflight-budget.js';

describe('the in-flight body budget (backpressure before memory runs out)', () => {
  it('admits bodies while they fit, refuses the next one, and admits again once bodies are released', () => {
    const budget = new InflightBudget(1000, 0);
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

  it('lets regular batches use a reserve that backlogs may not, so games keep sending while backlogs wait', () => {
    const budget = new InflightBudget(1_000_000, 500_000);
    assert.equal(budget.tryAcquire(900_000), true);
    assert.equal(budget.tryAcquire(200_000), false, 'a second backlog waits');
    assert.equal(budget.tryAcquire(InflightBudget.SMALL_BODY_BYTES), true, 'a regular batch uses the reserve');
    assert.equal(budget.tryAcquire(400_000), false);
    for (let i = 0; i < 8; i++) assert.equal(budget.tryAcquire(60_000), true);
    assert.equal(budget.tryAcquire(60_000), false, 'the reserve has an end too');
  });

  it('lets a body larger than the whole budget in while regular batches are in flight, but not beside another large one', () => {
    const budget = new InflightBudget(1_000_000, 500_000);
    for (let i = 0; i < 10; i++) assert.equal(budget.tryAcquire(60_000), true);
    assert.equal(budget.tryAcquire(5_000_000), true, "a returning game's whole offline backlog, among a class's batches");
    assert.equal(budget.tryAcquire(5_000_000), false, 'a second one waits for the first');
    assert.equal(budget.tryAcquire(300_000), false, 'so does a smaller backlog');
    budget.release(5_000_000);
    assert.equal(budget.tryAcquire(5_000_000), true);
    assert.equal(budget.usedBytes, 5_600_000);
  });

  it('admits a body of unknown length as a regular batch, and makes it hold the most it may be once it outgrows one', () => {
    const budget = new InflightBudget(1_000_000, 500_000);
    const chunked = budget.admit(undefined, 8_000_000);
    assert.ok(chunked);
    assert.equal(budget.usedBytes, InflightBudget.SMALL_BODY_BYTES);
    assert.equal(chunked.grow(10_000), true, 'still a regular batch');
    assert.equal(chunked.grow(InflightBudget.SMALL_BODY_BYTES + 1), true, 'no other large body: it may grow');
    assert.equal(budget.usedBytes, 8_000_000);
    assert.equal(budget.admit(300_000, 8_000_000), undefined, 'a backlog waits while it is in flight');
    chunked.release();
    assert.equal(budget.usedBytes, 0);

    const declared = budget.admit(900_000, 8_000_000);
    const second = budget.admit(undefined, 8_000_000);
    assert.ok(declared && second);
    assert.equal(second.grow(100_000), false, 'outgrowing a regular batch beside a backlog: refused');
    second.release();
    declared.release();
    assert.equal(budget.usedBytes, 0, 'a refused hold gives everything back');
  });

  it('lets waiting requests in first come first served as room frees; a backlog arriving later does not pass them; the rest wait no longer than told', async () => {
    const budget = new InflightBudget(300_000, 0);
    const limits = { waiters: 2, timeoutMs: 60_000 };
    const holding = budget.admit(250_000, 8_000_000);
    assert.ok(holding);
    const first = budget.admitWhenRoom(200_000, 8_000_000, limits, new AbortController().signal);
    const second = budget.admitWhenRoom(100_000, 8_000_000, limits, new AbortController().signal);
    assert.equal(await budget.admitWhenRoom(100_000, 8_000_000, limits, new AbortController().signal), undefined, 'a third finds the room full');
    assert.equal(budget.waitingRequests, 2);
    assert.equal(budget.admit(90_000, 8_000_000), undefined, 'a backlog arriving now does not pass those waiting');
    holding.release();
    const [a, b] = await Promise.all([first, second]);
    assert.ok(a && b, 'both let in, in order, once the holder let go');
    assert.equal(budget.usedBytes, 300_000);
    a.release();
    b.release();

    const blocker = budget.admit(300_000, 8_000_000);
    const leaving = new AbortController();
    const gone = budget.admitWhenRoom(200_000, 8_000_000, limits, leaving.signal);
    const timedOut = budget.admitWhenRoom(200_000, 8_000_000, { waiters: 2, timeoutMs: 10 }, new AbortController().signal);
    leaving.abort();
    assert.equal(await gone, undefined, 'the client went away');
    assert.equal(await timedOut, undefined, 'waited as long as told');
    assert.equal(budget.waitingRequests, 0);
    blocker?.release();
    assert.equal(budget.usedBytes, 0);
  });
});
