import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, describe, test } from 'node:test';
import type { Diagnostics } from '../../server/admin/api-types.js';
import type { Collector } from '../../server/index.js';
import { REFUSALS_KEPT_PER_ADDRESS } from '../../server/store/rejections-repo.js';
import { startTestCollector } from '../support/collector.js';
import { makeActivity } from '../support/fixtures.js';
import { postJsonFrom, requestFrom } from '../support/from-address.js';
import { request } from '../support/http.js';
import { addLoopbackIpv6 } from '../support/ipv6-loopback.js';
import { tempDir } from '../support/temp-dir.js';

/**
 * One IPv6 device owns a whole /64: privacy extensions rotate its address there, and a script can pick any of them.
 * Aula's bounds per sending address (refusals kept, failed logins, session starts) were escaped by changing address;
 * they now count a /64 as one device. And an IPv4 device counts as one whether its address comes plain (`127.0.0.2`)
 * or IPv4-mapped (`::ffff:127.0.0.2`, a collector listening on IPv6 too).
 */
const oneDevice = ['fd00:a7a:0:1::a', 'fd00:a7a:0:1::b'];
const otherDevice = 'fd00:a7a:0:2::a';
const loopback = await addLoopbackIpv6([...oneDevice, otherDevice]);
after(() => ('remove' in loopback ? loopback.remove() : undefined));

const random = () => randomBytes(9).toString('base64url').toLowerCase();

async function rowsFrom(collector: Collector, addresses: string[]): Promise<number> {
  await collector.context.ingest.idle();
  const marks = addresses.map(() => '?').join(', ');
  return (collector.context.db.prepare(`SELECT count(*) AS n FROM rejected_requests WHERE address IN (${marks})`).get(...addresses) as { n: number }).n;
}

const unknownStart = (from: string, port: number) => requestFrom(from, port, { method: 'POST', path: `/api/collector/start/${random()}` });

describe('bounds per device count an IPv6 /64 as one', { skip: 'unavailable' in loopback ? loopback.unavailable : false }, () => {
  test('the refusals kept: two addresses of one /64 share the bound, another /64 keeps its own', async () => {
    const collector = await startTestCollector({ config: { host: '::', mdns: false } });
    // The other network's refusal comes first, the oldest of all: the flood after it must not push it out.
    assert.equal((await unknownStart(otherDevice, collector.port)).status, 404);
    for (let i = 0; i < REFUSALS_KEPT_PER_ADDRESS + 20; i++) {
      assert.equal((await unknownStart(oneDevice[i % 2] as string, collector.port)).status, 404);
    }
    // Its newest, for Diagnostics (which list a group's newest items only).
    assert.equal((await unknownStart(otherDevice, collector.port)).status, 404);
    assert.equal(await rowsFrom(collector, oneDevice), REFUSALS_KEPT_PER_ADDRESS, "the device's addresses keep one bound's worth together");
    assert.equal(await rowsFrom(collector, [otherDevice]), 2, "another network's refusals are untouched");

    // Diagnostics show each refusal by the address it came from, not by its network.
    const answer = await request(`http://[::1]:${collector.port}/admin/api/diagnostics`);
    assert.equal(answer.status, 200);
    const shown = new Set((answer.json as Diagnostics).groups.flatMap((group) => group.items.map((item) => item.address)));
    for (const address of [...oneDevice, otherDevice]) assert.ok(shown.has(address), `${address} is shown`);
    await collector.close();
  });

  test('failed logins: a device changing address within its /64 is still refused, another /64 is not', async () => {
    const collector = await startTestCollector({ config: { host: '::', mdns: false, loginFailuresPerAddress: 3 } });
    // Every attempt another username: only the count per address can stop them.
    const login = (from: string) => postJsonFrom(from, collector.port, '/api/login', { username: `guess-${random()}`, password: 'wrong' });
    for (const from of [oneDevice[0], oneDevice[1], oneDevice[0]] as string[]) assert.equal((await login(from)).status, 401);
    const refused = await login(oneDevice[1] as string);
    assert.equal(refused.status, 429, 'the next attempt, from the other address of the /64, waits');
    assert.equal((await login(otherDevice)).status, 401, 'a device on another /64 may still try');
    await collector.close();
  });

  test('session starts: the limit per minute is one for the whole /64', async () => {
    const collector = await startTestCollector({ config: { host: '::', mdns: false, startsPerMinutePerAddress: 2 } });
    const activity = makeActivity(collector.context.db, { name: 'Fractions' });
    const start = (from: string) => postJsonFrom(from, collector.port, `/api/collector/start/${activity.trackingCode}`, {});
    assert.equal((await start(oneDevice[0] as string)).status, 200);
    assert.equal((await start(oneDevice[1] as string)).status, 200);
    assert.equal((await start(oneDevice[1] as string)).status, 429);
    assert.equal((await start(otherDevice)).status, 200);
    await collector.close();
  });
});

describe('an IPv4 device counts as one, plain or IPv4-mapped', () => {
  test('its refusals kept on a collector on IPv4, then on IPv4 and IPv6, share one bound', async () => {
    const dataDir = tempDir();
    const device = '127.0.0.2';
    const onIpv4 = await startTestCollector({ dataDir, config: { host: '127.0.0.1', mdns: false } });
    for (let i = 0; i < REFUSALS_KEPT_PER_ADDRESS; i++) assert.equal((await unknownStart(device, onIpv4.port)).status, 404);
    await onIpv4.close();

    // The teacher now serves on every address: the same device arrives as ::ffff:127.0.0.2.
    const dualStack = await startTestCollector({ dataDir, config: { host: '::', mdns: false } });
    for (let i = 0; i < 5; i++) assert.equal((await unknownStart(device, dualStack.port)).status, 404);
    assert.equal(await rowsFrom(dualStack, ['::ffff:127.0.0.2']), 5, 'the newest are kept, as the address they came from');
    assert.equal(await rowsFrom(dualStack, [device, '::ffff:127.0.0.2']), REFUSALS_KEPT_PER_ADDRESS, 'one device, one bound');
    await dualStack.close();
  });
});
