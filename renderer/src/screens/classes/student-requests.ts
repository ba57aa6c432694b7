import { ApiError, apiPost, languageHeaders } from '../../api/client';
import { t } from '../../i18n/setup';
import type { ClassRole, ClassStudent, ClassSummary, StudentAccount } from './types';

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
export function joinClass(
  classId: string,
  username: string,
  role: ClassRole,
): Promise<{ class: ClassSummary; students: ClassStudent[]; student?: StudentAccount }> {
  return apiPost<{ class: ClassSummary; students: ClassStudent[]; student?: StudentAccount }>(`/classes/${encodeURIComponent(classId)}/members`, { username, role });
}

/** The refusal to delete an account whose data is still in Aula, with the player whose page erases it. */
export class StudentHasData extends ApiError {
  constructor(
    message: string,
    readonly player: string | null,
  ) {
    super(409, 'student-has-data', message);
  }
}

/** The account for good; its own request, for the refusal's player beside the error shape (StudentHasData). */
export async function deleteStudentAccount(username: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(`/admin/api/students/${encodeURIComponent(username)}`, { method: 'DELETE', headers: languageHeaders() });
  } catch {
    throw new ApiError(0, 'unreachable', t('classes:unreachable'));
  }
  if (response.ok) return;
  const json = (await response.json().catch(() => undefined)) as { error?: { reason?: string; message?: string; player?: string | null } } | undefined;
  const message = json?.error?.message ?? t('classes:answered', { status: response.status });
  if (json?.error?.reason === 'student-has-data') throw new StudentHasData(message, json.error.player ?? null);
  throw new ApiError(response.status, json?.error?.reason ?? 'http-error', message);
}
