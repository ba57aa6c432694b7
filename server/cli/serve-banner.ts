import { type LanAddress, lanAddressList } from '../net/lan-addresses.js';

export interface BannerFacts {
  /** The URLs for the students' games (no loopback), the classroom's network first (lanAddressList's order). */
  gameUrls: string[];
  host: string;
  port: number;
  /** `aula.local` or the name mDNS answers for; undefined when mDNS is off. */
  mdnsHostName: string | undefined;
  /** The loopback dashboard address, e.g. http://127.0.0.1:3000 */
  dashboardUrl: string;
  dataDir: string;
  /** Whether the dashboard's build (renderer/dist) is there; a source checkout has none until it is built. */
  dashboardBuilt: boolean;
  /** Whether that build is older than the dashboard's sources beside it (a checkout after `git pull`). */
  dashboardStale?: boolean;
  /** Whether this start set the data folder up (a mistyped --data-dir shows at once). */
  newDataFolder?: boolean;
}

/** What `aula serve` prints once it listens: where games and the teacher go, and what to check when games cannot. */
export function serveBanner(facts: BannerFacts, addresses: LanAddress[] = lanAddressList()): string[] {
  const { gameUrls, port } = facts;
  const onNetwork = gameUrls.length > 0;
  return [
    `Aula collector is running (data: ${facts.dataDir})`,
    ...(facts.newDataFolder ? ['  a new data folder, set up now (another one: --data-dir DIR or AULA_DATA_DIR)'] : []),
    '',
    ...(onNetwork
      ? ['Games on this network can reach it at:', ...gameUrls.map((url) => `  ${url}${addressNote(url, addresses)}`)]
      : notReachableLines(facts.host, port)),
    // The name may still become aula-2.local if another device answers for it: the log and Connect screen say so.
    ...(facts.mdnsHostName ? [`  http://${facts.mdnsHostName}:${port}/  (stays the same when the IP address changes)`] : []),
    ...(onNetwork
      ? [`Games cannot connect? Allow incoming TCP port ${port}${facts.mdnsHostName ? ' (and UDP 5353 for the .local name)' : ''} in this computer's firewall.`]
      : []),
    '',
    ...dashboardLines(facts),
    'Press Ctrl+C to stop.',
  ];
}

/** The dashboard's address (scripts and tests read this line), and what a teacher needs with it. */
function dashboardLines({ dashboardUrl, gameUrls, dashboardBuilt, dashboardStale }: BannerFacts): string[] {
  // Its address would answer "Not found": games are collected all the same, but the teacher needs to know why.
  if (!dashboardBuilt) {
    return [
      `Dashboard: ${dashboardUrl}/  (not built in this copy of Aula: it answers "Not found"; games are collected all the same)`,
      '  build it with: npm run build:renderer (npm start does it), then start aula serve again',
    ];
  }
  return [
    // Its screens would not match this collector (a field renamed, a screen added), without a word of why.
    ...(dashboardStale
      ? [
          `Dashboard: ${dashboardUrl}/  (built before its sources last changed, e.g. by a git pull: it may not match this collector)`,
          '  rebuild it with: npm run build:renderer (npm start does it), then reload the dashboard',
        ]
      : [`Dashboard: ${dashboardUrl}/`]),
    // A headless collector's dashboard is opened from another computer; the key page is where that starts.
    ...(gameUrls.length > 0 ? [`  from another computer: ${gameUrls[0]}teacher with the key that aula teacher-key prints`] : []),
  ];
}

/** Why an address is unlikely to be the one for the students, next to it. */
function addressNote(url: string, addresses: LanAddress[]): string {
  const hostname = new URL(url).hostname;
  const lan = addresses.find((candidate) => candidate.address === hostname);
  if (lan?.kind === 'virtual') return `  (${lan.interfaceName}: a virtual network or VPN of this computer, not the classroom's)`;
  if (lan?.kind === 'link-local') return `  (${lan.interfaceName} got no address from the network: check its cable or Wi-Fi)`;
  return '';
}

/** What to tell students' games: why there are no network addresses (127.0.0.1 reaches this laptop only). */
function notReachableLines(host: string, port: number): string[] {
  const why =
    host === '0.0.0.0' || host === '::'
      ? 'this computer is on no network: connect it to the classroom network, then restart Aula'
      : `it listens on ${host} only: start it with --host 0.0.0.0 to accept games from the classroom network`;
  return [`Games on other computers cannot reach it yet (${why}).`, `A game on this computer can use http://127.0.0.1:${port}/`];
}
