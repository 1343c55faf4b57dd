import { useTranslation } from 'react-i18next';
import { LANGUAGES, currentLanguage, setLanguage } from '../i18n.ts';

/** 中文 | English; each name is written in its own language so anyone can find theirs. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const active = currentLanguage();
  return (
    <div className="language-switch" role="group" aria-label={t('language.label')} data-language={i18n.language}>
      {LANGUAGES.map((language) => (
        <button key={language} type="button" lang={language} aria-pressed={active === language} onClick={() => setLanguage(language)}>
          {t(`language.${language}`)}
        </button>
      ))}
    </div>
  );
}
