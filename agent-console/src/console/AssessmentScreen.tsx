import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssessmentReport, AssessmentRow } from '@hotline/backend/api-types';
import { ErrorAlert } from '../shared/components/ErrorAlert.tsx';
import { ASSESSMENT_COLUMNS, type AssessmentColumn, assessmentCsvHref, byRank, formatRate, formatScore, hasAssignments, shiftMonth } from './assessment-format.ts';
import { useAssessment } from './useAssessment.ts';
import './assessment.css';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
type Definition = AssessmentReport['definitions'][number];
type Language = keyof Definition['name'];

const languageOf = (language: string): Language => (language.startsWith('en') ? 'en' : 'zh-CN');

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
            <a className="button button-small button-primary" href={assessmentCsvHref(month)} download title={t('assessment.exportTitle', { month })} data-testid="assessment-csv">
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
      <button type="button" className="button button-small button-quiet" disabled={!month} onClick={() => month && onChange(shiftMonth(month, -1))} aria-label={t('assessment.previousMonth')}>
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
      <button type="button" className="button button-small button-quiet" disabled={!month} onClick={() => month && onChange(shiftMonth(month, 1))} aria-label={t('assessment.nextMonth')}>
        ›
      </button>
    </div>
  );
}

interface TableProps {
  report: AssessmentReport;
  language: Language;
  definitionOf(metric: Definition['metric']): Definition | undefined;
}

function AssessmentTable({ report, language, definitionOf }: TableProps) {
  const { t, i18n } = useTranslation();
  return (
    // Focusable so keyboard users can scroll the wide table sideways.
    <div className="table-scroll" tabIndex={0} role="region" aria-label={t('assessment.tableCaption', { month: report.month })}>
      <table className="data-table assessment-table" data-testid="assessment-table">
        <caption className="visually-hidden">{t('assessment.tableCaption', { month: report.month })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('assessment.rank')}</th>
            <th scope="col">{t('assessment.unit')}</th>
            {ASSESSMENT_COLUMNS.map(({ metric }) => {
              const definition = definitionOf(metric);
              return (
                <th key={metric} scope="col" className="num" title={definition?.definition[language]}>
                  {definition?.name[language] ?? metric}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {byRank(report.departments).map((row) => (
            <tr key={row.departmentCode} data-testid="assessment-row" data-department={row.departmentCode} className={row.new === 0 ? 'assessment-idle' : undefined}>
              <td className="num">{row.rank ?? <span className="muted" title={t('assessment.unranked')}>—</span>}</td>
              <th scope="row" className="assessment-unit">
                {language === 'en' ? row.nameEn : row.name}
                <span className="muted">{t(`assessment.kind.${row.kind}`)}</span>
              </th>
              {ASSESSMENT_COLUMNS.map((column) => (
                <MetricCell key={column.metric} row={row} column={column} language={i18n.language} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function MetricCell({ row, column, language }: { row: AssessmentRow; column: AssessmentColumn; language: string }) {
  const { t } = useTranslation();
  const { metric, of } = column;
  const value = row[metric];
  const shown = of ? formatRate(value, language) : metric === 'score' ? formatScore(value, language) : String(value);
  return (
    <td className="num" data-metric={metric}>
      {shown}
      {of && row[of.whole] > 0 && <span className="assessment-fraction">{t('assessment.fraction', { part: row[of.part], whole: row[of.whole] })}</span>}
    </td>
  );
}

/** 指标说明: the server's own definitions, so the words match the computation and the CSV. */
function Definitions({ definitions, language }: { definitions: Definition[]; language: Language }) {
  const { t } = useTranslation();
  return (
    <aside className="card assessment-definitions" aria-labelledby="assessment-definitions-heading" data-testid="assessment-definitions">
      <h3 id="assessment-definitions-heading">{t('assessment.definitions')}</h3>
      <dl>
        {definitions.map((d) => (
          <div key={d.metric} data-metric={d.metric}>
            <dt>{d.name[language]}</dt>
            <dd>{d.definition[language]}</dd>
          </div>
        ))}
      </dl>
    </aside>
  );
}
