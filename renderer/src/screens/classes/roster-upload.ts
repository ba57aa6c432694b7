import { languageHeaders } from '../../api/client';
import { t } from '../../i18n/setup';
import type { ClassStudent, RosterProblem } from './types';

/** A refused roster: nothing was imported, and the server says what to fix on which line. */
export class RosterRefused extends Error {
  constructor(
    message: string,
    readonly problems: RosterProblem[],
  ) {
    super(message);
  }
}

/** How the server read the file's bytes: UTF-8, or Windows-1252 when they were not UTF-8 (Excel's CSV on Windows). */
export type RosterEncoding = 'utf-8' | 'windows-1252';

/**
 * The file's bytes go as they are, as text/csv: the server reads them as `aula student import` does (UTF-8, or
 * Windows-1252 when they are not UTF-8) and parses them with the same rules. `file.text()` would have read them as
 * UTF-8 here, turning a Spanish Excel file's ñ into U+FFFD before the server could see it.
 * (api/client.ts speaks JSON only, and its errors carry no per-line problems.)
 */
export async function uploadRoster(classId: string, file: File): Promise<{ imported: number; encoding: RosterEncoding; students: ClassStudent[] }> {
  let response: Response;
  try {
    response = await fetch(`/admin/api/classes/${encodeURIComponent(classId)}/students/import`, {
      method: 'POST',
      headers: languageHeaders({ 'Content-Type': 'text/csv' }),
      body: await file.arrayBuffer(),
    });
  } catch {
    throw new Error(t('classes:unreachable'));
  }
  const json = (await response.json().catch(() => undefined)) as
    | { imported?: number; encoding?: RosterEncoding; students?: ClassStudent[]; error?: { message?: string; problems?: RosterProblem[] } }
    | undefined;
  if (response.ok && json?.imported !== undefined) return { imported: json.imported, encoding: json.encoding ?? 'utf-8', students: json.students ?? [] };
  const message = json?.error?.message ?? t('classes:answered', { status: response.status });
  throw new RosterRefused(message, json?.error?.problems ?? []);
}
