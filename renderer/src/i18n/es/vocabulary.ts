import type { Catalog } from '../catalog';
import type { vocabulary as english } from '../en/vocabulary';

/** Spanish words for what games send: verbs, object types, results. */
export const vocabulary: Catalog<typeof english> = {};
