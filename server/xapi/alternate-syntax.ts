import type { IncomingMessage } from 'node:http';
import type { Request, Response } from 'express';
import type { AppContext } from '../context.js';
import { BodyOverBudgetError, BodyTooLargeError, declaredLength, readRawBody } from '../http/read-body.js';
import { XapiBusyError } from './post-statements.js';
import { ANSWER_VERSION, requestVersion, XapiError } from './xapi-headers.js';

/** The headers a request in the Alternate Request Syntax carries as form fields (xAPI 1.0.3 Communication 1.3). */
const HEADER_FIELDS = ['authorization', 'x-experience-api-version', 'content-type', 'content-length', 'if-match', 'if-none-match'];
const METHODS = ['GET', 'PUT', 'POST'];

/** The statement or statements a converted request carried in its `content` field, read in place of the body. */
const contents = new WeakMap<IncomingMessage, Buffer>();

/** The body of a request that came in the Alternate Request Syntax; undefined: read the request's own body. */
export function alternateContent(req: IncomingMessage): Buffer | undefined {
  return contents.get(req);
}

/**
 * The Alternate Request Syntax of xAPI 1.0.3 (Communication 1.3, a MUST there): `POST …?method=PUT|GET|POST` with an
 * `application/x-www-form-urlencoded` body holding the headers, the resource's parameters and the statement
 * (`content`). TinCanJS sends every request whose URL would reach 2,048 characters this way (a query with a long
 * agent or activity IRI, a `more` link), and clients written for old browsers send all of them so. The request is
 * turned into the one it stands for, then answered as any other. xAPI 2.0 forbids the syntax: under 2.0, 400.
 *
 * Returns false (nothing done) for a request without `method`.
 */
export async function convertAlternateRequest(ctx: AppContext, req: Request, res: Response): Promise<boolean> {
  const query = new URLSearchParams(req.url.split('?')[1] ?? '');
  if (req.method !== 'POST' || !query.has('method')) return false;
  if ([...query.keys()].some((name) => name !== 'method') || query.getAll('method').length > 1) {
    throw new XapiError(400, 'With ?method= (the Alternate Request Syntax), method is the only query parameter: the others go in the form body');
  }
  const method = String(query.get('method')).toUpperCase();
  if (!METHODS.includes(method)) throw new XapiError(400, `method must be one of ${METHODS.join(', ')}`);
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded') {
    throw new XapiError(400, 'A request with ?method= (the Alternate Request Syntax) must be application/x-www-form-urlencoded');
  }
  const form = new URLSearchParams((await readForm(ctx, req)).toString('utf8'));
  // The content is JSON unless the form says otherwise: the form's own type is not the content's.
  req.headers['content-type'] = 'application/json';
  const params = new URLSearchParams();
  let content: string | undefined;
  for (const [name, value] of form) {
    const lower = name.toLowerCase();
    if (lower === 'content') content = value;
    else if (HEADER_FIELDS.includes(lower)) req.headers[lower] = value;
    else params.append(name, value);
  }
  const version = requestVersion(req);
  res.setHeader('X-Experience-API-Version', ANSWER_VERSION[version ?? '1.0']);
  if (version === '2.0') throw new XapiError(400, 'xAPI 2.0 does not allow the Alternate Request Syntax (?method=)');
  const body = Buffer.from(content ?? '', 'utf8');
  req.headers['content-length'] = String(body.length);
  if (content !== undefined) contents.set(req, body);
  else if (method !== 'GET') throw new XapiError(400, `A ${method} in the Alternate Request Syntax needs the form field content`);
  req.method = method;
  const path = req.url.split('?')[0] ?? '';
  req.url = params.size > 0 ? `${path}?${params}` : path;
  return true;
}

/** The form body, counted against the in-flight budget while it is read (as a POST's body is). */
async function readForm(ctx: AppContext, req: Request): Promise<Buffer> {
  const hold = ctx.inflight.admit(declaredLength(req), ctx.config.bodyLimitBytes);
  if (!hold) throw new XapiBusyError();
  try {
    return await readRawBody(req, ctx.config.bodyLimitBytes, hold);
  } catch (error) {
    if (error instanceof BodyTooLargeError) throw new XapiError(413, error.message);
    if (error instanceof BodyOverBudgetError) throw new XapiBusyError();
    throw error;
  } finally {
    hold.release();
  }
}
