import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Collector } from '../../server/index.js';
import { lanAddresses } from '../../server/net/lan-addresses.js';
import { getSetting } from '../../server/store/settings-repo.js';
import { startTestCollector } from '../support/collector.js';
import { postJson, request } from '../support/http.js';
import { tempDir } from '../support/temp-dir.js';

const lan = lanAddresses()[0];

interface MdnsInfo {
  enabled: boolean;
  reason?: string;
  hostName?: string;
}

describe('switching the LAN name in Settings (issue 11)', { skip: !lan && 'this machine has no LAN address' }, () => {
  const dataDir = tempDir();
  let collector: Collector;
  const mdnsOf = async () => ((await request(`${collector.url}/admin/api/settings`)).json as { mdns: MdnsInfo }).mdns;

  before(async () => {
    // On every interface, so games on the LAN could reach it and mDNS runs; the dashboard API is asked from loopback.
    collector = await startTestCollector({ dataDir, config: { host: '0.0.0.0', mdnsName: `aula-switch-${process.pid}` } });
  });
  after(() => collector.close());

  test('off stops answering at once and is remembered across a restart; on answers again', async () => {
    assert.equal((await mdnsOf()).enabled, true);
    const off = await postJson(`${collector.url}/admin/api/settings/mdns`, { enabled: false });
    assert.equal(off.status, 200);
    assert.deepEqual((off.json as { mdns: MdnsInfo }).mdns, { enabled: false, reason: 'off-in-settings' });
    assert.equal(getSetting(collector.context.db, 'mdns_enabled'), 'off');

    await collector.close();
    collector = await startTestCollector({ dataDir, config: { host: '0.0.0.0', mdnsName: `aula-switch-${process.pid}` } });
    assert.deepEqual(await mdnsOf(), { enabled: false, reason: 'off-in-settings' });

    const on = await postJson(`${collector.url}/admin/api/settings/mdns`, { enabled: true });
    assert.equal(on.status, 200);
    const info = (on.json as { mdns: MdnsInfo }).mdns;
    assert.equal(info.enabled, true);
    assert.equal(info.hostName, `aula-switch-${process.pid}.local`);
  });

  test('anything but a boolean is refused and changes nothing', async () => {
    const before = await mdnsOf();
    const bad = await postJson(`${collector.url}/admin/api/settings/mdns`, { enabled: 'yes' });
    assert.equal(bad.status, 400);
    assert.equal((bad.json as { error: { reason: string } }).error.reason, 'invalid-body');
    assert.deepEqual(await mdnsOf(), before);
  });
});
