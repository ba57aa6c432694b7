import { adminRouter } from './admin/admin-router.js';
import { dataRouter } from './admin/data-routes.js';
import { loginRouter } from './auth/login-router.js';
import type { AppContext } from './context.js';
import { diagnosticsRouter } from './diagnostics/diagnostics-router.js';
import type { Mount } from './http/create-app.js';
import { xapiRouter } from './xapi/xapi-router.js';

/**
 * The routers of each feature (login, xAPI, admin API…), mounted in this order before the `/api` 404 and the
 * dashboard. One line per feature.
 */
export function featureMounts(ctx: AppContext): Mount[] {
  return [
    { path: '/api', router: loginRouter(ctx) },
    // Before /admin/api, whose own 404 would answer first.
    { path: '/admin/api/diagnostics', router: diagnosticsRouter(ctx) },
    { path: '/admin/api/data', router: dataRouter(ctx) },
    { path: '/admin/api', router: adminRouter(ctx) },
    { path: '/xapi', router: xapiRouter(ctx) },
  ];
}
