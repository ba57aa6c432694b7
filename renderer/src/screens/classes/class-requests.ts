import { apiDelete, apiPost } from '../../api/client';
import type { Changes } from '../../api/types';
import type { ClassSummary } from './types';

const classPath = (classId: string) => `/classes/${encodeURIComponent(classId)}`;

/** The ids of the classes a live batch names (`changes.classes`, present only when classes or members changed). */
export const classesChangedIn = (changes: Changes): string[] => changes.classes ?? [];

/** The server refuses a name another class has, in any case (409 class-exists), with a message for the teacher. */
export function renameClass(classId: string, name: string): Promise<{ class: ClassSummary }> {
  return apiPost<{ class: ClassSummary }>(`${classPath(classId)}/rename`, { name });
}

/** 409 class-in-use when activities link to the class: its message names them. */
export function deleteClass(classId: string): Promise<{ class: ClassSummary }> {
  return apiDelete<{ class: ClassSummary }>(classPath(classId));
}
