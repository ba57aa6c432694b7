import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from './languages';
import { chooseLanguage, currentLanguage } from './setup';

/** The header's language list: each language in its own words, the choice kept for this browser. */
export function LanguageChoice() {
  const { t } = useTranslation();
  const id = useId();
  return (
    <span className="language-choice">
      <label htmlFor={id} className="visually-hidden">
        {t('languageLabel')}
      </label>
      <select id={id} value={currentLanguage()} onChange={(event) => chooseLanguage(event.target.value as Language)}>
        {LANGUAGES.map((language) => (
          <option key={language.code} value={language.code} lang={language.code}>
            {language.name}
          </option>
        ))}
      </select>
    </span>
  );
}
