import type http from 'node:http';
import type { Config } from '../config.js';
import { addressKey } from './rate-limit.js';

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
