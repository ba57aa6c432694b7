import type { Catalog } from '../catalog';
import type { players as english } from '../en/players';

/** Spanish wording of the dashboard's players namespace. */
export const players: Catalog<typeof english> = {};
