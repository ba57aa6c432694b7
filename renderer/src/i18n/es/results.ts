import type { Catalog } from '../catalog';
import type { results as english } from '../en/results';

/** Spanish wording of the dashboard's results namespace. */
export const results: Catalog<typeof english> = {};
