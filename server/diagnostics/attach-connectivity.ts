import type http from 'node:http';
import type { AppContext } from '../context.js';
import { startMdns } from '../mdns/start-mdns.js';
import { watchLanClients } from './lan-clients.js';
import { watchTlsAttempts } from './tls-attempts.js';

/**
 * Called by createCollector once the port is known: the LAN name, the watch for games from other machines and for
 * games that connect with https://.
 */
export function attachConnectivity(ctx: AppContext, server: http.Server, port: number): void {
  watchLanClients(ctx, server);
  watchTlsAttempts(ctx, server);
  startMdns(ctx, port);
}
