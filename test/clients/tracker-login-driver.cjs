'use strict';
// Logs a student in with js-tracker 0.9.2's own Login() (POST /api/login, then userToken = 'Bearer ' + token),
// starts, sends a few statements and prints one JSON line. Runs in its own process: loading the tracker patches
// built-in prototypes (real-clients.md §8.1).
// Usage: node tracker-login-driver.cjs <host> <trackingCode> <username> <password>
const { call, newTracker } = require('./tracker-kit.cjs');

async function play({ host, trackingCode, username, password }) {
  const tracker = newTracker({ host, trackingCode });
  const login = await call((cb) => tracker.Login(username, password, cb));
  const userToken = tracker.settings.userToken;
  // A game may start even when the login failed: it then plays as an anonymous player.
  const start = await call((cb) => tracker.Start(cb));
  if (login.err || start.err) return { loggedIn: !login.err, started: !start.err, playerId: tracker.playerId };

  tracker.Completable.Initialized('level1', tracker.Completable.CompletableType.Level);
  tracker.Accessible.Accessed('MainMenu', tracker.Accessible.AccessibleType.Screen);
  tracker.setScore(7, 0, 10, 0.7);
  tracker.Completable.Completed('level1', tracker.Completable.CompletableType.Level, true, 0.7);
  const flush = await call((cb) => tracker.Flush(cb));

  return {
    loggedIn: true,
    userTokenIsBearer: typeof userToken === 'string' && userToken.startsWith('Bearer '),
    started: true,
    auth: tracker.auth,
    playerId: tracker.playerId,
    session: tracker.session,
    actor: tracker.actor,
    flushed: !flush.err,
    pending: tracker.tracesPending.length,
  };
}

(async () => {
  const [host, trackingCode, username, password] = process.argv.slice(2);
  const result = await play({ host, trackingCode, username, password });
  // Exit explicitly: idle keep-alive sockets could keep the process alive for a while.
  process.stdout.write(`${JSON.stringify(result)}\n`, () => process.exit(0));
})();
