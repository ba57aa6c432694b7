import type { ImportKind, ImportNote, ImportReport } from '../admin/api-types.js';
import { type Language, type WordingValue, word } from '../i18n/wording.js';
export const IMPORT_KINDS: readonly ImportKind[] = ['classes', 'games', 'versions', 'activities', 'players', 'gameplays', 'sessions', 'statements'];
export type { ImportKind, ImportNote, ImportReport };

const MAX_NOTES = 200;

function zeros(): Record<ImportKind, number> {
  return Object.fromEntries(IMPORT_KINDS.map((kind) => [kind, 0])) as Record<ImportKind, number>;
}

export function emptyReport(bundle: ImportReport['bundle']): ImportReport {
  return { bundle, added: zeros(), alreadyThere: zeros(), conflicts: zeros(), skipped: 0, notes: [], changed: false };
}

/** A note as the import makes it: its message a wording (the English goes into the report, as the CLI prints it). */
export type WordedNote = Omit<ImportNote, 'message'> & { message: WordingValue };

/**
 * Each report's notes as wordings, in the notes' order, so the admin API can word them in the dashboard's language.
 * Kept beside the report, not in it: the report's JSON (the API's, `aula import --json`'s) stays as it was.
 */
const noteWordings = new WeakMap<ImportReport, WordingValue[]>();

export function addNote(report: ImportReport, note: WordedNote): void {
  if (note.type === 'conflict') report.conflicts[note.kind]++;
  if (note.type === 'skipped') report.skipped++;
  if (report.notes.length < MAX_NOTES) {
    report.notes.push({ ...note, message: worded(note.message, 'en') });
    const wordings = noteWordings.get(report) ?? [];
    wordings.push(note.message);
    noteWordings.set(report, wordings);
  }
}

function worded(value: WordingValue, language: Language): string {
  return typeof value === 'object' ? word(value, language) : String(value);
}

/** The notes' wordings, to send along with a report made on the import's thread. */
export function reportNoteWordings(report: ImportReport): WordingValue[] {
  return noteWordings.get(report) ?? [];
}

/** Takes back the wordings of a report that came from the import's thread. */
export function keepNoteWordings(report: ImportReport, wordings: WordingValue[]): void {
  noteWordings.set(report, wordings);
}

/** The report with its notes in `language` (the same report in English). */
export function reportIn(report: ImportReport, language: Language): ImportReport {
  const wordings = noteWordings.get(report);
  if (language === 'en' || !wordings || wordings.length !== report.notes.length) return report;
  return { ...report, notes: report.notes.map((note, index) => ({ ...note, message: worded(wordings[index] ?? note.message, language) })) };
}

/** One line per kind that had anything, for people. */
export function describeReport(report: ImportReport): string[] {
  const lines: string[] = [];
  for (const kind of IMPORT_KINDS) {
    const added = report.added[kind];
    const there = report.alreadyThere[kind];
    const conflicts = report.conflicts[kind];
    if (added + there + conflicts === 0) continue;
    lines.push(`${kind.padEnd(11)} ${String(added).padStart(8)} added ${String(there).padStart(8)} already there${conflicts ? `, ${conflicts} conflicting` : ''}`);
  }
  if (report.skipped) lines.push(`${report.skipped} row(s) skipped.`);
  for (const note of report.notes.filter((n) => n.type !== 'matched').slice(0, 20)) lines.push(`  ${note.type} ${note.kind} ${note.id}: ${note.message}`);
  lines.push(conclusion(report));
  return lines;
}

/** The last line: what the import did, without claiming all was already here when rows conflicted (exit code 2). */
function conclusion(report: ImportReport): string {
  const conflicts = IMPORT_KINDS.reduce((sum, kind) => sum + report.conflicts[kind], 0);
  if (conflicts === 0 && !report.changed && report.skipped > 0) return 'Nothing changed: the rest of this bundle was already here.';
  if (conflicts === 0) return report.changed ? 'The bundle is merged.' : 'Nothing changed: everything in this bundle was already here.';
  const rows = conflicts === 1 ? '1 conflicting row (listed above) kept as it is here' : `${conflicts} conflicting rows (listed above) kept as they are here`;
  return report.changed ? `The bundle is merged, except ${rows}.` : `Nothing was added: ${rows}; the rest was already here.`;
}
