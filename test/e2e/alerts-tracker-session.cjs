'use strict';
// One session of the real js-tracker 0.9.2 in its own process, driven by commands on stdin (one per line):
//   wrong <question> <option> | right <question> <option> | progress <level> <value> | finish <score> |
//   completion <question> <option> (an answer with setCompletion(true), as a game may mark a question done) | quit
// Each command is traced and flushed; a JSON line {"phase":...} is printed when it is on the collector.
// Usage: node alerts-tracker-session.cjs <collectorUrl> <trackingCode>
const readline = require('node:readline');
const { call, newTracker, say, startOrExit } = require('../clients/tracker-kit.cjs');

(async () => {
  const [host, trackingCode] = process.argv.slice(2);
  const t = newTracker({ host, trackingCode }, 'collector/');
  await startOrExit(t);
  t.Completable.Initialized('level1', t.Completable.CompletableType.Level);
  const first = await call((cb) => t.Flush(cb));
  await say({ phase: 'started', ok: !first.err, playerId: t.playerId, animalName: t.actor?.name });

  const lines = readline.createInterface({ input: process.stdin });
  let n = 0;
  for await (const line of lines) {
    const [command, a, b] = line.trim().split(/\s+/);
    if (command === 'quit') break;
    if (command === 'wrong' || command === 'right') {
      t.setSuccess(command === 'right');
      t.Alternative.Selected(a, b, t.Alternative.AlternativeType.Question);
    } else if (command === 'completion') {
      t.setCompletion(true);
      t.Alternative.Selected(a, b, t.Alternative.AlternativeType.Question);
    } else if (command === 'progress') {
      t.Completable.Progressed(a, t.Completable.CompletableType.Level, Number(b));
    } else if (command === 'finish') {
      t.Completable.Completed('game', t.Completable.CompletableType.Game, true, Number(a));
    } else continue;
    const flushed = await call((cb) => t.Flush(cb));
    await say({ phase: `flushed-${++n}`, ok: !flushed.err });
  }
  process.exit(0);
})();
