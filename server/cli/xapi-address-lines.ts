import { configFromEnv } from '../config.js';

/** The port `aula serve` takes when started from this environment without --port; null when AULA_PORT names none. */
export interface ServePort {
  value: number;
  fromEnv: boolean;
  /** The port of the collector running on this data folder now (its lock held), not a guess. */
  running?: boolean;
}

export function defaultServePort(env: NodeJS.ProcessEnv = process.env): ServePort | null {
  const port = configFromEnv(env).port;
  if (port === undefined) return { value: 3000, fromEnv: false };
  // 0 (any free port) or not a port: aula serve's own output is the only place that says where it listens.
  return Number.isInteger(port) && port > 0 && port <= 65535 ? { value: port, fromEnv: true } : null;
}

/**
 * What `aula activity show` adds under the xAPI endpoint. That endpoint is built from the stored home page, an IRI
 * that need not be where the collector answers (another port, `--home-page`, aula.local with mDNS off), and this
 * command does not run the collector. What it does know: this computer's network addresses now, and the port of the
 * collector running on this data folder, or else the port `aula serve` takes unless told otherwise (and says so).
 */
export function xapiAddressLines(endpoint: string, addresses: readonly string[], port: ServePort | null): string[] {
  const others = port ? addresses.map((address) => `http://${address}:${port.value}/xapi/`).filter((url) => url !== endpoint) : [];
  if (!port || others.length === 0) {
    return ["  If games cannot reach that endpoint, use the address aula serve prints when it starts, with /xapi/ (the dashboard's Connect screen shows it)."];
  }
  const where = port.fromEnv ? `port ${port.value} from AULA_PORT` : `port ${port.value}`;
  return [
    port.running
      ? `  If games cannot reach that endpoint, use this computer's address (port ${port.value}, where Aula runs now on this data folder):`
      : `  If games cannot reach that endpoint, use this computer's address (${where}; if aula serve was started with another --port, that port):`,
    ...others.map((url) => `                     ${url}`),
  ];
}
