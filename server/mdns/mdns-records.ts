import type { Answer, Question, RecordType } from 'dns-packet';

export const SERVICE_TYPE = '_http._tcp.local';
const SERVICE_ENUMERATION = '_services._dns-sd._udp.local';
/** RFC 6762 §10: 120 s for records naming a host, 75 minutes for the others. */
const HOST_TTL = 120;
const OTHER_TTL = 4500;

export interface Advertised {
  /** `aula.local` */
  hostName: string;
  /** `Aula collector` */
  instance: string;
  port: number;
  /** TXT key/values, e.g. `path=/api/proxy/gleaner/collector/`. */
  txt: string[];
}

export function instanceName(advertised: Advertised): string {
  return `${advertised.instance}.${SERVICE_TYPE}`;
}

function hostRecord(advertised: Advertised, address: string, ttl: number): Answer {
  return { name: advertised.hostName, type: 'A', ttl, flush: true, data: address };
}

function serviceRecords(advertised: Advertised, ttl: (normal: number) => number): Answer[] {
  const instance = instanceName(advertised);
  return [
    { name: SERVICE_TYPE, type: 'PTR', ttl: ttl(OTHER_TTL), data: instance },
    { name: instance, type: 'SRV', ttl: ttl(HOST_TTL), flush: true, data: { priority: 0, weight: 0, port: advertised.port, target: advertised.hostName } },
    { name: instance, type: 'TXT', ttl: ttl(OTHER_TTL), flush: true, data: advertised.txt },
  ];
}

/** Every record, for announcements (RFC 6762 §8.3) and, with TTL 0, for the goodbye when Aula stops. */
export function allRecords(advertised: Advertised, address: string, goodbye = false): Answer[] {
  const ttl = (normal: number) => (goodbye ? 0 : normal);
  return [
    hostRecord(advertised, address, ttl(HOST_TTL)),
    ...serviceRecords(advertised, ttl),
    { name: SERVICE_ENUMERATION, type: 'PTR', ttl: ttl(OTHER_TTL), data: SERVICE_TYPE },
  ];
}

/** dns-packet's types leave out ANY (255), which it encodes and decodes. */
export const ANY = 'ANY' as unknown as RecordType;

function wants(question: Question, type: RecordType): boolean {
  return question.type === type || question.type === ANY;
}

/** A record as a one-shot resolver gets it (RFC 6762 §6.7): no cache-flush bit, TTL at most 10 s. */
export function legacyRecord(record: Answer): Answer {
  if (record.type === 'OPT') return record;
  return { ...record, flush: false, ttl: Math.min(record.ttl ?? 10, 10) };
}

/** What to answer to a query's questions on the network of `address`; empty when none is about Aula. */
export function answerQuestions(advertised: Advertised, address: string, questions: Question[]): { answers: Answer[]; additionals: Answer[] } {
  const answers: Answer[] = [];
  const additionals: Answer[] = [];
  const add = (list: Answer[], records: Answer[]) => {
    for (const record of records) {
      if (!answers.includes(record) && !list.some((other) => other.name === record.name && other.type === record.type)) list.push(record);
    }
  };
  const [ptr, srv, txt] = serviceRecords(advertised, (normal) => normal) as [Answer, Answer, Answer];
  const host = hostRecord(advertised, address, HOST_TTL);
  const instance = instanceName(advertised).toLowerCase();
  for (const question of questions) {
    const name = question.name.toLowerCase();
    if (name === advertised.hostName.toLowerCase() && wants(question, 'A')) add(answers, [host]);
    else if (name === SERVICE_TYPE && wants(question, 'PTR')) {
      add(answers, [ptr]);
      add(additionals, [srv, txt, host]);
    } else if (name === instance) {
      if (wants(question, 'SRV')) add(answers, [srv]);
      if (wants(question, 'TXT')) add(answers, [txt]);
      add(additionals, [host]);
    } else if (name === SERVICE_ENUMERATION && wants(question, 'PTR')) {
      add(answers, [{ name: SERVICE_ENUMERATION, type: 'PTR', ttl: OTHER_TTL, data: SERVICE_TYPE }]);
    }
  }
  // An additional record already given as an answer is not repeated.
  const answered = new Set(answers.map((record) => `${record.name}/${record.type}`));
  return { answers, additionals: answers.length === 0 ? [] : additionals.filter((record) => !answered.has(`${record.name}/${record.type}`)) };
}
