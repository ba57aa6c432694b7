import 'i18next';
import type { en } from './en';

// Keys are checked at compile time against the English catalogs: a mistyped key fails `tsc`, not a screen.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: typeof en;
  }
}
