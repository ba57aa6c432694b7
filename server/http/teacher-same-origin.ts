import type { IncomingMessage } from 'node:http';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * A change to the dashboard's data sent by another web page (cross-site request forgery): a page open in the
 * teacher's browser could otherwise POST a form to http://127.0.0.1:3000/admin/api/… and be "loopback". Browsers
 * say where a request comes from (Sec-Fetch-Site, Origin); scripts and the CLI send neither and are not affected.
 */
export function isCrossSiteWrite(req: IncomingMessage): boolean {
  if (SAFE_METHODS.has(req.method ?? 'GET')) return false;
  const site = req.headers['sec-fetch-site'];
  if (site === 'cross-site') return true;
  // The browser's own word that the page is this origin's (or typed by the user) comes first. Browsers send it to
  // https and localhost only: a tablet on http://192.168.x.y is judged by Origin below.
  if (site === 'same-origin' || site === 'none') return false;
  const origin = req.headers.origin;
  if (origin === undefined) return false;
  if (origin === 'null') return true;
  try {
    return new URL(origin).host !== req.headers.host;
  } catch {
    return true;
  }
}
