/**
 * A translation of an English namespace: the same keys, every leaf a string. A key the English catalog gains and a
 * translation lacks fails the type check, so no screen shows a raw key in one language.
 */
export type Catalog<T> = { readonly [K in keyof T]: T[K] extends string ? string : Catalog<T[K]> };
