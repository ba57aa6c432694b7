import { ApiError, apiPost } from '../../api/client';
import type { Changes } from '../../api/types';
import type { ClassSummary } from './types';

const classPath = (classId: string) => `/classes/${encodeURIComponent(classId)}`;

/** The ids of the classes a live batch names (`changes.classes`, present only when classes or members changed). */
export const classesChangedIn = (changes: Changes): string[] => changes.classes ?? [];

/** The server refuses a name another class has, in any case (409 class-exists), with a message for the teacher. */
export function renameClass(classId: string, name: string): Promise<{ class: ClassSummary }> {
  return apiPost<{ class: ClassSummary }>(`${classPath(classId)}/rename`, { name });
}

/** api/client.ts has no DELETE; this speaks the same error shape (409 class-in-use names the linked activities). */
export async function deleteClass(classId: string): Promise<{ class: ClassSummary }> {
  let response: Response;
  try {
    response = await fetch(`/admin/api${classPath(classId)}`, { method: 'DELETE' });
  } catch {
    throw new ApiError(0, 'unreachable', 'Aula is not answering. Is the collector still running?');
  }
  const json = (await response.json().catch(() => undefined)) as { class?: ClassSummary; error?: { reason?: string; message?: string } } | undefined;
  if (response.ok && json?.class) return { class: json.class };
  throw new ApiError(response.status, json?.error?.reason ?? 'http-error', json?.error?.message ?? `Aula answered ${response.status}.`);
}
