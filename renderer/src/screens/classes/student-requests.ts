import { ApiError, apiPost, languageHeaders } from '../../api/client';
import { t } from '../../i18n/setup';
import type { ClassRole, ClassStudent, ClassSummary } from './types';

const studentPath = (classId: string, studentId: string) => `/classes/${encodeURIComponent(classId)}/students/${encodeURIComponent(studentId)}`;

export function setStudentPassword(classId: string, studentId: string, password: string): Promise<{ student: ClassStudent }> {
  return apiPost<{ student: ClassStudent }>(`${studentPath(classId, studentId)}/password`, { password });
}

/** Its own request, for the answer's classes and students beside the error shape; in the dashboard's language as apiDelete's. */
export async function removeStudent(classId: string, studentId: string): Promise<{ class: ClassSummary; students: ClassStudent[] }> {
  let response: Response;
  try {
    response = await fetch(`/admin/api${studentPath(classId, studentId)}`, { method: 'DELETE', headers: languageHeaders() });
  } catch {
    throw new ApiError(0, 'unreachable', t('classes:unreachable'));
  }
  const json = (await response.json().catch(() => undefined)) as
    | { class?: ClassSummary; students?: ClassStudent[]; error?: { reason?: string; message?: string } }
    | undefined;
  if (response.ok && json?.class && json.students) return { class: json.class, students: json.students };
  throw new ApiError(response.status, json?.error?.reason ?? 'http-error', json?.error?.message ?? t('classes:answered', { status: response.status }));
}

/** An existing account into this class too; the server refuses an unknown username (404) or a member (409). */
export function joinClass(classId: string, username: string, role: ClassRole): Promise<{ class: ClassSummary; students: ClassStudent[] }> {
  return apiPost<{ class: ClassSummary; students: ClassStudent[] }>(`/classes/${encodeURIComponent(classId)}/members`, { username, role });
}
