import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * "Another computer on the classroom network": a network namespace joined to this machine by a veth pair, with its
 * own address (and its own port 5353). Needs root (CAP_NET_ADMIN); undefined where namespaces cannot be made.
 */
export interface OtherHost {
  namespace: string;
  /** This machine's address on the pair: where the other host reaches the collector. */
  hostSide: string;
  /** The other host's own address. */
  otherSide: string;
}

export async function createOtherHost(options: { name: string; seed: number; multicast?: boolean }): Promise<OtherHost | undefined> {
  const id = (process.pid + options.seed) % 100_000;
  // Distinct subnets per test file (seed) and per process, so files running side by side do not collide.
  const subnet = `10.${100 + ((options.seed * 50 + id) % 150)}.${id % 250}`;
  const namespace = `aula-${options.name}-${id}`;
  const [hostLink, otherLink] = [`a${options.name.slice(0, 3)}h${id}`, `a${options.name.slice(0, 3)}n${id}`];
  const steps = [
    ['netns', 'add', namespace],
    ['link', 'add', hostLink, 'type', 'veth', 'peer', 'name', otherLink],
    ['link', 'set', otherLink, 'netns', namespace],
    ['addr', 'add', `${subnet}.1/24`, 'dev', hostLink],
    ['link', 'set', hostLink, 'up'],
    ['-n', namespace, 'addr', 'add', `${subnet}.2/24`, 'dev', otherLink],
    ['-n', namespace, 'link', 'set', otherLink, 'up'],
    ['-n', namespace, 'link', 'set', 'lo', 'up'],
    // The namespace has no default route: multicast needs one to leave.
    ...(options.multicast ? [['-n', namespace, 'route', 'add', '224.0.0.0/4', 'dev', otherLink]] : []),
  ];
  try {
    for (const step of steps) await run('ip', step);
    return { namespace, hostSide: `${subnet}.1`, otherSide: `${subnet}.2` };
  } catch {
    await run('ip', ['netns', 'del', namespace]).catch(() => undefined);
    await run('ip', ['link', 'del', hostLink]).catch(() => undefined);
    return undefined;
  }
}

/** Deleting the namespace deletes its end of the veth pair, and with it ours. */
export async function removeOtherHost(other: OtherHost): Promise<void> {
  await run('ip', ['netns', 'del', other.namespace]).catch(() => undefined);
}
