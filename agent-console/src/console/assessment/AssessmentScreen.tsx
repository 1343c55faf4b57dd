import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { type Definition, assessmentCsvHref, hasAssignments, languageOf, shiftMonth } from './assessment-format.ts';
import { AssessmentTable, Definitions } from './AssessmentTable.tsx';
import { useAssessment } from './useAssessment.ts';
import './assessment.css';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * 月度考核: every department's and sub-center's month — new assignments, sign-for, transfer,
 * handling, closure, on-time and satisfaction rates, score and rank — with what each figure means
 * beside the table and the month as CSV.
 */
export function AssessmentScreen() {
  const { t, i18n } = useTranslation();
  // null until the user picks one: the server knows "this month" on the hotline's clock.
  const [picked, setPicked] = useState<string | null>(null);
  const { report, loading, error, refetch } = useAssessment(picked);
  const month = picked ?? report?.month ?? null;
  const language = languageOf(i18n.language);
  const definitionOf = (metric: Definition['metric']) => report?.definitions.find((d) => d.metric === metric);

  return (
    <main className="assessment-screen" aria-labelledby="assessment-heading" aria-busy={loading} data-testid="assessment-screen">
      <div className="hot-toolbar">
        <h2 id="assessment-heading">{t('assessment.heading')}</h2>
        <MonthPicker month={month} onChange={setPicked} />
        {report && <span className="muted">{t('assessment.scope', { month: report.month, timezone: report.timezone })}</span>}
        <div className="assessment-actions">
          <button type="button" className="button button-small" disabled={loading} onClick={refetch}>
            {loading ? t('common.loading') : t('assessment.refresh')}
          </button>
          {month && (
            <a
              className="button button-small button-primary"
              href={assessmentCsvHref(month)}
              download
              title={t('assessment.exportTitle', { month })}
              data-testid="assessment-csv"
            >
              {t('assessment.export')}
            </a>
          )}
        </div>
      </div>
      {error ? (
        <div className="hot-state">
          <ErrorAlert error={error} title={t('assessment.failed')} onRetry={refetch} />
        </div>
      ) : !report ? (
        <p className="hot-state muted">{t('common.loading')}</p>
      ) : (
        <div className="assessment-grid">
          <section className="card assessment-card" aria-label={t('assessment.tableCaption', { month: report.month })}>
            {hasAssignments(report) ? (
              <AssessmentTable report={report} language={language} definitionOf={definitionOf} />
            ) : (
              <p className="empty-state assessment-empty" data-testid="assessment-empty">
                {t('assessment.empty', { month: report.month })}
              </p>
            )}
          </section>
          <Definitions definitions={report.definitions} language={language} />
        </div>
      )}
    </main>
  );
}

/** The month as a native month field between previous/next buttons: typing, arrows and the picker all work. */
function MonthPicker({ month, onChange }: { month: string | null; onChange(month: string): void }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="inline-field assessment-month">
      <label htmlFor={id}>{t('assessment.month')}</label>
      <button
        type="button"
        className="button button-small button-quiet"
        disabled={!month}
        onClick={() => month && onChange(shiftMonth(month, -1))}
        aria-label={t('assessment.previousMonth')}
      >
        ‹
      </button>
      <input
        id={id}
        type="month"
        value={month ?? ''}
        required
        onChange={(e) => {
          if (MONTH.test(e.target.value)) onChange(e.target.value);
        }}
        data-testid="assessment-month"
      />
      <button
        type="button"
        className="button button-small button-quiet"
        disabled={!month}
        onClick={() => month && onChange(shiftMonth(month, 1))}
        aria-label={t('assessment.nextMonth')}
      >
        ›
      </button>
    </div>
  );
}
