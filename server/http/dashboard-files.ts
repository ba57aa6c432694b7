import fs from 'node:fs';
import path from 'node:path';
import express, { type NextFunction, type Request, type Response } from 'express';
import { Messages } from '../collector/messages.js';
import { sendMessage } from './send.js';

/**
 * What the built dashboard may load: its own scripts, styles and data only. No inline script (Vite's build has none).
 * React's `style={…}` goes through the CSSOM, which a CSP does not govern; style attributes written as markup (by a
 * library) are allowed too, as they cannot run code. QR codes are drawn on a canvas, so no `data:` images.
 * `connect-src` covers fetch and the live EventSource; `form-action` any form the browser itself would submit.
 */
export const DASHBOARD_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "style-src-attr 'unsafe-inline'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "object-src 'none'",
  "frame-ancestors 'none'",
].join('; ');

const PAGE_HEADERS = {
  // Revalidated every time (cheap: ETag and Last-Modified answer 304), so a window whose cache survived an update of
  // Aula loads the new page and its new scripts, never the old ones against the new server.
  'Cache-Control': 'no-cache',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'same-origin',
  'Content-Security-Policy': DASHBOARD_CSP,
};

/** Vite names every file it builds into assets/ after its content (`index-DosudBYK.js`): a new build, a new name. */
const HASHED_NAME = /-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/;

/**
 * Serves the built dashboard (renderer/dist) at `/`, for the teacher only (the public check router, mounted before,
 * answers everyone else). Hashed files under `/assets/` are cached for good; a missing one is a 404, not the page, so
 * a stale page fails loudly (and a reload fixes it) instead of running HTML as a script. Every other path outside
 * the APIs is a client-side route and gets the page.
 */
export function mountDashboard(app: express.Express, dashboardDir: string | undefined): void {
  if (!dashboardDir || !fs.existsSync(path.join(dashboardDir, 'index.html'))) return;
  // Resolved as the file server resolves the files it hands over: a relative AULA_DASHBOARD_DIR named the page
  // another way, and it went out without its Content-Security-Policy and framing rules.
  const indexFile = path.resolve(dashboardDir, 'index.html');

  app.use(
    '/assets',
    express.static(path.join(dashboardDir, 'assets'), {
      index: false,
      redirect: false,
      setHeaders: (res, file) => {
        res.setHeader('X-Content-Type-Options', 'nosniff');
        res.setHeader('Cache-Control', HASHED_NAME.test(path.basename(file)) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    }),
    (_req, res) => sendMessage(res, 404, Messages.notFound),
  );
  // Files at the top of the build (index.html, and any a later build adds) have no hash in their name.
  const topFiles = express.static(dashboardDir, {
    index: 'index.html',
    setHeaders: (res, file) => {
      if (file === indexFile) res.set(PAGE_HEADERS);
      else res.setHeader('Cache-Control', 'no-cache');
    },
  });
  app.use(topFiles);
  // Client-side routes (/live, /players/…) load the same page, as the same file: with its ETag and Last-Modified,
  // which res.sendFile leaves out while the app's own ETags are off.
  app.get(/^\/(?!api\/|admin\/|xapi\/).*/, (req: Request, res: Response, next: NextFunction) => {
    req.url = '/index.html';
    topFiles(req, res, next);
  });
}
