/** Small fetch wrappers that keep the raw text: several contract rules are about bytes, not parsed JSON. */
export interface TextResponse {
  status: number;
  headers: Headers;
  text: string;
  json: unknown;
}

export async function request(url: string, init: RequestInit = {}): Promise<TextResponse> {
  const response = await fetch(url, init);
  const text = await response.text();
  let json: unknown;
  try {
    json = text === '' ? undefined : JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

export function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<TextResponse> {
  return request(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** The admin API as the dashboard calls it: a GET without a body, a JSON POST with one (or another method: PUT rules). */
export function adminApi(base: string, pathname: string, body?: unknown, method = 'POST'): Promise<TextResponse> {
  const url = `${base}/admin/api${pathname}`;
  if (body === undefined) return request(url);
  return request(url, { method, headers: { 'Content-Type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });
}
