import os from 'node:os';

export interface LanInterface {
  name: string;
  address: string;
  netmask: string;
}

/** Every non-internal IPv4 address with its interface: mDNS answers each network with its own address. */
export function lanInterfaces(): LanInterface[] {
  const found: LanInterface[] = [];
  for (const [name, entries] of Object.entries(os.networkInterfaces())) {
    for (const entry of entries ?? []) {
      if (entry.family === 'IPv4' && !entry.internal) found.push({ name, address: entry.address, netmask: entry.netmask });
    }
  }
  return found;
}

function toNumber(address: string): number | undefined {
  const parts = address.split('.').map(Number);
  if (parts.length !== 4 || parts.some((part) => !Number.isInteger(part) || part < 0 || part > 255)) return undefined;
  return parts.reduce((sum, part) => sum * 256 + part, 0);
}

/** Whether `other` is on the network of `own` (both IPv4; an IPv4-mapped IPv6 form is accepted for `other`). */
export function sameSubnet(own: LanInterface, other: string): boolean {
  const a = toNumber(own.address);
  const b = toNumber(other.startsWith('::ffff:') ? other.slice(7) : other);
  const mask = toNumber(own.netmask);
  if (a === undefined || b === undefined || mask === undefined) return false;
  // `>>> 0` keeps the AND unsigned; the numbers fit in 32 bits.
  return ((a & mask) >>> 0) === ((b & mask) >>> 0);
}
