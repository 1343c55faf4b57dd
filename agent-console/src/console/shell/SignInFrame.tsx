import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { HotlineLogo } from '../../shared/components/HotlineLogo.tsx';
import { LanguageSwitch } from '../../shared/components/LanguageSwitch.tsx';

/** The page around the login and change-password forms: the hotline's name and the language switch. */
export function SignInFrame({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="page login-page">
      <header className="site-header">
        <div className="brand">
          <HotlineLogo />
          <h1>{t('console.title')}</h1>
        </div>
        <LanguageSwitch />
      </header>
      <main>{children}</main>
    </div>
  );
}
