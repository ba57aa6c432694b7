import assert from 'node:assert/strict';
import { postJson } from './http.js';

/** A POST to the admin API as the dashboard sends it, asserting it was taken (any 2xx); its JSON answer. */
export async function adminPost(url: string, pathname: string, body: unknown = {}): Promise<Record<string, { id: string }>> {
  const answer = await postJson(`${url}/admin/api${pathname}`, body);
  assert.ok(answer.status < 300, `${pathname}: ${answer.status} ${answer.text}`);
  return answer.json as Record<string, { id: string }>;
}

/** The password classWith gives each student, so a test can log them in. */
export const passwordOf = (username: string): string => `pw-${username}`;

/** A class with these students on its roster (password: passwordOf), made as the teacher does under Classes; its id. */
export async function classWith(url: string, name: string, usernames: string[]): Promise<string> {
  const classId = (await adminPost(url, '/classes', { name })).class?.id ?? '';
  for (const username of usernames) await adminPost(url, `/classes/${classId}/students`, { username, password: passwordOf(username), role: 'student' });
  return classId;
}

/** The headers of a game's start once its student logged in: `Authorization: Bearer <login token>`. */
export async function loggedInHeaders(url: string, username: string): Promise<Record<string, string>> {
  const login = await postJson(`${url}/api/login`, { username, password: passwordOf(username) });
  assert.equal(login.status, 200, `login of ${username}: ${login.text}`);
  return { Authorization: `Bearer ${(login.json as { user: { token: string } }).user.token}` };
}
