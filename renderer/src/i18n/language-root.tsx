import i18next from 'i18next';
import { Fragment, type ReactNode, useEffect, useState } from 'react';

/**
 * Shows the dashboard again, from the start, in a language the teacher chose: the wording helpers (format/*.ts) and
 * the date formats are read outside React's hooks, so only a fresh render puts every word in the new language.
 */
export function LanguageRoot({ children }: { children: ReactNode }) {
  const [language, setLanguage] = useState(i18next.language);
  useEffect(() => {
    const changed = (next: string) => setLanguage(next);
    i18next.on('languageChanged', changed);
    return () => i18next.off('languageChanged', changed);
  }, []);
  return <Fragment key={language}>{children}</Fragment>;
}
