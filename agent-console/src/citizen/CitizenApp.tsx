import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../shared/components/LanguageSwitch.tsx';
import { HotlineLogo } from '../shared/components/HotlineLogo.tsx';
import { useDocumentTitle } from '../shared/hooks.ts';
import { AppealForm } from './AppealForm.tsx';
import { CaseLookup } from './CaseLookup.tsx';
import { LiveChat } from './LiveChat.tsx';
import { SubmissionReceipt } from './SubmissionReceipt.tsx';

/** The public page: file an appeal, follow it in the live chat, look up any case by number. */
export function CitizenApp() {
  const { t } = useTranslation();
  useDocumentTitle(t('citizen.title'));
  const [caseNumber, setCaseNumber] = useState<string | null>(null);
  const [submissions, setSubmissions] = useState(0);

  function handleSubmitted(newCaseNumber: string) {
    setCaseNumber(newCaseNumber);
    setSubmissions((n) => n + 1);
  }

  return (
    <div className="page citizen-page">
      <header className="site-header">
        <div className="brand">
          <HotlineLogo />
          <div>
            <h1>{t('citizen.title')}</h1>
            <p className="tagline">{t('citizen.tagline')}</p>
          </div>
        </div>
        <LanguageSwitch />
      </header>
      <p className="emergency-note" role="note">
        {t('citizen.emergencyNote')}
      </p>
      <main className="citizen-layout">
        <div className="citizen-main">
          {caseNumber ? <SubmissionReceipt caseNumber={caseNumber} onAnother={() => setCaseNumber(null)} /> : <AppealForm onSubmitted={handleSubmitted} />}
        </div>
        <div className="citizen-side">
          <LiveChat sessionStarts={submissions} />
          <CaseLookup suggestedCaseNumber={caseNumber} />
        </div>
      </main>
    </div>
  );
}
