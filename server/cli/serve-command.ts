import type { Command } from 'commander';
import { configFromEnv } from '../config.js';
import { createCollector } from '../index.js';
import { createLogger } from '../logger.js';
import { mdnsInfo } from '../mdns/start-mdns.js';
import { gameUrls } from '../net/lan-addresses.js';
import { defaultDashboardDir } from './dashboard-dir.js';
import { resolveDataDir } from './open-data.js';
import { CliError, printLines } from './output.js';

interface ServeOptions {
  dataDir?: string;
  host?: string;
  port?: string;
  homePage?: string;
  mdnsName?: string;
  mdns?: boolean;
}

export function registerServeCommand(program: Command, withDataDir: (command: Command) => Command): void {
  withDataDir(program.command('serve'))
    .description('run the collector (and the dashboard) until Ctrl+C')
    .option('--host <address>', 'address to listen on (0.0.0.0: every network)', undefined)
    .option('--port <number>', 'port (games were set up for 3000)', undefined)
    .option('--home-page <url>', 'stable IRI for actor.account.homePage and object ids')
    .option('--mdns-name <name>', 'name on the LAN, answered by mDNS as <name>.local (default: aula)')
    .option('--no-mdns', 'do not answer mDNS (games then use the IP address)')
    .action(async (options: ServeOptions) => {
      const env = configFromEnv();
      const port = options.port === undefined ? env.port : Number(options.port);
      if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) {
        throw new CliError(`--port must be a number from 0 to 65535, not "${options.port}"`);
      }
      const config = {
        ...env,
        dataDir: resolveDataDir(options),
        host: options.host ?? env.host ?? '0.0.0.0',
        port: port ?? 3000,
        homePage: options.homePage ?? env.homePage,
        mdnsName: options.mdnsName ?? env.mdnsName,
        mdns: options.mdns === false ? false : env.mdns,
        dashboardDir: defaultDashboardDir(),
      };
      const log = createLogger(config.logLevel ?? 'info');
      let collector: Awaited<ReturnType<typeof createCollector>>;
      try {
        collector = await createCollector(config, { logger: log });
      } catch (error) {
        const code = (error as { code?: string }).code;
        if (code === 'EADDRINUSE') throw new CliError(`Port ${config.port} is already in use. Stop the other program or use --port.`);
        throw error;
      }
      const mdns = mdnsInfo(collector.context);
      printLines(
        `Aula collector is running (data: ${collector.config.dataDir})`,
        '',
        ...gameAddressLines(gameUrls(collector.lanUrls), collector.config.host, collector.port),
        // The name may still become aula-2.local if another device answers for it: the log and Connect screen say so.
        ...(mdns.enabled ? [`  http://${mdns.hostName}:${collector.port}/  (stays the same when the IP address changes)`] : []),
        '',
        `Dashboard: ${collector.url}/`,
        'Press Ctrl+C to stop.',
      );
      let stopping = false;
      const stop = (signal: string) => {
        if (stopping) return;
        stopping = true;
        log.info(`${signal}: finishing the last writes and stopping`);
        collector.close().then(
          () => process.exit(0),
          (error: unknown) => {
            log.error({ err: error }, 'clean stop failed');
            process.exit(1);
          },
        );
      };
      process.on('SIGINT', () => stop('SIGINT'));
      process.on('SIGTERM', () => stop('SIGTERM'));
    });
}

/** What to tell students' games: the network addresses, or why there are none (127.0.0.1 reaches this laptop only). */
function gameAddressLines(urls: string[], host: string, port: number): string[] {
  if (urls.length > 0) return ['Games on this network can reach it at:', ...urls.map((url) => `  ${url}`)];
  const why =
    host === '0.0.0.0' || host === '::'
      ? 'this computer is on no network: connect it to the classroom network, then restart Aula'
      : `it listens on ${host} only: start it with --host 0.0.0.0 to accept games from the classroom network`;
  return [`Games on other computers cannot reach it yet (${why}).`, `A game on this computer can use http://127.0.0.1:${port}/`];
}
