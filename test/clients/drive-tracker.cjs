'use strict';
// Plays one scripted session with e-UCM's js-tracker 0.9.2 (npm xapi-tracker) and prints what the test needs as
// one JSON line. Runs in its own process: loading the tracker patches built-in prototypes (real-clients.md §8.1).
// Usage: node drive-tracker.cjs <host> <trackingCode> [userToken] [collector]
const { call, newTracker } = require('./tracker-kit.cjs');

async function playSession({ host, trackingCode, userToken = '', collector }) {
  const tracker = newTracker({ host, trackingCode, userToken }, collector);
  const start = await call((cb) => tracker.Start(cb));
  if (start.err) return { started: false };

  tracker.Completable.Initialized('level1', tracker.Completable.CompletableType.Level);
  tracker.Accessible.Accessed('MainMenu', tracker.Accessible.AccessibleType.Screen);
  tracker.Alternative.Selected('question1', 'optionB', tracker.Alternative.AlternativeType.Question);
  tracker.setVar('health', 0.42);
  tracker.GameObject.Interacted('door', tracker.GameObject.GameObjectType.Item);
  const first = await call((cb) => tracker.Flush(cb));

  tracker.Completable.Progressed('level1', tracker.Completable.CompletableType.Level, 0.5);
  tracker.Completable.Completed('level1', tracker.Completable.CompletableType.Level, true, 0.9);
  const second = await call((cb) => tracker.Flush(cb));

  return {
    started: true,
    playerId: tracker.playerId,
    session: tracker.session,
    objectId: tracker.objectId,
    actor: tracker.actor,
    flushed: [!first.err, !second.err],
    pending: tracker.tracesPending.length,
  };
}

(async () => {
  const [host, trackingCode, userToken, collector] = process.argv.slice(2);
  const result = await playSession({ host, trackingCode, userToken: userToken || '', collector: collector || undefined });
  // Exit explicitly: idle keep-alive sockets could keep the process alive for a while.
  process.stdout.write(`${JSON.stringify(result)}\n`, () => process.exit(0));
})();
