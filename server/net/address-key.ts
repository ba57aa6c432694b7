import { isIPv4, isIPv6 } from 'node:net';

const MAPPED_IPV4 = /^::ffff:(\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3})$/i;

/**
 * The address a device is shown by (Diagnostics, the check page): its IPv4 address when a dual-stack socket reports it
 * IPv4-mapped (`::ffff:10.0.0.5` is 10.0.0.5), else the address as it came.
 */
export function plainAddress(address: string): string {
  return MAPPED_IPV4.exec(address)?.[1] ?? address;
}

/** The 16-bit groups of an IPv6 address before its last 64 bits: an embedded IPv4 address is only ever in those. */
function networkGroups(address: string): number[] {
  const [head = '', tail] = address.split('::');
  const groups = (part: string) => (part === '' ? [] : part.split(':'));
  const before = groups(head);
  // An IPv4 tail (`64:ff9b::1.2.3.4`) stands for two groups.
  const after = groups(tail ?? '').flatMap((group) => (group.includes('.') ? ['0', '0'] : [group]));
  const all = tail === undefined ? before : [...before, ...Array<string>(8 - before.length - after.length).fill('0'), ...after];
  return all.slice(0, 4).map((group) => Number.parseInt(group, 16));
}

/**
 * The key Aula's per-device bounds count a remote address under (login failures, teacher keys, session starts,
 * connections, checks, refusals kept): an IPv4 address as it is, an IPv4-mapped one as its IPv4 address, any other
 * IPv6 address as its /64 network. One device owns a whole /64 (privacy extensions rotate its address there, and a
 * script can pick any of its 2^64 addresses), so a bound per full IPv6 address was escaped by changing address. The
 * price is that of a school behind one NAT address: a classroom sharing a /64 shares the bound, which is sized for that.
 * Never shown: Diagnostics show the address the request came from (plainAddress).
 */
export function addressKey(address: string | null | undefined): string {
  if (!address) return 'unknown';
  const plain = plainAddress(address);
  if (isIPv4(plain)) return plain;
  // A link-local address's zone (`fe80::1%eth0`) names this computer's interface, not the device.
  const withoutZone = plain.split('%')[0] ?? plain;
  if (!isIPv6(withoutZone)) return plain;
  const network = networkGroups(withoutZone)
    .map((group) => group.toString(16))
    .join(':');
  // The URL parser writes the network as IPv6's canonical text (RFC 5952: lower case, longest zeros as `::`).
  return `${new URL(`http://[${network}::]/`).hostname.slice(1, -1)}/64`;
}
