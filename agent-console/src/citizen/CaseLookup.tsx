import { type FormEvent, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PublicAppeal } from '@hotline/backend/api-types';
import { isApiError } from '../shared/api.ts';
import { ErrorAlert } from '../shared/components/ErrorAlert.tsx';
import { StatusBadge } from '../shared/components/StatusBadge.tsx';
import { formatDateTime } from '../shared/format.ts';
import { citizenApi } from './api.ts';

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

/** The event's current step (办理环节), the unit handling it, its time limit and, once closed, the result. */
function EventFacts({ event }: { event: NonNullable<PublicAppeal['event']> }) {
  const { t, i18n } = useTranslation();
  const department = i18n.language.startsWith('zh') ? event.department.name : event.department.nameEn;
  return (
    <>
      <dt>{t('citizen.lookup.currentStep')}</dt>
      <dd data-testid="current-step">{t(`citizen.lookup.eventStatus.${event.status}`, { department })}</dd>
      <dt>{t('citizen.lookup.department')}</dt>
      <dd>{department}</dd>
      {event.timeLimitAt && (
        <>
          <dt>{t('citizen.lookup.timeLimit')}</dt>
          <dd data-testid="time-limit">{formatDateTime(event.timeLimitAt, i18n.language)}</dd>
        </>
      )}
      {event.result && (
        <>
          <dt>{t('citizen.lookup.result')}</dt>
          <dd data-testid="event-result">{event.result}</dd>
        </>
      )}
    </>
  );
}

function LookupResult({ appeal }: { appeal: PublicAppeal }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="lookup-result" data-testid="lookup-result">
      <dl className="facts">
        <dt>{t('citizen.lookup.caseNumber')}</dt>
        <dd className="mono">{appeal.caseNumber}</dd>
        <dt>{t('citizen.lookup.status')}</dt>
        <dd>
          <StatusBadge status={appeal.status} />
        </dd>
        {appeal.event && <EventFacts event={appeal.event} />}
        <dt>{t('citizen.lookup.channel')}</dt>
        <dd>{t(`channel.${appeal.channel}`)}</dd>
        <dt>{t('citizen.lookup.submittedAt')}</dt>
        <dd>{formatDateTime(appeal.submittedAt, i18n.language)}</dd>
        {appeal.rejectReason && (
          <>
            <dt>{t('citizen.lookup.reasonLabel')}</dt>
            <dd data-testid="reject-reason">{appeal.rejectReason}</dd>
          </>
        )}
      </dl>
      <h3>{t('citizen.lookup.progress')}</h3>
      <ol className="progress-steps">
        {appeal.progress.map((step) => (
          <li key={`${step.step}-${step.at}`} className={`step-${step.step}`}>
            <span className="step-name">{t(`citizen.lookup.step.${step.step}`)}</span>
            <time dateTime={step.at}>{formatDateTime(step.at, i18n.language)}</time>
            {step.note && step.note !== appeal.rejectReason && <p className="step-note">{step.note}</p>}
          </li>
        ))}
      </ol>
    </div>
  );
}
