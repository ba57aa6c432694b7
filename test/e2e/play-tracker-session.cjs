'use strict';
// Plays one session with the real js-tracker 0.9.2 in its own process (it patches built-in prototypes, so it must
// never be loaded into the test runner). Usage: node play-tracker-session.cjs <collectorUrl> <trackingCode>
// Prints one JSON line per phase; after the first flush it waits for a line on stdin before finishing the level.
const readline = require('node:readline');
const { call, newTracker, say, startOrExit } = require('../clients/tracker-kit.cjs');

(async () => {
  const [host, trackingCode] = process.argv.slice(2);
  const t = newTracker({ host, trackingCode }, 'collector/');
  await startOrExit(t);
  await say({ phase: 'started', playerId: t.playerId, session: t.session, animalName: t.actor?.name });

  t.Completable.Initialized('level1', t.Completable.CompletableType.Level);
  t.Accessible.Accessed('MainMenu', t.Accessible.AccessibleType.Screen);
  t.Completable.Progressed('level1', t.Completable.CompletableType.Level, 0.5);
  const first = await call((cb) => t.Flush(cb));
  await say({ phase: 'flushed', ok: !first.err, statements: 3 });

  const lines = readline.createInterface({ input: process.stdin });
  for await (const line of lines) if (line.trim() === 'next') break;

  t.Completable.Completed('level1', t.Completable.CompletableType.Level, true, 0.9);
  const second = await call((cb) => t.Flush(cb));
  await say({ phase: 'done', ok: !second.err, statements: 4 });
  process.exit(0);
})();
