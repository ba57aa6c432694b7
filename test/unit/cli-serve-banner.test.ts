import assert from 'node:assert/strict';
import type os from 'node:os';
import { describe, test } from 'node:test';
import { serveBanner } from '../../server/cli/serve-banner.js';
import { lanAddresses, lanAddressList } from '../../server/net/lan-addresses.js';

const v4 = (address: string): os.NetworkInterfaceInfo => ({ address, family: 'IPv4', internal: false, netmask: '255.255.255.0', mac: '00:00:00:00:00:00', cidr: null });

// As the operating systems list them: Windows puts Hyper-V's and VirtualBox's adapters before the Wi-Fi; a Linux box
// with Docker lists its bridges; a laptop whose cable found no DHCP server has a 169.254 address.
const windowsLaptop = {
  'vEthernet (WSL)': [v4('172.29.48.1')],
  'VirtualBox Host-Only Network': [v4('192.168.56.1')],
  'Wi-Fi': [v4('192.168.1.23')],
};
const linuxServer = {
  lo: [{ ...v4('127.0.0.1'), internal: true }],
  docker0: [v4('172.17.0.1')],
  'br-5f2c1a9e0b7d': [v4('172.18.0.1')],
  enp3s0: [v4('169.254.12.7')],
  wlp2s0: [v4('10.20.30.40')],
  tun0: [v4('10.8.0.6')],
};

describe('the address given to games when the computer is on several networks', () => {
  test('the classroom network comes first, then virtual networks and VPNs, then an interface without a DHCP address', () => {
    assert.deepEqual(lanAddresses(windowsLaptop), ['192.168.1.23', '172.29.48.1', '192.168.56.1']);
    assert.deepEqual(lanAddresses(linuxServer), ['10.20.30.40', '172.17.0.1', '172.18.0.1', '10.8.0.6', '169.254.12.7']);
  });

  test('aula serve marks the addresses that are not for students, and says what to check when games cannot connect', () => {
    const addresses = lanAddressList(linuxServer);
    const banner = serveBanner(
      {
        gameUrls: addresses.map((lan) => `http://${lan.address}:3000/`),
        host: '0.0.0.0',
        port: 3000,
        mdnsHostName: 'aula.local',
        dashboardUrl: 'http://127.0.0.1:3000',
        dataDir: '/srv/aula',
        dashboardBuilt: true,
      },
      addresses,
    );
    assert.deepEqual(banner, [
      'Aula collector is running (data: /srv/aula)',
      '',
      'Games on this network can reach it at:',
      '  http://10.20.30.40:3000/',
      "  http://172.17.0.1:3000/  (docker0: a virtual network or VPN of this computer, not the classroom's)",
      "  http://172.18.0.1:3000/  (br-5f2c1a9e0b7d: a virtual network or VPN of this computer, not the classroom's)",
      "  http://10.8.0.6:3000/  (tun0: a virtual network or VPN of this computer, not the classroom's)",
      '  http://169.254.12.7:3000/  (enp3s0 got no address from the network: check its cable or Wi-Fi)',
      '  http://aula.local:3000/  (stays the same when the IP address changes)',
      "Games cannot connect? Allow incoming TCP port 3000 (and UDP 5353 for the .local name) in this computer's firewall.",
      '',
      'Dashboard: http://127.0.0.1:3000/',
      '  from another computer: http://10.20.30.40:3000/teacher with the key that aula teacher-key prints',
      'Press Ctrl+C to stop.',
    ]);
  });
});

describe('aula serve from a source checkout whose dashboard is not built', () => {
  test('says so and how to build it, instead of giving an address that answers "Not found"', () => {
    const banner = serveBanner(
      {
        gameUrls: ['http://10.20.30.40:3000/'],
        host: '0.0.0.0',
        port: 3000,
        mdnsHostName: undefined,
        dashboardUrl: 'http://127.0.0.1:3000',
        dataDir: '/srv/aula',
        dashboardBuilt: false,
      },
      lanAddressList(linuxServer),
    );
    assert.deepEqual(banner.slice(-4), [
      '',
      'Dashboard: http://127.0.0.1:3000/  (not built in this copy of Aula: it answers "Not found"; games are collected all the same)',
      '  build it with: npm run build:renderer (npm start does it), then start aula serve again',
      'Press Ctrl+C to stop.',
    ]);
  });
});
