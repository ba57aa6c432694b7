import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * IPv6 addresses of this machine's own for a test's devices: added to the loopback interface (`ip -6 addr add … dev lo`,
 * which needs root, as .ci/run has) and removed again by the returned function. Resolves to the reason when they cannot
 * be added, for the test to skip with; an address already there is used and left there.
 */
export async function addLoopbackIpv6(addresses: string[]): Promise<{ remove: () => Promise<void> } | { unavailable: string }> {
  const added: string[] = [];
  const remove = async () => {
    for (const address of added.splice(0)) await run('ip', ['-6', 'addr', 'del', `${address}/64`, 'dev', 'lo']).catch(() => undefined);
  };
  for (const address of addresses) {
    try {
      // nodad: usable at once, without waiting for duplicate address detection.
      await run('ip', ['-6', 'addr', 'add', `${address}/64`, 'dev', 'lo', 'nodad']);
      added.push(address);
    } catch (error) {
      const stderr = String((error as { stderr?: unknown }).stderr ?? '');
      if (stderr.includes('File exists')) continue;
      await remove();
      return { unavailable: `cannot add IPv6 address ${address} to the loopback interface (needs root and IPv6): ${stderr.trim() || String(error)}` };
    }
  }
  return { remove };
}
