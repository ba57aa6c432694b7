import type { Catalog } from '../catalog';
import type { data as english } from '../en/data';

/** Spanish wording of the dashboard's data namespace. */
export const data: Catalog<typeof english> = {};
