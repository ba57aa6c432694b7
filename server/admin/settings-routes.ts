import express from 'express';
import { teacherCookieHeader } from '../auth/teacher-key.js';
import type { AppContext } from '../context.js';
import { sendJson } from '../http/send.js';
import { teacherAccess, teacherVerdict } from '../http/teacher-access.js';
import { requestLanguage } from '../i18n/request-language.js';
import { word, wording } from '../i18n/wording.js';
import { COLLECTOR_PATH, mdnsInfo, setMdnsEnabled } from '../mdns/start-mdns.js';
import { gameUrls } from '../net/lan-addresses.js';
import { sendAdminError } from './admin-error.js';
import { readConnectInfo } from './connect-info.js';

/**
 * Settings: the teacher key (and "Regenerate"), where the data lives, how games reach the collector, the LAN name.
 * Only the teacher gets here (the admin router's guard), so showing the key is fine.
 */
export function settingsRoutes(ctx: AppContext): express.Router {
  const access = teacherAccess(ctx);
  const router = express.Router();

  router.get('/settings', (req, res) => {
    const verdict = teacherVerdict(req);
    const port = req.socket.localPort ?? ctx.config.port;
    sendJson(res, 200, {
      teacherKey: access.keys.current(),
      /** How this request got in: the dashboard offers "sign out this device" to a cookie. */
      access: verdict.ok ? verdict.via : null,
      dataDir: ctx.config.dataDir,
      collector: {
        host: ctx.config.host,
        port,
        urls: gameUrls(readConnectInfo(ctx, port).urls),
        path: COLLECTOR_PATH,
        homePage: ctx.homePage,
      },
      mdns: mdnsInfo(ctx),
    });
  });

  router.post('/settings/mdns', async (req, res) => {
    const enabled = (req.body as { enabled?: unknown } | undefined)?.enabled;
    if (typeof enabled !== 'boolean') {
      return sendAdminError(res, 400, 'invalid-body', word(wording('settings.mdnsBody'), requestLanguage(req)));
    }
    sendJson(res, 200, { mdns: await setMdnsEnabled(ctx, enabled) });
  });

  router.post('/settings/teacher-key', async (req, res) => {
    const verdict = teacherVerdict(req);
    const teacherKey = await access.keys.regenerate();
    // The device that regenerated stays in: it gets a cookie for the new key (every other cookie is void now).
    const headers: Record<string, string> = {};
    if (verdict.ok && verdict.via === 'cookie') headers['Set-Cookie'] = teacherCookieHeader(access.issueCookie());
    access.endRemote(res);
    sendJson(res, 200, { teacherKey }, headers);
  });

  return router;
}
