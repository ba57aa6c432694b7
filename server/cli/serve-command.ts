import type { Command } from 'commander';
import { configFromEnv } from '../config.js';
import { createCollector } from '../index.js';
import { createLogger } from '../logger.js';
import { mdnsInfo } from '../mdns/start-mdns.js';
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
        'Games on this network can reach it at:',
        ...collector.lanUrls.map((url) => `  ${url}`),
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
