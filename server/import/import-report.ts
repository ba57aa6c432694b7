import type { ImportKind, ImportNote, ImportReport } from '../admin/api-types.js';
export const IMPORT_KINDS: readonly ImportKind[] = ['classes', 'games', 'versions', 'activities', 'players', 'gameplays', 'sessions', 'statements'];
export type { ImportKind, ImportNote, ImportReport };

const MAX_NOTES = 200;

function zeros(): Record<ImportKind, number> {
  return Object.fromEntries(IMPORT_KINDS.map((kind) => [kind, 0])) as Record<ImportKind, number>;
}

export function emptyReport(bundle: ImportReport['bundle']): ImportReport {
  return { bundle, added: zeros(), alreadyThere: zeros(), conflicts: zeros(), skipped: 0, notes: [], changed: false };
}

export function addNote(report: ImportReport, note: ImportNote): void {
  if (note.type === 'conflict') report.conflicts[note.kind]++;
  if (note.type === 'skipped') report.skipped++;
  if (report.notes.length < MAX_NOTES) report.notes.push(note);
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
