import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';

/**
 * The per-user app-data folder, the same one Electron's `app.getPath('userData')` gives the desktop app (product
 * name "Aula"), so the CLI, `aula serve` and the desktop app share one database.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.AULA_DATA_DIR) return env.AULA_DATA_DIR;
  const home = os.homedir();
  if (platform === 'win32') return path.join(absoluteOr(env.APPDATA, path.join(home, 'AppData', 'Roaming')), 'Aula');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Aula');
  return path.join(absoluteOr(env.XDG_CONFIG_HOME, path.join(home, '.config')), 'Aula');
}

/**
 * The variable's folder when it names one absolutely; otherwise the default. The XDG spec says an empty or relative
 * XDG_CONFIG_HOME is ignored, and taking it would put the database in whatever folder the command ran from.
 */
function absoluteOr(value: string | undefined, fallback: string): string {
  return value && path.isAbsolute(value) ? value : fallback;
}

/** A whole number of MiB in bytes; NaN (refused by the schema, quoting the value) for anything else. */
function mebibytes(text: string): number {
  return /^\d+$/.test(text.trim()) ? Number(text.trim()) * 1024 * 1024 : Number.NaN;
}

/** pino's levels, most to least severe, and silent: what AULA_LOG_LEVEL takes. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export const configSchema = z.object({
  dataDir: z.string().min(1),
  host: z.string().min(1).default('0.0.0.0'),
  port: z.number().int().min(0).max(65535).default(3000),
  /** `actor.account.homePage` and the base of `objectId` (C-5.10). Unset: a stable default kept in the database. */
  homePage: z.url({ protocol: /^https?$/ }).optional(),
  /** Contract C-6.2: at least 5 MB; js-tracker sends everything queued while offline in one request. */
  bodyLimitBytes: z.number().int().positive().default(8 * 1024 * 1024),
  /**
   * Attachment data (xAPI multipart/mixed requests) the statements of one activity may refer to in all; above it, 413.
   * Each request is within bodyLimitBytes and the in-flight budget already; this keeps a game that sends a picture
   * with every statement, or a key that leaked, from filling the laptop's disk.
   */
  xapiAttachmentBytesPerActivity: z.number().int().nonnegative().default(256 * 1024 * 1024),
  /** Optional cap on the database size, in pages of 4 KiB (SQLite's max_page_count); unset = the disk's size. */
  maxDatabasePages: z.number().int().positive().optional(),
  /**
   * Bytes of track bodies held at once (reading, parsing, waiting for commit); above it: 503 + Retry-After. About
   * 5,000 statements, a fraction of a second of work: an admitted request is answered well within a second even
   * in a reconnect storm (issue 8; 16 MiB made the storm's p99 2-3 s). Regular batches also get half as much again.
   */
  inflightBodyBytes: z.number().int().positive().default(2 * 1024 * 1024),
  /**
   * The start-up quick_check reads the whole database. Up to this size it runs before the collector listens (tens of
   * milliseconds at most); a larger database is checked on a thread of its own, so games are stored meanwhile.
   */
  checkInThreadAboveBytes: z.number().int().nonnegative().default(64 * 1024 * 1024),
  /** Statements accepted but not yet committed above which track answers 503 + Retry-After (backpressure). */
  ingestQueueLimit: z.number().int().positive().default(20_000),
  /** Arrays and objects nested deeper than this in a request body → 400 (issue 9; a statement needs about 8). */
  jsonDepthLimit: z.number().int().min(8).default(64),
  /** Session starts per client address and minute → 429 above it. A whole class behind one NAT address stays far below. */
  startsPerMinutePerAddress: z.number().int().positive().default(600),
  /** Open connections in total, and per client address (a classroom behind NAT counts as one address). */
  maxConnections: z.number().int().positive().default(2000),
  maxConnectionsPerAddress: z.number().int().positive().default(1000),
  /** Slow clients: whole header block, then whole request, must arrive within these (Node answers 408 and closes). */
  headersTimeoutMs: z.number().int().positive().default(15_000),
  requestTimeoutMs: z.number().int().positive().default(120_000),
  /**
   * A large body (a game's backlog) from which nothing has arrived for this long is given up (408): its game lost the
   * network mid-upload, and it would otherwise hold its share of the in-flight budget until the request timeout.
   */
  bodyStallTimeoutMs: z.number().int().positive().default(30_000),
  /** Failed logins for one student within the window after which that student's logins wait (429 + Retry-After). */
  loginFailuresPerUsername: z.number().int().positive().default(10),
  /** The same from one client address: higher, because a class behind NAT shares one. */
  loginFailuresPerAddress: z.number().int().positive().default(50),
  /** How long a failed login counts, in minutes (a sliding window). */
  loginFailureWindowMinutes: z.number().positive().max(24 * 60).default(10),
  /**
   * Days a refused request (the device's address and a sample of what it sent) is kept for the Diagnostics screen;
   * older ones are removed (diagnostics/refusal-retention.ts). Personal data kept no longer than it helps.
   */
  refusalsKeptDays: z.number().positive().max(3650).default(30),
  logLevel: z.enum(LOG_LEVELS).default('info'),
  /** The built dashboard (renderer/dist); served at `/` when it exists. */
  dashboardDir: z.string().optional(),
  /** Answer mDNS for `<mdnsName>.local` and advertise the collector (issue 11); only when listening on the LAN. */
  mdns: z.boolean().default(true),
  /** Host name on the LAN, without or with `.local`; on a conflict Aula takes `<name>-2.local`. */
  mdnsName: z
    .string()
    .default('aula')
    .refine((name) => /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.local\.?)?$/i.test(name.trim()), 'must be a host name like "aula"'),
});

export type ConfigInput = z.input<typeof configSchema>;
export type Config = z.output<typeof configSchema>;

export function parseConfig(input: ConfigInput): Config {
  const parsed = configSchema.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'config'}: ${issue.message}`);
    throw new Error(`Invalid configuration: ${problems.join('; ')}`);
  }
  return parsed.data;
}

/** Environment variables a headless deployment can use instead of flags. */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): Partial<ConfigInput> {
  const fromEnv: Partial<ConfigInput> = {};
  if (env.AULA_HOST) fromEnv.host = env.AULA_HOST;
  if (env.AULA_PORT) fromEnv.port = Number(env.AULA_PORT);
  if (env.AULA_HOME_PAGE) fromEnv.homePage = env.AULA_HOME_PAGE;
  if (env.AULA_LOG_LEVEL) fromEnv.logLevel = env.AULA_LOG_LEVEL.trim().toLowerCase() as Config['logLevel'];
  if (env.AULA_MDNS_NAME) fromEnv.mdnsName = env.AULA_MDNS_NAME;
  if (env.AULA_LOGIN_FAILURES) fromEnv.loginFailuresPerUsername = Number(env.AULA_LOGIN_FAILURES);
  if (env.AULA_LOGIN_FAILURES_PER_ADDRESS) fromEnv.loginFailuresPerAddress = Number(env.AULA_LOGIN_FAILURES_PER_ADDRESS);
  if (env.AULA_LOGIN_WINDOW_MINUTES) fromEnv.loginFailureWindowMinutes = Number(env.AULA_LOGIN_WINDOW_MINUTES);
  if (env.AULA_REFUSALS_KEPT_DAYS) fromEnv.refusalsKeptDays = Number(env.AULA_REFUSALS_KEPT_DAYS);
  if (env.AULA_XAPI_ATTACHMENTS_MB) fromEnv.xapiAttachmentBytesPerActivity = mebibytes(env.AULA_XAPI_ATTACHMENTS_MB);
  // 0 and false as documented; off and no as people write them (any case), rather than silently staying on.
  if (['0', 'false', 'off', 'no'].includes(env.AULA_MDNS?.trim().toLowerCase() ?? '')) fromEnv.mdns = false;
  return fromEnv;
}
