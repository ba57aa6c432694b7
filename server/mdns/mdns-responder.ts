import type { RemoteInfo } from 'node:dgram';
import type { Answer } from 'dns-packet';
import makeMdns from 'multicast-dns';
import type { MdnsStatus } from '../admin/api-types.js';
import type { Logger } from '../logger.js';
import { localName, nextLabel } from './host-name.js';
import { type LanInterface, lanInterfaces, sameSubnet } from './lan-interfaces.js';
import { type Advertised, ANY, allRecords, answerQuestions, instanceName, legacyRecord } from './mdns-records.js';

const MDNS_PORT = 5353;
/** RFC 6762 §8.1: three probes 250 ms apart, then 250 ms more to hear objections. */
const PROBES = 3;
const PROBE_GAP_MS = 250;
const MAX_RENAMES = 20;
/** The class dns-packet reports for a question with the "unicast response" bit (it does not strip the bit). */
const QU_CLASS = 'UNKNOWN_32769';

type MdnsState = MdnsStatus['state'];

export interface MdnsResponderOptions {
  /** The host label, e.g. `aula`. */
  label: string;
  /** The HTTP port advertised in the SRV record. */
  port: number;
  instance: string;
  txt: string[];
  log: Logger;
  interfaces?: () => LanInterface[];
  /** How often the network interfaces are re-read, to follow DHCP and Wi-Fi changes. */
  followEveryMs?: number;
}

interface Responder {
  lan: LanInterface;
  socket: makeMdns.MulticastDNS;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function isLoopback(address: string): boolean {
  return address.startsWith('127.') || address === '::1' || address.startsWith('::ffff:127.');
}

/**
 * Answers mDNS for `<label>.local` and advertises the collector as an `_http._tcp` service. One socket per network
 * interface, so each network hears the address it can reach, and the answer goes out on that interface.
 */
export class MdnsResponder {
  private readonly responders = new Map<string, Responder>();
  private readonly requested: string;
  private label: string;
  private state: MdnsState = 'probing';
  private conflict: string | null = null;
  private conflictSeen = false;
  private error: string | null = null;
  private timer: ReturnType<typeof setInterval> | undefined;
  private readonly interfaces: () => LanInterface[];
  /** Settles when the first probing is over: the name is announced (or mDNS failed). */
  readonly settled: Promise<MdnsStatus>;

  constructor(private readonly options: MdnsResponderOptions) {
    this.requested = localName(options.label);
    this.label = options.label;
    this.interfaces = options.interfaces ?? lanInterfaces;
    for (const lan of this.interfaces()) this.open(lan);
    this.settled = this.claim().then(() => this.status());
    this.timer = setInterval(() => this.follow(), options.followEveryMs ?? 5000);
    this.timer.unref();
  }

  status(): MdnsStatus {
    return {
      state: this.state,
      requested: this.requested,
      hostName: localName(this.label),
      conflict: this.conflict,
      addresses: [...this.responders.keys()],
      error: this.error,
    };
  }

  /** After a rename the service name follows (`Aula collector (aula-2)`), so two Aulas never claim the same one. */
  private advertised(): Advertised {
    const instance = this.label === this.options.label ? this.options.instance : `${this.options.instance} (${this.label})`;
    return { hostName: localName(this.label), instance, port: this.options.port, txt: this.options.txt };
  }

  private open(lan: LanInterface): void {
    const socket = makeMdns({ interface: lan.address, bind: '0.0.0.0', port: MDNS_PORT, reuseAddr: true, loopback: true });
    const responder = { lan, socket };
    this.responders.set(lan.address, responder);
    socket.on('error', (error: Error) => {
      this.options.log.warn({ err: error, lanAddress: lan.address }, 'mDNS cannot listen on this network');
      this.close(lan.address, false);
      if (this.responders.size === 0) {
        this.state = 'failed';
        this.error = error.message;
      }
    });
    socket.on('warning', (error: Error) => this.options.log.debug({ err: error, lanAddress: lan.address }, 'mDNS warning'));
    socket.on('response', (packet) => this.watchForConflict([...packet.answers, ...packet.additionals]));
    socket.on('query', (packet, rinfo) => this.answer(responder, packet, rinfo));
  }

  private close(address: string, goodbye: boolean): Promise<void> {
    const responder = this.responders.get(address);
    if (!responder) return Promise.resolve();
    this.responders.delete(address);
    return new Promise((resolve) => {
      const destroy = () => responder.socket.destroy(() => resolve());
      if (!goodbye || this.state !== 'announced') return destroy();
      responder.socket.respond({ answers: allRecords(this.advertised(), address, true) }, () => destroy());
    });
  }

  /**
   * Someone else answers for our host name with an address that is not ours, or for our service with another port
   * or host (a second Aula on this machine). Our own answers come back to us too, and match.
   */
  private watchForConflict(records: Answer[]): void {
    const advertised = this.advertised();
    const ours = advertised.hostName.toLowerCase();
    const service = instanceName(advertised).toLowerCase();
    const conflicting = records.some((record) => {
      const name = record.name.toLowerCase();
      if (record.type === 'A') return name === ours && !this.responders.has(String(record.data));
      if (record.type === 'SRV') return name === service && (record.data.port !== advertised.port || record.data.target.toLowerCase() !== ours);
      return false;
    });
    if (!conflicting) return;
    if (this.state === 'probing') {
      this.conflictSeen = true;
      return;
    }
    if (this.state !== 'announced') return;
    this.options.log.warn({ name: ours }, 'mDNS: another device now answers for this name; choosing another one');
    this.state = 'probing';
    void this.claim();
  }

  /** Probe, take the next name on a conflict, then announce (RFC 6762 §8). */
  private async claim(): Promise<void> {
    for (let attempt = 0; attempt < MAX_RENAMES; attempt++) {
      this.conflictSeen = false;
      for (let probe = 0; probe < PROBES && !this.conflictSeen; probe++) {
        this.sendProbe();
        await sleep(PROBE_GAP_MS);
      }
      if (this.state === 'stopped') return;
      if (!this.conflictSeen) {
        this.state = 'announced';
        this.announce();
        this.options.log.info({ name: localName(this.label), addresses: [...this.responders.keys()] }, 'mDNS: answering for this name');
        return;
      }
      const taken = localName(this.label);
      this.label = nextLabel(this.label);
      this.conflict = taken;
      this.options.log.warn(`mDNS: ${taken} is already used by another device on this network; Aula uses ${localName(this.label)} instead`);
    }
    this.state = 'failed';
    this.error = 'No free name found on this network';
  }

  private sendProbe(): void {
    const advertised = this.advertised();
    for (const { lan, socket } of this.responders.values()) {
      const [host, , srv] = allRecords(advertised, lan.address);
      socket.query({
        questions: [
          { name: advertised.hostName, type: ANY },
          { name: instanceName(advertised), type: ANY },
        ],
        authorities: [host, srv].filter((record) => record !== undefined),
      });
    }
  }

  private announce(only?: Responder): void {
    for (const responder of only ? [only] : this.responders.values()) {
      responder.socket.respond({ answers: allRecords(this.advertised(), responder.lan.address) });
    }
  }

  private answer(responder: Responder, packet: makeMdns.QueryPacket, rinfo: RemoteInfo): void {
    if (this.state !== 'announced') return;
    const fromThisHost = isLoopback(rinfo.address) || this.responders.has(rinfo.address);
    if (!fromThisHost && !sameSubnet(responder.lan, rinfo.address)) return;
    const { answers, additionals } = answerQuestions(this.advertised(), responder.lan.address, packet.questions);
    if (answers.length === 0) return;
    if (rinfo.port !== MDNS_PORT) {
      // A one-shot ("legacy") resolver: a plain DNS answer back to its port, with its id and questions (RFC 6762 §6.7).
      responder.socket.respond(
        { id: packet.id, questions: packet.questions, answers: answers.map(legacyRecord), additionals: additionals.map(legacyRecord) },
        { port: rinfo.port, address: rinfo.address },
      );
      return;
    }
    const unicast = packet.questions.some((question) => String(question.class) === QU_CLASS);
    responder.socket.respond({ answers, additionals }, unicast ? { port: MDNS_PORT, address: rinfo.address } : undefined);
  }

  /**
   * Re-reads the interfaces: a new address is announced at once, a vanished one is dropped. Logged as `lanAddress`:
   * the laptop's own, which the log keeps at every level (a device's `address` is a tag at info, log-names.ts).
   */
  private follow(): void {
    if (this.state === 'stopped') return;
    const current = new Map(this.interfaces().map((lan) => [lan.address, lan]));
    for (const address of [...this.responders.keys()]) {
      if (!current.has(address)) {
        this.options.log.info({ lanAddress: address }, 'mDNS: address gone');
        void this.close(address, false);
      }
    }
    for (const [address, lan] of current) {
      if (this.responders.has(address)) continue;
      this.options.log.info({ lanAddress: address }, 'mDNS: new address');
      this.open(lan);
      const responder = this.responders.get(address);
      if (responder && this.state === 'announced') responder.socket.once('ready', () => this.announce(responder));
    }
  }

  /** Says goodbye (TTL 0) so other machines forget the name at once, then closes the sockets. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    const addresses = [...this.responders.keys()];
    await Promise.all(addresses.map((address) => this.close(address, true)));
    this.state = 'stopped';
  }
}
