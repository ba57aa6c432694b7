import { randomUUID } from 'node:crypto';
import { type Wording, word, wording } from '../i18n/wording.js';

/**
 * The few requests the uploader makes to a central LRS (xapi.md §11.2 rule 3): xAPI 1.0.3 headers, Basic auth,
 * a timeout on every request. Answers are returned, not thrown: the uploader decides what each status means.
 */
export interface LrsTarget {
  /** The xAPI endpoint, e.g. `https://lrs.example.org/xAPI` (no trailing slash needed). */
  endpoint: string;
  username: string;
  password: string;
}

export interface LrsAnswer {
  status: number;
  text: string;
  retryAfter: string | null;
  /** Where a 3xx answer points (redirects are not followed: see `request`). */
  location: string | null;
}

/**
 * When the LRS answered with a redirect, what to tell the researcher: the endpoint to give instead (the address it
 * redirects to, less the resource asked for). A typed `http://` that the LRS moves to `https://` is the usual case.
 */
export function redirectAdvice(endpoint: string, answer: LrsAnswer): string | null {
  const advice = redirectWording(endpoint, answer);
  return advice === null ? null : word(advice);
}

/** The same advice as a wording, for the dashboard's language (the admin API words it). */
export function redirectWording(endpoint: string, answer: LrsAnswer): Wording | null {
  if (answer.status < 300 || answer.status > 399) return null;
  const to = answer.location ? answer.location.replace(/\/(about|statements)(\?.*)?$/, '') : null;
  return to ? wording('upload.redirects', { endpoint, to }) : wording('upload.redirectNoAddress', { endpoint, status: answer.status });
}

/** The data of an attachment sent with statements (a part of a multipart/mixed request, xAPI Communication 1.5.2). */
export interface LrsAttachment {
  sha2: string;
  contentType: string;
  data: Buffer;
}

export const XAPI_VERSION = '1.0.3';
const TIMEOUT_MS = 60_000;

export class LrsClient {
  private readonly base: string;
  private readonly auth: string;

  constructor(target: LrsTarget) {
    this.base = target.endpoint.replace(/\/+$/, '');
    this.auth = `Basic ${Buffer.from(`${target.username}:${target.password}`).toString('base64')}`;
  }

  about(): Promise<LrsAnswer> {
    return this.request('GET', '/about');
  }

  /** With attachment data, multipart/mixed; without, the JSON as application/json, exactly as before attachments. */
  postStatements(body: string, attachments: LrsAttachment[] = []): Promise<LrsAnswer> {
    return this.request('POST', '/statements', body, attachments);
  }

  putStatement(id: string, body: string, attachments: LrsAttachment[] = []): Promise<LrsAnswer> {
    return this.request('PUT', `/statements?statementId=${encodeURIComponent(id)}`, body, attachments);
  }

  getStatement(id: string): Promise<LrsAnswer> {
    return this.request('GET', `/statements?statementId=${encodeURIComponent(id)}&format=exact`);
  }

  /** A statement the LRS holds voided is not found by `statementId` (xAPI 1.0.3 §2.1.3): this asks for it as voided. */
  getVoidedStatement(id: string): Promise<LrsAnswer> {
    return this.request('GET', `/statements?voidedStatementId=${encodeURIComponent(id)}&format=exact`);
  }

  private async request(method: string, path: string, json?: string, attachments: LrsAttachment[] = []): Promise<LrsAnswer> {
    const headers: Record<string, string> = { Authorization: this.auth, 'X-Experience-API-Version': XAPI_VERSION };
    let body: string | Uint8Array | undefined = json;
    if (json !== undefined && attachments.length > 0) {
      const boundary = `aula-${randomUUID()}`;
      headers['Content-Type'] = `multipart/mixed; boundary=${boundary}`;
      body = new Uint8Array(multipartBody(boundary, json, attachments));
    } else if (json !== undefined) headers['Content-Type'] = 'application/json';
    // Not followed: fetch would drop the Authorization header on the way (http → https is another origin) and turn
    // a POST into a GET, so the LRS answered 401 (wrong key and secret, said the upload) or a page of statements.
    const response = await fetch(this.base + path, { method, headers, body, redirect: 'manual', signal: AbortSignal.timeout(TIMEOUT_MS) });
    return {
      status: response.status,
      text: await response.text(),
      retryAfter: response.headers.get('retry-after'),
      location: absoluteLocation(response.headers.get('location'), this.base + path),
    };
  }
}

/** The statements first, then one part per attachment with its sha2 (xAPI Communication 1.5.2). */
function multipartBody(boundary: string, json: string, attachments: LrsAttachment[]): Buffer {
  const chunks: Buffer[] = [Buffer.from(`--${boundary}\r\nContent-Type: application/json\r\n\r\n${json}\r\n`)];
  for (const attachment of attachments) {
    const head = `--${boundary}\r\nContent-Type: ${attachment.contentType}\r\nContent-Transfer-Encoding: binary\r\nX-Experience-API-Hash: ${attachment.sha2}\r\n\r\n`;
    chunks.push(Buffer.from(head, 'latin1'), attachment.data, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(chunks);
}

/** A Location header may be relative to the address asked for. */
function absoluteLocation(location: string | null, requested: string): string | null {
  if (!location) return null;
  try {
    return new URL(location, requested).href;
  } catch {
    return location;
  }
}
