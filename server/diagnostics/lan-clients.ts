import type http from 'node:http';
import { isLoopbackAddress } from '../admin/loopback-only.js';
import type { AppContext } from '../context.js';

export interface LanClients {
  /** When the collector started listening (ms, ctx.now). */
  since: number;
  /** The last connection from another machine, if any. */
  last: { at: number; address: string } | null;
}

const watches = new WeakMap<AppContext, LanClients>();

/**
 * Notes connections from other machines, at the socket level: every game and check page counts, including tracks,
 * which bypass Express (fast path). In memory: "has any game reached me since I started" is all it answers.
 */
export function watchLanClients(ctx: AppContext, server: http.Server): LanClients {
  const state: LanClients = { since: ctx.now(), last: null };
  watches.set(ctx, state);
  server.on('connection', (socket) => {
    const address = socket.remoteAddress;
    if (address && !isLoopbackAddress(address)) state.last = { at: ctx.now(), address: address.replace(/^::ffff:/, '') };
  });
  return state;
}

export function lanClientsOf(ctx: AppContext): LanClients | undefined {
  return watches.get(ctx);
}
