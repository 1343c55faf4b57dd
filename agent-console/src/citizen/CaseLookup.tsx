import { type FormEvent, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PublicAppeal } from '@hotline/backend/api-types';
import { isApiError } from '../shared/api.ts';
import { ErrorAlert } from '../shared/components/ErrorAlert.tsx';
import { citizenApi } from './api.ts';
import { LookupResult } from './LookupResult.tsx';

const CASE_NUMBER = /^\d{14,20}$/;

/** Progress by case number (进度查询): status, the event's current step and time limit, steps with times, and the reason if not accepted. */
export function CaseLookup({ suggestedCaseNumber }: { suggestedCaseNumber: string | null }) {
  const { t } = useTranslation();
  const inputId = useId();
  const [caseNumber, setCaseNumber] = useState('');
  const [result, setResult] = useState<PublicAppeal | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [searching, setSearching] = useState(false);

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
      <div aria-live="polite">{result && <LookupResult appeal={result} />}</div>
    </section>
  );
}
