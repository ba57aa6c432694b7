import type { Command } from 'commander';
import type { ErasureLogEntry } from '../admin/api-types.js';
import { cutAt, whenCut } from '../admin/read-past-limit.js';
import { readErasures } from '../erasure/erasure-log.js';
import { counted } from './counted.js';
import { type DataDirOption, withDatabase } from './open-data.js';
import { CliError, printJson, printLines } from './output.js';

interface ListOptions extends DataDirOption {
  limit?: string;
  json?: boolean;
}

/** As GET /admin/api/erasures: the 100 most recent unless asked for more, up to 1,000. */
const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 1000;

function limitOf(given: string | undefined): number {
  if (given === undefined) return DEFAULT_LIMIT;
  const limit = Number(given);
  if (!/^\d+$/.test(given) || limit < 1 || limit > MAX_LIMIT) {
    throw new CliError(`--limit must be a whole number from 1 to ${MAX_LIMIT}, not "${given}".`);
  }
  return limit;
}

function where(entry: ErasureLogEntry): string {
  if (entry.scope === 'everywhere') return `a${entry.playerKind === 'anonymous' ? 'n anonymous' : 'n identified'} player, everywhere`;
  const activity = entry.activityName ? `${entry.activityName} (code ${entry.trackingCode})` : 'an activity since deleted';
  if (entry.scope === 'whole-activity') return `every game in ${activity}`;
  return `a${entry.playerKind === 'anonymous' ? 'n anonymous' : 'n identified'} player in ${activity}`;
}

function what(entry: ErasureLogEntry): string {
  const parts = [
    counted(entry.statements, 'statement', 'statements'),
    counted(entry.sessions, 'session', 'sessions'),
    counted(entry.results, 'result', 'results'),
    counted(entry.alerts, 'alert', 'alerts'),
  ];
  // Counted since the log kept them (null before): an older entry says nothing rather than a 0 it cannot vouch for.
  if (entry.refusedRequests) parts.push(counted(entry.refusedRequests, 'refused request', 'refused requests'));
  if (entry.scope === 'whole-activity') {
    if (entry.playersRemoved) parts.push(counted(entry.playersRemoved, 'player record', 'player records'));
  } else if (entry.playersRemoved) {
    parts.push('the player record');
  }
  const uploaded = entry.uploaded > 0 ? ` (${entry.uploaded} of the statements had been uploaded to an LRS)` : '';
  return `${parts.join(', ')}${uploaded}`;
}

/** One line per erasure: when, by whom, where and how many; never who (the log does not know). */
export function erasureLine(entry: ErasureLogEntry): string {
  return `${entry.time}  by ${entry.erasedBy}: ${where(entry)}: ${what(entry)}`;
}

/**
 * `aula erasure list`: the erasure log, as `GET /admin/api/erasures` answers it, for whoever must account for the
 * erasures made (a school's data protection officer): when, by whom, where and how many, the most recent first.
 */
export function registerErasureCommands(program: Command, withDataDir: (command: Command) => Command): void {
  const erasure = program.command('erasure').description('the erasure log');
  withDataDir(erasure.command('list'))
    .description('the erasures made here, the most recent first: when, by whom, where and how many (never who)')
    .option('--limit <n>', `how many, from 1 to ${MAX_LIMIT} (default ${DEFAULT_LIMIT})`)
    .option('--json', 'print one JSON object, as GET /admin/api/erasures')
    .action((options: ListOptions) => {
      const limit = limitOf(options.limit);
      withDatabase(options, (db) => {
        const erasures = cutAt(readErasures(db, limit + 1), limit);
        if (options.json) return printJson({ erasures: erasures.rows, ...whenCut(erasures, 'more') });
        if (erasures.rows.length === 0) return printLines('No erasure was made here.');
        printLines(
          ...erasures.rows.map(erasureLine),
          ...(erasures.cut ? [`Older erasures are not listed: aula erasure list --limit ${MAX_LIMIT} lists up to ${MAX_LIMIT}.`] : []),
        );
      });
    });
}
