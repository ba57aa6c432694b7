import type { Command } from 'commander';
import { lanAddresses } from '../net/lan-addresses.js';
import {
  type Activity,
  ActivityHasDataError,
  createActivity,
  deleteUnplayedActivity,
  findActivityByCode,
  listActivities,
  setActivityOpen,
  updateActivity,
  wasPlayed,
} from '../store/activities-repo.js';
import { automaticBackup } from '../store/backups.js';
import { liveCollector } from '../store/collector-lock.js';
import type { Db } from '../store/open-database.js';
import { prepared } from '../store/prepared.js';
import { getSetting } from '../store/settings-repo.js';
import { unknownTrackingCode } from '../store/unknown-tracking-code.js';
import {
  activeXapiCredential,
  regenerateXapiCredential,
  revokeXapiCredentials,
} from '../store/xapi-credentials-repo.js';
import { registerActivityErase } from './activity-erase-command.js';
import { refuseBothForms } from './both-forms.js';
import { closeDatabase, type DataDirOption, openData, withDatabase } from './open-data.js';
import { CliError, printJson, printLines } from './output.js';
import { defaultServePort, type ServePort, xapiAddressLines } from './xapi-address-lines.js';

interface CreateOptions extends DataDirOption {
  name: string;
  game?: string;
  anonymous: boolean;
  closed?: boolean;
  class?: string;
  json?: boolean;
}

interface EditOptions extends DataDirOption {
  name?: string;
  /** A class name, or false for --no-class; undefined when neither was given. */
  class?: string | false;
  anonymous?: boolean;
  json?: boolean;
}

function describe(activity: Activity): string[] {
  return [
    `${activity.name}  (game: ${activity.game}${activity.className ? `, class: ${activity.className}` : ''})`,
    `  tracking code:     ${activity.trackingCode}`,
    `  anonymous players: ${activity.allowAnonymous ? 'allowed' : 'not allowed'}`,
    `  state:             ${activity.open ? 'open' : 'closed'}`,
    ...lessonLine(activity),
    `  sessions: ${activity.sessions}, players: ${activity.players}, statements: ${activity.statements}`,
  ];
}

/**
 * Closing ends a lesson and opening starts the next: the last opening, as --since/--until take it, is where a
 * researcher cuts this morning's statements from this afternoon's (games playing at the close keep sending after it).
 */
function lessonLine(activity: Activity): string[] {
  if (!activity.closed || !activity.opened) return [];
  const reopened = Date.parse(activity.opened) > Date.parse(activity.closed);
  const times = reopened
    ? `closed ${activity.closed}, opened again ${activity.opened}`
    : `opened ${activity.opened}, closed ${activity.closed}`;
  return [`  lessons:           ${times} (aula export --until/--since ${activity.opened} cuts before/since that opening)`];
}

function findClassId(db: Db, name: string): string {
  const row = prepared<[string], { id: string }>(db, 'SELECT id FROM classes WHERE name = ?').get(name);
  if (!row) throw new CliError(`No class named "${name}". Create it first: aula class create --name "${name}"`);
  return row.id;
}

function requireActivity(db: Db, code: string): Activity {
  const activity = findActivityByCode(db, code);
  if (!activity) throw new CliError(`${unknownTrackingCode(db, code)}. See: aula activity list`);
  return activity;
}

/** The activity's xAPI endpoint and Basic credentials (null once revoked), for `show` and the xAPI commands. */
function xapiCredentials(db: Db, activity: Activity): { endpoint: string; key: string; secret: string } | null {
  const credential = activeXapiCredential(db, activity.id);
  if (!credential) return null;
  const homePage = getSetting(db, 'home_page') ?? 'http://aula.local:3000/';
  return { endpoint: new URL('/xapi/', homePage).href, key: credential.key, secret: credential.secret };
}

/** The port games reach Aula on: the running collector's (aula serve, the desktop app) if one runs on this folder. */
function servePortOf(db: Db): ServePort | null {
  const running = liveCollector(db);
  const port = running ? Number(new URL(running.url).port) : Number.NaN;
  return Number.isInteger(port) && port > 0 ? { value: port, fromEnv: false, running: true } : defaultServePort();
}

function describeXapi(xapi: { endpoint: string; key: string; secret: string } | null, port: ServePort | null): string[] {
  if (!xapi) return ['  xAPI:              revoked (new credentials: aula activity xapi-regenerate CODE)'];
  // The JSON's endpoint (a contract) stays the home page's; the text also says what to use when that is not Aula's address.
  return [
    `  xAPI endpoint:     ${xapi.endpoint}`,
    ...xapiAddressLines(xapi.endpoint, lanAddresses(), port),
    `  xAPI key:          ${xapi.key}`,
    `  xAPI secret:       ${xapi.secret}`,
  ];
}

export function registerActivityCommands(program: Command, withDataDir: (command: Command) => Command): void {
  const activity = program.command('activity').description('create, list, show, edit, open, close, erase and delete activities (tracking codes)');

  withDataDir(activity.command('create'))
    .description('create an activity and print its tracking code')
    .requiredOption('--name <name>', 'activity name, e.g. "Maths 3B - Tuesday"')
    .option('--game <title>', 'title of the game played (default: the activity name)')
    .option('--no-anonymous', 'refuse anonymous players (only logged-in students of the class)')
    .option('--closed', 'create it closed; open it later with "aula activity open CODE"')
    .option('--class <name>', 'class whose students may join')
    .option('--json', 'print one JSON object')
    .action((options: CreateOptions) => {
      const name = options.name.trim();
      if (name === '') throw new CliError('--name must not be empty');
      const created = withDatabase(
        options,
        (db) =>
          createActivity(db, {
            name,
            game: options.game,
            classId: options.class ? findClassId(db, options.class) : null,
            allowAnonymous: options.anonymous,
            open: !options.closed,
          }),
        'set-up',
      );
      if (options.json) printJson(created);
      else printLines(`Created activity ${created.name}`, ...describe(created).slice(1));
    });

  // Both --x and --no-x are declared, so Commander leaves an option undefined when neither is given: "unchanged".
  // Given both, the command is refused rather than the last one winning.
  refuseBothForms(withDataDir(activity.command('edit')), 'class', 'anonymous')
    .argument('<code>', 'tracking code')
    .description('rename an activity, give it another class or none, or let anonymous players in or not')
    .option('--name <name>', 'new activity name')
    .option('--class <name>', 'class whose students may join')
    .option('--no-class', 'no class: anyone may join (anonymous players as allowed)')
    .option('--anonymous', 'let anonymous players join')
    .option('--no-anonymous', 'refuse anonymous players (only logged-in students of the class)')
    .option('--json', 'print the activity as JSON')
    .action((code: string, options: EditOptions) => {
      const name = options.name?.trim();
      if (name === '') throw new CliError('--name must not be empty');
      if (name === undefined && options.class === undefined && options.anonymous === undefined) {
        throw new CliError('Say what to change: --name, --class NAME, --no-class, --anonymous or --no-anonymous');
      }
      const changed = withDatabase(options, (db) => {
        const found = requireActivity(db, code);
        const classId = options.class === undefined ? undefined : options.class === false ? null : findClassId(db, options.class);
        return db.transaction(() => updateActivity(db, found.id, { name, classId, allowAnonymous: options.anonymous })).immediate() as Activity;
      });
      if (options.json) printJson(changed);
      else printLines(`Changed activity ${changed.name}`, ...describe(changed).slice(1));
    });

  withDataDir(activity.command('delete'))
    .argument('<code>', 'tracking code')
    .description('delete an activity no game has played (created by mistake or to try Aula out); one with data is refused')
    .option('--yes', 'really delete (without it, only shows what would happen)')
    .option('--json', 'print the result as JSON')
    .action((code: string, options: DataDirOption & { yes?: boolean; json?: boolean }) => {
      withDatabase(options, (db) => {
        const found = requireActivity(db, code);
        const refuse = (error: ActivityHasDataError): never => {
          if (options.json) printJson({ deleted: false, activity: found });
          // A sentence of its own: appended to the message's last words it read "then delete it: aula activity close …".
          throw new CliError(`${error.message}. To close it: aula activity close ${found.trackingCode}`);
        };
        if (!options.yes) {
          // Only the preview checks here; with --yes the delete's own transaction does.
          if (wasPlayed(db, found.id)) refuse(new ActivityHasDataError(found));
          if (options.json) printJson({ deleted: false, activity: found });
          else printLines(`Would delete activity ${found.name} (${found.trackingCode}): no game has played it.`);
          throw new CliError('Nothing deleted. Run again with --yes to delete the activity.');
        }
        let deleted: Activity | undefined;
        try {
          // One transaction: the check and the delete see the same rows, even while `aula serve` writes.
          deleted = db.transaction(() => deleteUnplayedActivity(db, found.id)).immediate();
        } catch (error) {
          if (error instanceof ActivityHasDataError) refuse(error);
          throw error;
        }
        if (!deleted) throw new CliError(`No activity with tracking code "${code}" (any more). See: aula activity list`);
        if (options.json) return printJson({ deleted: true, activity: deleted });
        printLines(`Deleted activity ${deleted.name}; its tracking code ${deleted.trackingCode} no longer works.`);
      });
    });

  registerActivityErase(activity, withDataDir);

  withDataDir(activity.command('list'))
    .description('list activities with their tracking codes and counts')
    .option('--json', 'print one JSON array')
    .action((options: DataDirOption & { json?: boolean }) => {
      const activities = withDatabase(options, listActivities);
      if (options.json) return printJson(activities);
      if (activities.length === 0) return printLines('No activities yet. Create one: aula activity create --name "My class"');
      printLines(...activities.flatMap((item) => [...describe(item), '']));
    });

  withDataDir(activity.command('show'))
    .argument('<code>', 'tracking code')
    .description('show one activity')
    .option('--json', 'print one JSON object')
    .action((code: string, options: DataDirOption & { json?: boolean }) => {
      const { found, xapi, port } = withDatabase(options, (db) => {
        const activity = requireActivity(db, code);
        return { found: activity, xapi: xapiCredentials(db, activity), port: servePortOf(db) };
      });
      if (options.json) return printJson({ ...found, xapi });
      printLines(...describe(found), ...describeXapi(xapi, port));
    });

  withDataDir(activity.command('xapi-revoke'))
    .argument('<code>', 'tracking code')
    .description('revoke the xAPI key and secret of an activity (xAPI clients using them get 401)')
    .option('--json', 'print one JSON object')
    .action((code: string, options: DataDirOption & { json?: boolean }) => {
      const revoked = withDatabase(options, (db) => revokeXapiCredentials(db, requireActivity(db, code).id));
      if (options.json) return printJson({ revoked });
      printLines(revoked > 0 ? 'xAPI credentials revoked.' : 'This activity had no valid xAPI credentials.');
    });

  withDataDir(activity.command('xapi-regenerate'))
    .argument('<code>', 'tracking code')
    .description('revoke the xAPI credentials of an activity and issue a new key and secret')
    .option('--json', 'print one JSON object')
    .action((code: string, options: DataDirOption & { json?: boolean }) => {
      const { xapi, port } = withDatabase(options, (db) => {
        const found = requireActivity(db, code);
        db.transaction(() => regenerateXapiCredential(db, found.id, found.name)).immediate();
        return { xapi: xapiCredentials(db, found), port: servePortOf(db) };
      });
      if (options.json) return printJson({ xapi });
      printLines(...describeXapi(xapi, port));
    });

  for (const [verb, open] of [
    ['open', true],
    ['close', false],
  ] as const) {
    withDataDir(activity.command(verb))
      .argument('<code>', 'tracking code')
      .description(open ? 'accept new game sessions again' : 'refuse new game sessions (running ones keep sending)')
      .option('--json', 'print the activity as JSON')
      .action((code: string, options: DataDirOption & { json?: boolean }) => {
        const opened = openData(options);
        const { db } = opened;
        try {
          const before = requireActivity(db, code);
          if (before.open === open) {
            // Said as it is, and no backup: a second close made another copy each time, rotating real ones away.
            if (options.json) printJson(before);
            else printLines(`Activity ${before.name} (${before.trackingCode}) is already ${open ? 'open' : 'closed'}.`);
            return;
          }
          const changed = setActivityOpen(db, code, open) as Activity;
          // The end of a class is the moment its data must not be lost: keep a copy (issue 9).
          const backup = open ? null : automaticBackup(db, opened.dataDir, `closed-${code}`);
          if (options.json) printJson(changed);
          else printLines(`Activity ${changed.name} (${changed.trackingCode}) is now ${open ? 'open' : 'closed'}.`);
          if (backup && !options.json) printLines(`Backup kept: ${backup}`);
        } finally {
          closeDatabase(db);
        }
      });
  }
}
