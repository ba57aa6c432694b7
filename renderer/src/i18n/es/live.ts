import type { Catalog } from '../catalog';
import type { live as english } from '../en/live';

/** Spanish wording of the dashboard's live namespace. */
export const live: Catalog<typeof english> = {};
