import type { Request, Response } from 'express';
import type { AppContext } from '../context.js';
import { applyRageCors } from '../http/rage-cors.js';
import { sendMessage } from '../http/send.js';
import { Messages } from './messages.js';
import { recordRejection } from './refusals.js';

/** The route under which a game's request to an address Aula does not serve is kept for the teacher's diagnostics. */
export const WRONG_PATH_ROUTE = 'path';

const SAMPLE_LIMIT = 300;

/** What a game's request ends with, and where Aula serves it (contract §1, README "xAPI clients"). */
const GAME_ENDPOINTS: { tail: RegExp; method: string; path: (match: RegExpExecArray) => string }[] = [
  {
    tail: /\/(proxy\/gleaner\/)?collector\/start\/([^/]+)\/?$/i,
    method: 'POST',
    path: (match) => `/api/${match[1] ? 'proxy/gleaner/' : ''}collector/start/${match[2]}`,
  },
  {
    tail: /\/(proxy\/gleaner\/)?collector\/(track|end)\/?$/i,
    method: 'POST',
    path: (match) => `/api/${match[1] ? 'proxy/gleaner/' : ''}collector/${match[2]?.toLowerCase()}`,
  },
  { tail: /\/login\/?$/i, method: 'POST', path: () => '/api/login' },
  { tail: /\/logout\/?$/i, method: 'DELETE', path: () => '/api/logout' },
  // TinCan.NET clients (xasu) append `statements` to an endpoint without its trailing slash: `/xapistatements`.
  { tail: /statements\/?$/i, method: '', path: () => '/xapi/statements' },
  { tail: /\/xapi\/?about\/?$/i, method: 'GET', path: () => '/xapi/about' },
];

/**
 * Where a request Aula answered 404 "Not found" was meant to go, when its path ends as a game's request does: a host
 * or base path set wrong in the game (`/api/` twice, java-tracker's empty base path, `/xapistatements`), or the
 * right path with the wrong method. Undefined for other paths (a browser's favicon, a scanner), which are not a
 * game's mistake and are not kept.
 */
export function intendedGameRequest(method: string, path: string): string | undefined {
  for (const endpoint of GAME_ENDPOINTS) {
    const match = endpoint.tail.exec(path);
    if (!match) continue;
    const intended = `${endpoint.method || method} ${endpoint.path(match)}`;
    return intended === `${method} ${path}` ? undefined : intended;
  }
  return undefined;
}

/**
 * The 404 of an unknown path (C-1.7: the answer stays `{"message":"Not found"}`). A game's request that went to the
 * wrong address is kept for the teacher's diagnostics with the address it used, which show where Aula serves it:
 * before, such a game failed with nothing on the Diagnostics screen, and its developer had no clue but "Not found".
 */
export function answerNotFound(ctx: AppContext) {
  return (req: Request, res: Response): void => {
    const path = req.originalUrl.split('?')[0] ?? '';
    // A browser game's preflight is all Aula sees of it (the browser sends nothing after a refused one): it is listed
    // as the request it announces.
    const announced = req.headers['access-control-request-method'];
    const method = req.method === 'OPTIONS' && typeof announced === 'string' && /^[A-Z]+$/.test(announced) ? announced : req.method;
    // A browser opening an address (typed, a link, a form: `GET /login`, `POST /login` of a login form) is a person,
    // not a game: a tracker's requests are never navigations. Nothing Aula serves posts to `/login` (the dashboard
    // calls /admin/api, the key page posts to /teacher), so such a request was listed as a game's mistake that no
    // game made.
    const navigation = req.headers['sec-fetch-mode'] === 'navigate';
    if (!navigation && intendedGameRequest(method, path) !== undefined) {
      recordRejection(ctx, req, WRONG_PATH_ROUTE, 404, Messages.notFound, { sample: `${method} ${path}`.slice(0, SAMPLE_LIMIT) });
      // Outside `/api/` too, so a browser game's developer reads "Not found" rather than a missing CORS header.
      applyRageCors(req, res);
    }
    sendMessage(res, 404, Messages.notFound);
  };
}
