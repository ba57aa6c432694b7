export const IMPORT_KINDS = ['classes', 'games', 'versions', 'activities', 'players', 'gameplays', 'sessions', 'statements'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export interface ImportNote {
  kind: ImportKind;
  /** The id in the bundle. */
  id: string;
  /**
   * conflict: a different record under the same key, not overwritten; code-changed: a tracking code taken here got a
   * new one; renumbered: a session number taken here by another attempt; matched: merged with a local record found by
   * name or playerId; skipped: a row that could not be stored; rules: an activity's rules taken from the bundle, or
   * kept as they are here although the bundle's differ.
   */
  type: 'conflict' | 'code-changed' | 'renumbered' | 'matched' | 'skipped' | 'rules';
  message: string;
}

/** What an import did, for the CLI's summary and the dashboard. */
export interface ImportReport {
  bundle: { format: string; appVersion: string; schemaVersion: number; created: string; pseudonymized: boolean; filters: Record<string, unknown> };
  /** New here. */
  added: Record<ImportKind, number>;
  /** Already here (same id and content, or matched by name/playerId): nothing written. */
  alreadyThere: Record<ImportKind, number>;
  /** Same id, different content: kept as it is here and reported. */
  conflicts: Record<ImportKind, number>;
  skipped: number;
  /** At most MAX_NOTES, conflicts first; the counts above are complete. */
  notes: ImportNote[];
  /** Whether the import wrote anything. */
  changed: boolean;
}

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
  lines.push(report.changed ? 'The bundle is merged.' : 'Nothing changed: everything in this bundle was already here.');
  return lines;
}
