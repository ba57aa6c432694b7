import assert from 'node:assert/strict';
import os from 'node:os';
import { after, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { gameAddresses } from '../../main/tray-menu.js';
import { watchGameAddresses } from '../../main/tray-refresh.js';
import { startTestCollector } from '../support/collector.js';

const realInterfaces = os.networkInterfaces;
after(() => {
  os.networkInterfaces = realInterfaces;
});

/** This machine's interfaces, plus a Wi-Fi joined now. */
function joinWifi(address: string): void {
  const before = realInterfaces();
  os.networkInterfaces = () => ({
    ...before,
    wlan7: [{ address, netmask: '255.255.255.0', family: 'IPv4', mac: '02:00:00:00:00:07', internal: false, cidr: `${address}/24` }],
  });
}

// The teacher starts Aula, then joins the classroom's Wi-Fi (or the laptop sleeps and wakes with another address): the
// tray offered the start's addresses all day, and "Copy collector address" copied one no game could reach.
test("the collector's game addresses follow the network, and the tray is worded again when they change", async () => {
  const collector = await startTestCollector({ config: { host: '0.0.0.0', mdns: false } });
  try {
    const url = `http://10.99.0.7:${collector.port}/`;
    assert.ok(!collector.lanUrls.includes(url));
    let worded = 0;
    const stop = watchGameAddresses(
      () => gameAddresses(collector.lanUrls),
      () => worded++,
      20,
    );
    try {
      await sleep(80);
      assert.equal(worded, 0, 'nothing changed, nothing worded again');
      joinWifi('10.99.0.7');
      assert.ok(collector.lanUrls.includes(url), collector.lanUrls.join(' '));
      for (let tries = 0; tries < 50 && worded === 0; tries++) await sleep(20);
      assert.equal(worded, 1);
      await sleep(80);
      assert.equal(worded, 1, 'once per change');
    } finally {
      stop();
    }
  } finally {
    os.networkInterfaces = realInterfaces;
    await collector.close();
  }
});
