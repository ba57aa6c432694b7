import type { Catalog } from '../catalog';
import type { classes as english } from '../en/classes';

/** Spanish wording of the dashboard's classes namespace. */
export const classes: Catalog<typeof english> = {};
