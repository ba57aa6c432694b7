import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from '../http/send.js';

export type XapiVersion = '1.0' | '2.0';

/** The latest patch of each version Aula speaks; 1.0.3 is the primary one (xapi.md X-1). */
export const ANSWER_VERSION: Record<XapiVersion, string> = { '1.0': '1.0.3', '2.0': '2.0.0' };
export const SUPPORTED_VERSIONS = [ANSWER_VERSION['1.0'], ANSWER_VERSION['2.0']];

const CORS: Record<string, string> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, HEAD, POST, PUT, OPTIONS',
  'Access-Control-Allow-Headers':
    'Origin, X-Requested-With, Content-Type, Accept, Authorization, X-Experience-API-Version, If-Match, If-None-Match',
  'Access-Control-Expose-Headers': 'X-Experience-API-Version, X-Experience-API-Consistent-Through, Last-Modified, ETag',
};

export function applyXapiCors(res: ServerResponse): void {
  for (const [name, value] of Object.entries(CORS)) res.setHeader(name, value);
}

/** The methods of the statement resource (405's `Allow`, as HTTP wants it). */
export const STATEMENT_METHODS = 'GET, HEAD, POST, PUT, OPTIONS';

/**
 * What a preflight adds to the CORS headers. The browser keeps the answer for `Access-Control-Max-Age` (Chromium
 * at most 2 hours): without it, it keeps it 5 seconds, and a browser game that posts every few seconds sent a
 * preflight before each of its posts, twice the requests on the classroom's Wi-Fi. Headers the request asks for
 * beyond the usual ones (a client's own, such as `Cache-Control`) are allowed too: answers go to any origin and carry
 * no cookies, so they unlock nothing, and refusing one made the browser drop every request of that client.
 */
export function preflightHeaders(req: IncomingMessage): Record<string, string> {
  const asked = (req.headers['access-control-request-headers'] ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter((name) => /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name));
  const allowed = CORS['Access-Control-Allow-Headers'] as string;
  const known = new Set(allowed.split(',').map((name) => name.trim().toLowerCase()));
  const extra = [...new Set(asked.filter((name) => !known.has(name.toLowerCase())))];
  return {
    'Access-Control-Max-Age': '7200',
    ...(extra.length > 0 ? { 'Access-Control-Allow-Headers': [allowed, ...extra].join(', ') } : {}),
    // A game's page on a public address posting to the laptop's private one (Chromium's Private Network Access), as
    // the RAGE routes answer it (C-10.4): without it, such a browser's xAPI game had its every request dropped.
    ...(req.headers['access-control-request-private-network'] === 'true' ? { 'Access-Control-Allow-Private-Network': 'true' } : {}),
  };
}

/** `1.0`, `1.0.x`, `2.0`, `2.0.x` → the version; anything else (missing included) → undefined. */
export function requestVersion(req: IncomingMessage): XapiVersion | undefined {
  const header = req.headers['x-experience-api-version'];
  if (typeof header !== 'string') return undefined;
  const match = /^(1\.0|2\.0)(?:\.\d+)?$/.exec(header.trim());
  return match ? (match[1] as XapiVersion) : undefined;
}

/** xAPI error body: `{"message": …}`, with whatever headers the answer already carries. */
export function sendXapiError(res: ServerResponse, status: number, message: string, headers: Record<string, string> = {}): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  sendJson(res, status, { message }, headers);
}

export class XapiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}
