import type { Catalog } from '../catalog';
import type { alerts as english } from '../en/alerts';

/** Spanish wording of the dashboard's alerts namespace. */
export const alerts: Catalog<typeof english> = {};
