import type { Catalog } from '../catalog';
import type { diagnostics as english } from '../en/diagnostics';

/** Spanish wording of the dashboard's diagnostics namespace. */
export const diagnostics: Catalog<typeof english> = {};
