'use strict';
// e-UCM's js-tracker 0.9.2 driven one step at a time by the test: each line on standard input is a command
// ({"do":"start"}, {"do":"flush","level":"<id>","traces":<n>}), each answer one JSON line on standard output, so the
// test can stop or restart Aula between two flushes. Its own process: loading the tracker patches built-in
// prototypes (real-clients.md §8.1).
// Usage: node drive-steps.cjs <host> <trackingCode>
const readline = require('node:readline');
const { call, newTracker, say } = require('./tracker-kit.cjs');

const [host, trackingCode] = process.argv.slice(2);
const tracker = newTracker({ host, trackingCode });

async function step(command) {
  if (command.do === 'start') {
    const start = await call((cb) => tracker.Start(cb));
    return { ok: !start.err, session: tracker.session };
  }
  if (command.do === 'flush') {
    for (let trace = 0; trace < command.traces; trace++) {
      tracker.GameObject.Interacted(`${command.level}-${trace}`, tracker.GameObject.GameObjectType.Item);
    }
    const flush = await call((cb) => tracker.Flush(cb));
    return { ok: !flush.err, pending: tracker.tracesPending.length, active: tracker.active };
  }
  process.exit(0);
}

const lines = readline.createInterface({ input: process.stdin });
let queue = Promise.resolve();
lines.on('line', (line) => {
  queue = queue.then(async () => say(await step(JSON.parse(line))));
});
