'use strict';
// One session of e-UCM's js-tracker 0.9.2 on a network that loses the answer to its first batch: three flushes, the
// first of which the test's proxy cuts after Aula got the request. Prints each flush's outcome and what the tracker
// still holds, as one JSON line. Its own process: loading the tracker patches built-in prototypes (real-clients.md §8.1).
// Usage: node drive-lost-answer.cjs <host> <trackingCode>
const { call, newTracker, startOrExit } = require('./tracker-kit.cjs');

(async () => {
  const [host, trackingCode] = process.argv.slice(2);
  const tracker = newTracker({ host, trackingCode });
  await startOrExit(tracker);
  const flushes = [];
  tracker.Completable.Initialized('level1', tracker.Completable.CompletableType.Level);
  tracker.Alternative.Selected('question1', 'optionB', tracker.Alternative.AlternativeType.Question);
  tracker.GameObject.Interacted('door', tracker.GameObject.GameObjectType.Item);
  flushes.push(!(await call((cb) => tracker.Flush(cb))).err);
  const pendingAfterLoss = tracker.tracesPending.length;
  tracker.Completable.Progressed('level1', tracker.Completable.CompletableType.Level, 0.5);
  flushes.push(!(await call((cb) => tracker.Flush(cb))).err);
  tracker.Completable.Completed('level1', tracker.Completable.CompletableType.Level, true, 0.9);
  flushes.push(!(await call((cb) => tracker.Flush(cb))).err);
  const result = { flushes, pendingAfterLoss, pending: tracker.tracesPending.length };
  process.stdout.write(`${JSON.stringify(result)}\n`, () => process.exit(0));
})();
