import os from 'node:os';

/** Where an address leads: the classroom's network, a virtual one on this computer (Docker, VMs, VPNs), or nowhere yet. */
export type AddressKind = 'network' | 'virtual' | 'link-local';

export interface LanAddress {
  address: string;
  interfaceName: string;
  kind: AddressKind;
}

/**
 * Interfaces that are not the classroom's network: container and VM bridges (Docker's docker0 and br-…, libvirt,
 * VirtualBox, VMware, Hyper-V/WSL's vEthernet) and VPN tunnels. Their addresses reach this computer from inside it
 * (or from the VPN), never from a student's tablet on the Wi-Fi.
 */
const VIRTUAL =
  /^(docker|br-|veth|virbr|vboxnet|vmnet|lxcbr|lxdbr|incusbr|cni|flannel|cali|podman|kube|tun|tap|wg|tailscale|zt|ham|nordlynx|ppp|utun|bridge|vmenet|awdl|llw|anpi|ipsec|feth)|vethernet|virtualbox|vmware|hyper-v|zerotier|openvpn|wireguard|hamachi|vpn/i;

function kindOf(interfaceName: string, address: string): AddressKind {
  // 169.254.x.x: the interface found no DHCP server (cable out, Wi-Fi not joined); nothing on the network can use it.
  if (address.startsWith('169.254.')) return 'link-local';
  return VIRTUAL.test(interfaceName) ? 'virtual' : 'network';
}

const ORDER: Record<AddressKind, number> = { network: 0, virtual: 1, 'link-local': 2 };

/**
 * Every non-internal IPv4 address of this machine with its interface, the classroom's network first: the first one is
 * what the Connect screen's QR code, the tray's "Copy collector address" and `aula serve` give first, and the
 * operating system's order often puts a VirtualBox or WSL adapter before the Wi-Fi.
 */
export function lanAddressList(interfaces: NodeJS.Dict<os.NetworkInterfaceInfo[]> = os.networkInterfaces()): LanAddress[] {
  const found: LanAddress[] = [];
  for (const [interfaceName, entries] of Object.entries(interfaces)) {
    for (const entry of entries ?? []) {
      if (entry.family === 'IPv4' && !entry.internal) found.push({ address: entry.address, interfaceName, kind: kindOf(interfaceName, entry.address) });
    }
  }
  return found.sort((a, b) => ORDER[a.kind] - ORDER[b.kind]);
}

/** Every non-internal IPv4 address of this machine, the classroom's network first: what games can reach. */
export function lanAddresses(interfaces?: NodeJS.Dict<os.NetworkInterfaceInfo[]>): string[] {
  return lanAddressList(interfaces).map((lan) => lan.address);
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
