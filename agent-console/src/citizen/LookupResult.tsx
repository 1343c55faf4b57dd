import { useTranslation } from 'react-i18next';
import type { PublicAppeal } from '@hotline/backend/api-types';
import { StatusBadge } from '../shared/components/StatusBadge.tsx';
import { formatDateTime } from '../shared/format.ts';

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

/** The appeal's status, its event's current step, when it came and on which channel, and every step so far. */
export function LookupResult({ appeal }: { appeal: PublicAppeal }) {
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
