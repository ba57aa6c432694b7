import type { AppContext } from '../context.js';
import { hostLabel } from './host-name.js';
import { lanInterfaces } from './lan-interfaces.js';
import { MdnsResponder, type MdnsStatus } from './mdns-responder.js';

/** The path games put after the host: A2's proxy path, which every e-UCM tracker accepts. */
export const COLLECTOR_PATH = '/api/proxy/gleaner/collector/';
const INSTANCE = 'Aula collector';

// One responder per running collector, without a field in AppContext.
const responders = new WeakMap<AppContext, MdnsResponder>();

function isWildcard(host: string): boolean {
  return host === '0.0.0.0' || host === '::';
}

/**
 * Starts answering mDNS when games on the LAN can reach the collector: a collector listening on loopback only
 * (tests, `--host 127.0.0.1`) has nothing to advertise. Stopped by the collector's close.
 */
export function startMdns(ctx: AppContext, port: number): MdnsResponder | undefined {
  const { config } = ctx;
  const label = hostLabel(config.mdnsName);
  if (!config.mdns || !label) return undefined;
  const interfaces = () => lanInterfaces().filter((lan) => isWildcard(config.host) || lan.address === config.host);
  if (!isWildcard(config.host) && interfaces().length === 0) return undefined;
  const responder = new MdnsResponder({
    label,
    port,
    instance: INSTANCE,
    txt: [`path=${COLLECTOR_PATH}`],
    log: ctx.log,
    interfaces,
  });
  responders.set(ctx, responder);
  ctx.onClose(() => responder.stop());
  return responder;
}

export function mdnsResponderOf(ctx: AppContext): MdnsResponder | undefined {
  return responders.get(ctx);
}

export type MdnsInfo = ({ enabled: true } & MdnsStatus) | { enabled: false; reason: string };

/** What the dashboard shows about the LAN name. */
export function mdnsInfo(ctx: AppContext): MdnsInfo {
  const responder = responders.get(ctx);
  if (responder) return { enabled: true, ...responder.status() };
  if (!ctx.config.mdns) return { enabled: false, reason: 'switched-off' };
  return { enabled: false, reason: 'not-on-lan' };
}
