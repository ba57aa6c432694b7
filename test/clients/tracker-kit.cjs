'use strict';
// What every script driving e-UCM's real js-tracker 0.9.2 (npm xapi-tracker) needs. Such a script always runs in a
// process of its own: loading the tracker patches built-in prototypes (real-clients.md §8.1), so it must never be
// loaded into the test runner.
const TrackerAsset = require('xapi-tracker/src/js-tracker.js');

/** The tracker's `(res, err)` callbacks as a promise of `{ res, err }`. */
const call = (fn) => new Promise((resolve) => fn((res, err) => resolve({ res, err: Boolean(err) })));

/** One JSON line on standard output, resolved once written. */
const say = (message) => new Promise((resolve) => process.stdout.write(`${JSON.stringify(message)}\n`, resolve));

/** A tracker for a collector and tracking code (the settings a game sets), optionally on another collector path. */
function newTracker(settings, collector) {
  const tracker = new TrackerAsset();
  Object.assign(tracker.settings, { debug: false, ...settings });
  if (collector) tracker.collector = collector;
  return tracker;
}

/** Start(), or say `{ phase: 'failed', step: 'start' }` and exit 1: for the scripts driven line by line. */
async function startOrExit(tracker) {
  const start = await call((cb) => tracker.Start(cb));
  if (!start.err) return;
  await say({ phase: 'failed', step: 'start' });
  process.exit(1);
}

module.exports = { call, say, newTracker, startOrExit };
