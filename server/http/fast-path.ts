import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { handleTrack } from '../collector/track-route.js';
import type { AppContext } from '../context.js';
import { applyRageCors } from './rage-cors.js';

const TRACK_PATHS = new Set([
  '/api/collector/track',
  '/api/collector/track/',
  '/api/proxy/gleaner/collector/track',
  '/api/proxy/gleaner/collector/track/',
]);

/** Where the xAPI statement resource takes statements (POST, PUT), with or without its trailing slash. */
const XAPI_STATEMENTS_PATHS = new Set(['/xapi/statements', '/xapi/statements/']);

function pathOf(req: IncomingMessage): string {
  const url = req.url ?? '';
  const query = url.indexOf('?');
  return query < 0 ? url : url.slice(0, query);
}

function isTrack(req: IncomingMessage): boolean {
  return req.method === 'POST' && TRACK_PATHS.has(pathOf(req));
}

/** The requests that bring statements: what a burst of games sends, and what the in-flight budget admits. */
export function isIngestUpload(req: IncomingMessage): boolean {
  return isTrack(req) || ((req.method === 'POST' || req.method === 'PUT') && XAPI_STATEMENTS_PATHS.has(pathOf(req)));
}

/**
 * `track` is nearly all of the traffic (issue 8): it goes straight to its handler, without paying for the generic
 * middleware chain. Same answers as through the router (CORS, query string ignored, trailing slash accepted).
 */
export function withFastPath(ctx: AppContext, app: RequestListener): RequestListener {
  return (req: IncomingMessage, res: ServerResponse) => {
    if (isTrack(req)) {
      applyRageCors(req, res);
      void handleTrack(ctx, req, res);
      return;
    }
    app(req, res);
  };
}
