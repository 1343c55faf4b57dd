import { useTranslation } from 'react-i18next';
import type { AssessmentReport, AssessmentRow } from '@hotline/backend/api-types';
import { ASSESSMENT_COLUMNS, type AssessmentColumn, type Definition, type ReportLanguage, byRank, formatRate, formatScore } from './assessment-format.ts';

interface TableProps {
  report: AssessmentReport;
  language: ReportLanguage;
  definitionOf(metric: Definition['metric']): Definition | undefined;
}

/** Every unit's month, best rank first; each column's header explains itself on hover. */
export function AssessmentTable({ report, language, definitionOf }: TableProps) {
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
            <tr
              key={row.departmentCode}
              data-testid="assessment-row"
              data-department={row.departmentCode}
              className={row.new === 0 ? 'assessment-idle' : undefined}
            >
              <td className="num">
                {row.rank ?? (
                  <span className="muted" title={t('assessment.unranked')}>
                    —
                  </span>
                )}
              </td>
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
export function Definitions({ definitions, language }: { definitions: Definition[]; language: ReportLanguage }) {
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
