import type http from 'node:http';
import type { AppContext } from '../context.js';
import { startMdns } from '../mdns/start-mdns.js';
import { watchLanClients } from './lan-clients.js';

/** Called by createCollector once the port is known: the LAN name and the watch for games from other machines. */
export function attachConnectivity(ctx: AppContext, server: http.Server, port: number): void {
  watchLanClients(ctx, server);
  startMdns(ctx, port);
}
