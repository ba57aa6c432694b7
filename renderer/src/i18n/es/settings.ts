import type { Catalog } from '../catalog';
import type { settings as english } from '../en/settings';

/** Spanish wording of the dashboard's settings namespace. */
export const settings: Catalog<typeof english> = {};
