import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { type Collector, createCollector } from '../index.js';
import { createLogger, type Logger } from '../logger.js';
import { mdnsInfo } from '../mdns/start-mdns.js';
import { gameUrls, lanAddresses } from '../net/lan-addresses.js';
import { databaseFile, NotADataFolderError } from '../store/open-database.js';
import { dashboardIsStale } from './dashboard-dir.js';
import { missingFolders, removeNewDataFolder } from './open-data.js';
import { CliError, printLines } from './output.js';
import { serveBanner } from './serve-banner.js';
import { type ServeOptions, serveConfig } from './serve-config.js';

export function registerServeCommand(program: Command, withDataDir: (command: Command) => Command): void {
  withDataDir(program.command('serve'))
    .description('run the collector (and the dashboard) until Ctrl+C')
    .option('--host <address>', 'address to listen on (0.0.0.0: every network)', undefined)
    .option('--port <number>', 'port (games were set up for 3000)', undefined)
    .option('--home-page <url>', 'stable IRI for actor.account.homePage and object ids')
    .option('--mdns-name <name>', 'name on the LAN, answered by mDNS as <name>.local (default: aula)')
    .option('--no-mdns', 'do not answer mDNS (games then use the IP address)')
    .addHelpText('after', SERVE_HELP_AFTER)
    .action(async (options: ServeOptions) => {
      const config = serveConfig(options);
      const log = createLogger(config.logLevel ?? 'info');
      // A new folder is set up by the collector; a start that then fails (port taken, wrong --host) leaves none behind.
      const newFolders = fs.existsSync(databaseFile(config.dataDir)) ? null : missingFolders(config.dataDir);
      let collector: Awaited<ReturnType<typeof createCollector>>;
      try {
        collector = await createCollector(config, { logger: log });
      } catch (error) {
        if (newFolders && !(error instanceof NotADataFolderError)) removeNewDataFolder(config.dataDir, newFolders);
        throw listenProblem(error, config.host ?? '0.0.0.0', config.port ?? 3000) ?? error;
      }
      // In the banner, not as a plain line on standard error, which holds the log's JSON lines only.
      if (newFolders) log.info({ dataDir: config.dataDir }, 'set up a new data folder');
      // Before the banner: a service manager (or a test) that stops Aula as soon as it has printed its addresses must
      // get the clean stop, not the default SIGTERM that ends the process at once.
      stopOnSignals(collector, log);
      const mdns = mdnsInfo(collector.context);
      printLines(
        ...serveBanner({
          gameUrls: gameUrls(collector.lanUrls),
          host: collector.config.host,
          port: collector.port,
          mdnsHostName: mdns.enabled ? mdns.hostName : undefined,
          dashboardUrl: collector.url,
          dataDir: collector.config.dataDir,
          dashboardBuilt: fs.existsSync(path.join(config.dashboardDir ?? '', 'index.html')),
          dashboardStale: dashboardIsStale(config.dashboardDir),
          newDataFolder: newFolders !== null,
        }),
      );
    });
}

/** What an administrator setting Aula up as a service needs besides the flags. */
const SERVE_HELP_AFTER = `
Environment variables (a flag given wins over its variable):
  AULA_DATA_DIR    the data folder (--data-dir)
  AULA_HOST, AULA_PORT, AULA_HOME_PAGE, AULA_MDNS_NAME
                   as --host, --port, --home-page, --mdns-name
  AULA_MDNS=0      as --no-mdns (also wins over the dashboard's LAN-name switch)
  AULA_LOG_LEVEL   fatal, error, warn, info (default), debug, trace or silent
  AULA_LOGIN_FAILURES, AULA_LOGIN_FAILURES_PER_ADDRESS, AULA_LOGIN_WINDOW_MINUTES
                   failed student logins before logins wait (10, 50, within 10 minutes)
  AULA_REFUSALS_KEPT_DAYS
                   days refused requests (with the device's address) are kept for
                   Diagnostics (30)
  AULA_XAPI_ATTACHMENTS_MB
                   MiB of attachment data an activity's xAPI statements may hold (256)

Output: the addresses for games and the dashboard on standard output; the log on
standard error (JSON lines, or readable lines in a terminal).
Exit codes: 0 after Ctrl+C or SIGTERM, once every acknowledged statement is stored;
1 when it cannot start (the reason, in one line, on standard error).`;

/** SIGINT (Ctrl+C) and SIGTERM finish the last commits, close the database and exit 0. */
function stopOnSignals(collector: Collector, log: Logger): void {
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
}

/** Why the collector could not listen, in one line with what to do; undefined for any other failure. */
function listenProblem(error: unknown, host: string, port: number): CliError | undefined {
  const code = (error as { code?: string }).code;
  if (code === 'EADDRINUSE') return new CliError(`Port ${port} is already in use. Stop the other program or use --port.`);
  if (code === 'EACCES' && (error as { syscall?: string }).syscall === 'listen') {
    return new CliError(`Port ${port} may not be used by this user (ports below 1024 need administrator rights). Use --port 3000 or another port above 1023.`);
  }
  const ours = ['127.0.0.1', ...lanAddresses()].join(', ');
  if (code === 'EADDRNOTAVAIL') {
    return new CliError(`Aula cannot listen on ${host}: it is not an address of this computer (its addresses: ${ours}). Give --host (or AULA_HOST) one of them, or 0.0.0.0 for every network.`);
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return new CliError(`Aula cannot listen on ${host}: no such address or name is known here (this computer's addresses: ${ours}). Give --host (or AULA_HOST) one of them, or 0.0.0.0 for every network.`);
  }
  return undefined;
}
