import type http from 'node:http';
import type { Config } from '../config.js';
import { addressKey } from '../net/address-key.js';

/**
 * How long a connection left idle between two requests is kept open. Longer than the games' HTTP clients keep an idle
 * connection for reuse, so that the client is the one to close it: a client that reuses a connection the server has
 * just closed fails that request (for a POST, most do not retry it), and the 2017 C# tracker then drops its batch and
 * stops sending until the game starts it again (real-clients.md §5). Mono's and .NET Framework's HttpWebRequest keep
 * one 100 s, curl (UnityWebRequest) 118 s, .NET Core before 6 and Firefox about 2 min, all without reading the
 * `Keep-Alive: timeout` the answers carry; Node's and Java's clients read it and close before. Chrome keeps 5 min but
 * retries a request that failed on a reused connection. Before, 65 s: a game that flushed after one to two quiet
 * minutes (a student reading) could meet its connection closed.
 */
export const IDLE_CONNECTION_KEPT_MS = 125_000;

/**
 * Options for `http.createServer` against slow clients (issue 9). A slowloris that trickles its headers, or a body
 * that never finishes, is answered 408 by Node and its connection closed once the timeout passes. Node checks
 * every `connectionsCheckingInterval`, which therefore follows the shorter timeout.
 */
export function slowClientOptions(config: Config): http.ServerOptions {
  const requestTimeout = config.requestTimeoutMs;
  // Node refuses a headers timeout longer than the request timeout.
  const headersTimeout = Math.min(config.headersTimeoutMs, requestTimeout);
  return {
    headersTimeout,
    requestTimeout,
    keepAliveTimeout: IDLE_CONNECTION_KEPT_MS,
    connectionsCheckingInterval: Math.max(50, Math.min(5_000, Math.floor(headersTimeout / 4))),
  };
}

/**
 * Connection limits (issue 9): `maxConnections` in total, and per client address so that one machine cannot take
 * every slot. A connection over either limit is closed at once, before any byte is read (as Node does for
 * `maxConnections`); clients see a closed connection and retry.
 */
export function limitConnections(server: http.Server, config: Config): void {
  server.maxConnections = config.maxConnections;
  const open = new Map<string, number>();
  server.on('connection', (socket) => {
    const address = addressKey(socket.remoteAddress);
    const count = (open.get(address) ?? 0) + 1;
    if (count > config.maxConnectionsPerAddress) {
      socket.destroy();
      return;
    }
    open.set(address, count);
    socket.once('close', () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left <= 0) open.delete(address);
      else open.set(address, left);
    });
  });
}
