import assert from 'node:assert/strict';
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import makeMdns from 'multicast-dns';
import type { Collector } from '../../server/index.js';
import { lanInterfaces } from '../../server/mdns/lan-interfaces.js';
import { mdnsInfo, mdnsResponderOf } from '../../server/mdns/start-mdns.js';
import { startTestCollector } from '../support/collector.js';
import { createOtherHost, type OtherHost, removeOtherHost } from '../support/other-host.js';

const run = promisify(execFile);
const MDNS_MODULE = createRequire(import.meta.url).resolve('multicast-dns');
const NAME = `aula-t${process.pid}`;

async function createMdnsOtherHost(): Promise<OtherHost | undefined> {
  // Lets the same-machine fallback be exercised where namespaces would work.
  if (process.env.AULA_TEST_NO_NETNS) return undefined;
  return createOtherHost({ name: 'mdns', seed: 0, multicast: true });
}

/** What the other machine learns: the host's address, the service's SRV/TXT, and whether /health answers there. */
interface Resolution {
  address?: string;
  srv?: { port: number; target: string };
  txt?: string[];
  health?: number;
}

// Runs on the other machine: a real mDNS query (from port 5353, answered by multicast), repeated as UDP may drop.
const RESOLVER = `
const [host] = process.argv.slice(1);
const mdns = require(${JSON.stringify(MDNS_MODULE)})({ bind: '0.0.0.0' });
const found = {};
const done = async () => {
  if (found.address && found.srv) {
    try { found.health = (await fetch('http://' + found.address + ':' + found.srv.port + '/health')).status; } catch { found.health = 0; }
  }
  process.stdout.write(JSON.stringify(found) + '\\n');
  process.exit(0);
};
mdns.on('response', (packet) => {
  for (const r of [...packet.answers, ...packet.additionals]) {
    if (r.type === 'A' && r.name === host) found.address = r.data;
    if (r.type === 'SRV' && r.data.target === host) found.srv = { port: r.data.port, target: r.data.target };
    if (r.type === 'TXT' && r.name.endsWith('._http._tcp.local')) found.txt = r.data.map(String);
  }
  if (found.address && found.srv && found.txt) done();
});
const ask = () => mdns.query([{ name: host, type: 'A' }, { name: '_http._tcp.local', type: 'PTR' }]);
mdns.on('ready', () => { ask(); setInterval(ask, 400); });
setTimeout(done, 5000);
`;

// Runs on the other machine: a device that already answers for the name (as a printer or another laptop would).
const SQUATTER = `
const [name, address] = process.argv.slice(1);
const mdns = require(${JSON.stringify(MDNS_MODULE)})({ bind: '0.0.0.0' });
mdns.on('query', (query) => {
  if (query.questions.some((q) => q.name.toLowerCase() === name)) {
    mdns.respond({ answers: [{ name, type: 'A', ttl: 120, flush: true, data: address }] });
  }
});
mdns.on('ready', () => process.stdout.write('ready\\n'));
`;

async function resolveFrom(other: OtherHost, host: string): Promise<Resolution> {
  const { stdout } = await run('ip', ['netns', 'exec', other.namespace, process.execPath, '-e', RESOLVER, host], { timeout: 15_000 });
  return JSON.parse(stdout.trim()) as Resolution;
}

/** Without a namespace: a one-shot (legacy unicast) query from a socket on this machine. */
function resolveHere(host: string): Promise<Resolution> {
  return new Promise((resolve) => {
    const mdns = makeMdns({ port: 0, multicast: false });
    const found: Resolution = {};
    const finish = () => {
      clearInterval(again);
      clearTimeout(timer);
      mdns.destroy();
      resolve(found);
    };
    mdns.on('response', (packet) => {
      for (const record of [...packet.answers, ...packet.additionals]) {
        if (record.type === 'A' && record.name === host) found.address = String(record.data);
        if (record.type === 'SRV' && record.data.target === host) found.srv = { port: record.data.port, target: record.data.target };
        if (record.type === 'TXT') found.txt = (record.data as Buffer[]).map(String);
      }
      if (found.address && found.srv && found.txt) finish();
    });
    const ask = () =>
      mdns.query(
        [
          { name: host, type: 'A' },
          { name: '_http._tcp.local', type: 'PTR' },
        ],
        { port: 5353, address: '127.0.0.1' },
      );
    ask();
    const again = setInterval(ask, 400);
    const timer = setTimeout(finish, 5000);
  });
}

function waitForLine(child: ChildProcess, line: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let text = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      if (text.includes(line)) resolve();
    });
    child.once('exit', (code) => reject(new Error(`helper exited with ${code}`)));
  });
}

async function startLanCollector(): Promise<Collector> {
  return startTestCollector({ config: { host: '0.0.0.0', mdnsName: NAME } });
}

describe('mDNS: a stable name on the LAN', () => {
  let other: OtherHost | undefined;
  const children: ChildProcess[] = [];
  const collectors: Collector[] = [];

  before(async () => {
    other = await createMdnsOtherHost();
  });
  after(async () => {
    for (const child of children) child.kill();
    for (const collector of collectors) await collector.close();
    if (other) await removeOtherHost(other);
  });

  test('another machine resolves the name to the collector, finds the service record, and reaches the collector there', async () => {
    const collector = await startLanCollector();
    collectors.push(collector);
    const status = await mdnsResponderOf(collector.context)?.settled;
    assert.equal(status?.state, 'announced');
    assert.equal(status?.hostName, `${NAME}.local`);
    assert.equal(status?.conflict, null);

    const found = other ? await resolveFrom(other, `${NAME}.local`) : await resolveHere(`${NAME}.local`);
    if (other) {
      // Each network hears the address it can reach: the other machine's side of the link, not eth0's.
      assert.equal(found.address, other.hostSide);
      assert.equal(found.health, 200, 'the collector answers at the resolved name and the advertised port');
    } else {
      assert.ok(lanInterfaces().some((lan) => lan.address === found.address), `${found.address} is one of this machine's addresses`);
    }
    assert.deepEqual(found.srv, { port: collector.port, target: `${NAME}.local` });
    assert.deepEqual(found.txt, ['path=/api/proxy/gleaner/collector/']);
    await collector.close();
  });

  test('a device that already answers for the name makes Aula take name-2 and say so', async (t) => {
    if (!other && lanInterfaces().length === 0) return t.skip('no network namespace and no LAN interface for multicast');
    const squatter = other
      ? spawn('ip', ['netns', 'exec', other.namespace, process.execPath, '-e', SQUATTER, `${NAME}.local`, other.otherSide])
      : spawn(process.execPath, ['-e', SQUATTER, `${NAME}.local`, '203.0.113.77']);
    children.push(squatter);
    await waitForLine(squatter, 'ready');

    const collector = await startLanCollector();
    collectors.push(collector);
    const status = await mdnsResponderOf(collector.context)?.settled;
    assert.equal(status?.state, 'announced');
    assert.equal(status?.conflict, `${NAME}.local`);
    assert.equal(status?.hostName, `${NAME}-2.local`);
    const info = mdnsInfo(collector.context);
    assert.equal(info.enabled && info.hostName, `${NAME}-2.local`);

    const found = other ? await resolveFrom(other, `${NAME}-2.local`) : await resolveHere(`${NAME}-2.local`);
    assert.ok(found.address, 'the new name resolves');
    assert.equal(found.srv?.port, collector.port);
    squatter.kill();
    await collector.close();
  });

  test('switched off, or listening on this computer only, Aula does not answer mDNS', async () => {
    const off = await startTestCollector({ config: { host: '0.0.0.0', mdns: false, mdnsName: NAME } });
    collectors.push(off);
    assert.equal(mdnsResponderOf(off.context), undefined);
    assert.deepEqual(mdnsInfo(off.context), { enabled: false, reason: 'switched-off' });
    const local = await startTestCollector({ config: { mdnsName: NAME } });
    collectors.push(local);
    assert.deepEqual(mdnsInfo(local.context), { enabled: false, reason: 'not-on-lan' });
    await off.close();
    await local.close();
  });
});
