import { type FormEvent, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PublicAppeal } from '@hotline/backend/api-types';
import { isApiError } from '../shared/api.ts';
import { ErrorAlert } from '../shared/components/ErrorAlert.tsx';
import { citizenApi } from './api.ts';
import { LookupResult } from './LookupResult.tsx';

const CASE_NUMBER = /^\d{14,20}$/;

/**
 * How often a shown result is looked up again while the page is visible: the case moves on
 * (accepted, signed for, closed) while the citizen watches. Well under the per-IP lookup limit.
 */
export const LOOKUP_REFRESH_MS = 15_000;

/** Keeps a shown case current: again every LOOKUP_REFRESH_MS while visible, and on coming back to the page. */
function useLiveResult(shown: PublicAppeal | null, onFresh: (appeal: PublicAppeal) => void) {
  const caseNumber = shown?.caseNumber;
  useEffect(() => {
    if (!caseNumber) return;
    // A failed refresh keeps what is shown: the next one will try again.
    const refresh = () => {
      if (document.visibilityState === 'visible') citizenApi.lookup(caseNumber).then(onFresh, () => undefined);
    };
    const timer = setInterval(refresh, LOOKUP_REFRESH_MS);
    document.addEventListener('visibilitychange', refresh);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', refresh);
    };
  }, [caseNumber, onFresh]);
}

/** Progress by case number (进度查询): status, the event's current step and time limit, steps with times, and the reason if not accepted. */
export function CaseLookup({ suggestedCaseNumber }: { suggestedCaseNumber: string | null }) {
  const { t } = useTranslation();
  const inputId = useId();
  const [caseNumber, setCaseNumber] = useState('');
  const [result, setResult] = useState<PublicAppeal | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [searching, setSearching] = useState(false);
  useLiveResult(result, setResult);

  // A fresh submission's number is what the citizen will most likely look up next.
  useEffect(() => {
    if (suggestedCaseNumber) setCaseNumber(suggestedCaseNumber);
  }, [suggestedCaseNumber]);

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const wanted = caseNumber.replace(/\s+/g, '');
    setResult(null);
    setError(null);
    setProblem(null);
    if (!CASE_NUMBER.test(wanted)) {
      setProblem(t('citizen.lookup.invalid'));
      return;
    }
    setSearching(true);
    try {
      setResult(await citizenApi.lookup(wanted));
    } catch (e) {
      if (isApiError(e, 404)) setProblem(t('citizen.lookup.notFound'));
      else setError(e);
    } finally {
      setSearching(false);
    }
  }

  return (
    <section className="card lookup" aria-labelledby="lookup-heading">
      <h2 id="lookup-heading">{t('citizen.lookup.heading')}</h2>
      <form className="inline-form" onSubmit={handleSubmit}>
        <label htmlFor={inputId}>{t('citizen.lookup.caseNumber')}</label>
        <div className="inline-form-row">
          <input
            id={inputId}
            value={caseNumber}
            inputMode="numeric"
            autoComplete="off"
            placeholder={t('citizen.lookup.placeholder')}
            onChange={(e) => setCaseNumber(e.target.value)}
          />
          <button type="submit" className="button button-primary" disabled={searching}>
            {searching ? t('citizen.lookup.searching') : t('citizen.lookup.submit')}
          </button>
        </div>
      </form>
      {problem && (
        <p className="alert alert-warning" role="alert">
          {problem}
        </p>
      )}
      <ErrorAlert error={error} />
      {/* Present before any result, so screen readers announce the result when it arrives. */}
      <div aria-live="polite">
        {result && <LookupResult appeal={result} />}
        {result && <p className="muted lookup-live">{t('citizen.lookup.live')}</p>}
      </div>
    </section>
  );
}
