import type { Database } from 'better-sqlite3';
import ipaddr from 'ipaddr.js';

/**
 * The device key as it was when this migration shipped (server/net/address-key.ts of 2026-11-28), frozen here: a
 * migration must do on an old database what it did when it was written, whatever the live rule becomes later.
 */
function deviceKeyOf2026(address: string): string {
  let plain = address;
  if (ipaddr.IPv6.isValid(address)) {
    const parsed = ipaddr.IPv6.parse(address);
    if (parsed.isIPv4MappedAddress()) plain = parsed.toIPv4Address().toString();
  }
  if (ipaddr.IPv4.isValidFourPartDecimal(plain) || !ipaddr.IPv6.isValid(plain)) return plain;
  const network = ipaddr.IPv6.parse(plain).parts.slice(0, 4);
  return `${new ipaddr.IPv6([...network, 0, 0, 0, 0]).toRFC5952String()}/64`;
}

/**
 * Refused requests found by the device that sent them, by its address key (address-key.ts: an IPv6 address's /64,
 * an IPv4-mapped one as its IPv4 address) instead of by the address itself: one device owns a whole IPv6 /64, and
 * bounding its kept refusals per full address (migration 20) was escaped by changing address. `address` stays what
 * Diagnostics show. The refusals kept so far get their key here, so they count against the bound as new ones do.
 */
export function up(db: Database): void {
  db.exec('ALTER TABLE rejected_requests ADD COLUMN address_key TEXT');
  const addresses = db.prepare('SELECT DISTINCT address FROM rejected_requests WHERE address IS NOT NULL').pluck().all() as string[];
  const setKey = db.prepare('UPDATE rejected_requests SET address_key = ? WHERE address = ?');
  for (const address of addresses) setKey.run(deviceKeyOf2026(address), address);
  db.exec('DROP INDEX rejected_requests_by_address');
  db.exec('CREATE INDEX rejected_requests_by_device ON rejected_requests (address_key, id)');
}
