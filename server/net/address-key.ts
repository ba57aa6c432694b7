import ipaddr from 'ipaddr.js';

/**
 * The address a device is shown by (Diagnostics, the check page): its IPv4 address when a dual-stack socket reports it
 * IPv4-mapped (`::ffff:10.0.0.5` is 10.0.0.5), else the address as it came.
 */
export function plainAddress(address: string): string {
  if (!ipaddr.IPv6.isValid(address)) return address;
  const parsed = ipaddr.IPv6.parse(address);
  return parsed.isIPv4MappedAddress() ? parsed.toIPv4Address().toString() : address;
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
  if (ipaddr.IPv4.isValidFourPartDecimal(plain)) return plain;
  if (!ipaddr.IPv6.isValid(plain)) return plain;
  // A link-local address's zone (`fe80::1%eth0`) names this computer's interface, not the device: parts leave it out.
  const network = ipaddr.IPv6.parse(plain).parts.slice(0, 4);
  return `${new ipaddr.IPv6([...network, 0, 0, 0, 0]).toRFC5952String()}/64`;
}
