import { createHmac, randomBytes } from 'node:crypto';

/**
 * Names of students, and the addresses of their devices, in the log, at levels that keep them or not. The log goes
 * wherever the teacher or IT keeps it (`aula serve 2> aula.log`, a service manager's journal), out of reach of an
 * erasure: at the default level a line says *a* student (a tag that is the same for one student while Aula runs, so IT
 * can still follow "the same account keeps failing") and *a* device (likewise: an IP address of a student's tablet is
 * personal data too), and only debug and trace, chosen to diagnose, name them.
 */
const NAMING_FIELDS = ['username'] as const;

/**
 * The field in which a line names the device a request came from (a login, the teacher key, session starts, a stalled
 * body). The laptop's own addresses are logged under other names (`lanAddress`, `addresses`) and stay as they are.
 */
const DEVICE_FIELDS = ['address'] as const;

/** A new key each run: the tags of two runs cannot be matched, and no tag can be recomputed from a roster afterwards. */
const runKey = randomBytes(32);

const tagOf = (kind: string, value: string) => createHmac('sha256', runKey).update(`${kind}\0${value}`).digest('base64url').slice(0, 8);

export function studentTag(username: string): string {
  return `student-${createHmac('sha256', runKey).update(username.toLowerCase()).digest('base64url').slice(0, 8)}`;
}

/** The tag of a device's address: the same for an IPv4 address whether or not Node wrote it as `::ffff:a.b.c.d`. */
export function deviceTag(address: string): string {
  return `device-${tagOf('device', address.startsWith('::ffff:') ? address.slice(7) : address)}`;
}

/** The log object with each name and device address replaced by its tag (a copy: the caller's object is left as it was). */
export function withoutNames(fields: Record<string, unknown>): Record<string, unknown> {
  const names = NAMING_FIELDS.some((field) => typeof fields[field] === 'string');
  const devices = DEVICE_FIELDS.some((field) => typeof fields[field] === 'string');
  if (!names && !devices) return fields;
  const copy: Record<string, unknown> = { ...fields };
  for (const field of NAMING_FIELDS) {
    const value = copy[field];
    if (typeof value !== 'string') continue;
    delete copy[field];
    copy.student = studentTag(value);
  }
  for (const field of DEVICE_FIELDS) {
    const value = copy[field];
    if (typeof value !== 'string') continue;
    delete copy[field];
    copy.device = deviceTag(value);
  }
  return copy;
}

/** Levels at which students and devices are named: debug (20) and trace (10), pino's numbers. */
export const NAMING_LEVEL = 20;
