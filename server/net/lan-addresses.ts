import os from 'node:os';

/** Every non-internal IPv4 address of this machine: what games on the classroom network can reach. */
export function lanAddresses(): string[] {
  const addresses: string[] = [];
  for (const entries of Object.values(os.networkInterfaces())) {
    for (const entry of entries ?? []) {
      if (entry.family === 'IPv4' && !entry.internal) addresses.push(entry.address);
    }
  }
  return addresses;
}

/** The URLs to give games and browsers for a server bound to `host`. */
export function reachableUrls(host: string, port: number): string[] {
  const wildcard = host === '0.0.0.0' || host === '::';
  const hosts = wildcard ? ['127.0.0.1', ...lanAddresses()] : [host];
  return hosts.map((address) => `http://${address.includes(':') ? `[${address}]` : address}:${port}/`);
}

/** 127.x and ::1: an address that reaches this computer only, never a student's. */
export function isLoopbackUrl(url: string): boolean {
  const host = new URL(url).hostname;
  return host.startsWith('127.') || host === '[::1]' || host === 'localhost';
}

/** The URLs to give the students' games: the network's, without loopback, which only a game on this laptop can use. */
export function gameUrls(urls: string[]): string[] {
  return urls.filter((url) => !isLoopbackUrl(url));
}
