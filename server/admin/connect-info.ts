import type { AppContext } from '../context.js';
import { lanAddresses, reachableUrls } from '../net/lan-addresses.js';
import { listActivities } from '../store/activities-repo.js';
import type { ConnectInfo } from './api-types.js';

export function readConnectInfo(ctx: AppContext, port: number): ConnectInfo {
  const urls = reachableUrls(ctx.config.host, port);
  const lan = new Set(lanAddresses());
  const isLan = (url: string) => lan.has(new URL(url).hostname);
  // LAN addresses first: that is what a student's machine needs; loopback only works on this laptop.
  urls.sort((a, b) => Number(isLan(b)) - Number(isLan(a)));
  return {
    port,
    urls,
    reachableFromLan: urls.some(isLan),
    activities: listActivities(ctx.db).map(({ id, name, game, trackingCode, open }) => ({ id, name, game, trackingCode, open })),
  };
}
