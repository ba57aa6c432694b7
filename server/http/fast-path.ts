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

/**
 * `track` is nearly all of the traffic (issue 8): it goes straight to its handler, without paying for the generic
 * middleware chain. Same answers as through the router (CORS, query string ignored, trailing slash accepted).
 */
export function withFastPath(ctx: AppContext, app: RequestListener): RequestListener {
  return (req: IncomingMessage, res: ServerResponse) => {
    if (req.method === 'POST') {
      const url = req.url ?? '';
      const query = url.indexOf('?');
      if (TRACK_PATHS.has(query < 0 ? url : url.slice(0, query))) {
        applyRageCors(req, res);
        void handleTrack(ctx, req, res);
        return;
      }
    }
    app(req, res);
  };
}
