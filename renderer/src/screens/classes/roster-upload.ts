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

/**
 * The file goes as it is, as text/csv: the server parses it with the same rules as `aula student import`
 * (api/client.ts speaks JSON only, and its errors carry no per-line problems).
 */
export async function uploadRoster(classId: string, file: File): Promise<{ imported: number; students: ClassStudent[] }> {
  let response: Response;
  try {
    response = await fetch(`/admin/api/classes/${encodeURIComponent(classId)}/students/import`, {
      method: 'POST',
      headers: languageHeaders({ 'Content-Type': 'text/csv' }),
      body: await file.text(),
    });
  } catch {
    throw new Error(t('classes:unreachable'));
  }
  const json = (await response.json().catch(() => undefined)) as
    | { imported?: number; students?: ClassStudent[]; error?: { message?: string; problems?: RosterProblem[] } }
    | undefined;
  if (response.ok && json?.imported !== undefined) return { imported: json.imported, students: json.students ?? [] };
  const message = json?.error?.message ?? t('classes:answered', { status: response.status });
  throw new RosterRefused(message, json?.error?.problems ?? []);
}
