import type { Catalog } from '../catalog';
import type { activities as english } from '../en/activities';

/** Spanish wording of the dashboard's activities namespace. */
export const activities: Catalog<typeof english> = {};
