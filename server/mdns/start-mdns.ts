import type { MdnsInfo } from '../admin/api-types.js';
import type { AppContext } from '../context.js';
import { getSetting, setSetting } from '../store/settings-repo.js';
import { hostLabel } from './host-name.js';
import { lanInterfaces } from './lan-interfaces.js';
import { MdnsResponder } from './mdns-responder.js';

/** The path games put after the host: A2's proxy path, which every e-UCM tracker accepts. */
export const COLLECTOR_PATH = '/api/proxy/gleaner/collector/';
const INSTANCE = 'Aula collector';

// One responder per running collector, without a field in AppContext; the port it was started for, to switch it
// back on from the dashboard.
const responders = new WeakMap<AppContext, MdnsResponder>();
const ports = new WeakMap<AppContext, number>();

/** The teacher's switch in the dashboard's Settings, kept in the database (on unless switched off there). */
export const MDNS_SETTING = 'mdns_enabled';

function switchedOffInSettings(ctx: AppContext): boolean {
  return getSetting(ctx.db, MDNS_SETTING) === 'off';
}

function isWildcard(host: string): boolean {
  return host === '0.0.0.0' || host === '::';
}

/**
 * Starts answering mDNS when games on the LAN can reach the collector: a collector listening on loopback only
 * (tests, `--host 127.0.0.1`) has nothing to advertise. Stopped by the collector's close.
 */
export function startMdns(ctx: AppContext, port: number): MdnsResponder | undefined {
  const { config } = ctx;
  if (!ports.has(ctx)) ctx.onClose(() => responders.get(ctx)?.stop());
  ports.set(ctx, port);
  const label = hostLabel(config.mdnsName);
  if (!config.mdns || !label || switchedOffInSettings(ctx)) return undefined;
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
  return responder;
}

/**
 * Switches the LAN name on or off at once and remembers the choice (issue 11: switchable in settings). Off sends
 * the goodbye records, so devices forget the name; `--no-mdns` / AULA_MDNS=0 still win over the dashboard.
 */
export async function setMdnsEnabled(ctx: AppContext, enabled: boolean): Promise<MdnsInfo> {
  await ctx.writer.run((db) => setSetting(db, MDNS_SETTING, enabled ? 'on' : 'off'));
  const running = responders.get(ctx);
  if (!enabled && running) {
    responders.delete(ctx);
    await running.stop();
  }
  const port = ports.get(ctx);
  if (enabled && !running && port !== undefined) startMdns(ctx, port);
  return mdnsInfo(ctx);
}

export function mdnsResponderOf(ctx: AppContext): MdnsResponder | undefined {
  return responders.get(ctx);
}


/** What the dashboard shows about the LAN name. */
export function mdnsInfo(ctx: AppContext): MdnsInfo {
  const responder = responders.get(ctx);
  if (responder) return { enabled: true, ...responder.status() };
  if (!ctx.config.mdns) return { enabled: false, reason: 'switched-off' };
  if (switchedOffInSettings(ctx)) return { enabled: false, reason: 'off-in-settings' };
  return { enabled: false, reason: 'not-on-lan' };
}
