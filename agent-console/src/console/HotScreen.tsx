import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HotReport } from '@hotline/backend/api-types';
import { ErrorAlert } from '../shared/components/ErrorAlert.tsx';
import { formatDateTime } from '../shared/format.ts';
import type { HotPeriod } from './api.ts';
import { useCategoryName } from './common/categories.tsx';
import { barWidths } from './wall/chart-scale.ts';
import { type Street, useHotReport, useStreets } from './useHotReport.ts';

const PERIODS: HotPeriod[] = ['day', 'week'];
/** A ranked list longer than this is noise at a glance; the report is about what stands out. */
const TERMS_SHOWN = 20;

/** 热点分析: what citizens are talking about today or this week, district-wide or per street. */
export function HotScreen() {
  const { t } = useTranslation();
  const [period, setPeriod] = useState<HotPeriod>('day');
  const [streetCode, setStreetCode] = useState<string | null>(null);
  const streets = useStreets();
  const { report, loading, error, refetch } = useHotReport(period, streetCode);

  return (
    <main className="hot-screen" aria-labelledby="hot-heading" aria-busy={loading} data-testid="hot-screen">
      <div className="hot-toolbar">
        <h2 id="hot-heading">{t('console.hot.heading')}</h2>
        <PeriodSwitch period={period} onChange={setPeriod} />
        <StreetFilter streets={streets} value={streetCode} onChange={setStreetCode} />
        {report && <ReportScope report={report} />}
        <button type="button" className="button button-small hot-refresh" disabled={loading} onClick={refetch}>
          {loading ? t('common.loading') : t('console.hot.refresh')}
        </button>
      </div>
      {error ? (
        <div className="hot-state">
          <ErrorAlert error={error} title={t('console.hot.failed')} onRetry={refetch} />
        </div>
      ) : !report ? (
        <p className="hot-state muted">{t('common.loading')}</p>
      ) : (
        <div className="hot-grid">
          <HotTerms terms={report.terms} />
          <HotIssues issues={report.issues} streets={streets} />
        </div>
      )}
    </main>
  );
}

function PeriodSwitch({ period, onChange }: { period: HotPeriod; onChange(period: HotPeriod): void }) {
  const { t } = useTranslation();
  return (
    <div className="segmented" role="group" aria-label={t('console.hot.period')}>
      {PERIODS.map((p) => (
        <button key={p} type="button" aria-pressed={p === period} onClick={() => onChange(p)}>
          {t(`console.hot.periods.${p}`)}
        </button>
      ))}
    </div>
  );
}

function StreetFilter({ streets, value, onChange }: { streets: Street[]; value: string | null; onChange(code: string | null): void }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  return (
    <div className="inline-field">
      <label htmlFor={id}>{t('console.hot.street')}</label>
      <select id={id} value={value ?? ''} onChange={(e) => onChange(e.target.value || null)}>
        <option value="">{t('console.hot.allStreets')}</option>
        {streets.map((street) => (
          <option key={street.code} value={street.code}>
            {i18n.language === 'en' ? street.nameEn : street.name}
          </option>
        ))}
      </select>
    </div>
  );
}

function ReportScope({ report }: { report: HotReport }) {
  const { t, i18n } = useTranslation();
  return <span className="muted hot-scope">{t('console.hot.scope', { from: formatDateTime(report.from, i18n.language), count: report.appeals })}</span>;
}

/** Hot words as a ranked bar list: the bar is how many appeals use the word. */
function HotTerms({ terms }: { terms: HotReport['terms'] }) {
  const { t } = useTranslation();
  const shown = terms.slice(0, TERMS_SHOWN);
  const widths = barWidths(shown.map((term) => term.docs));
  return (
    <section className="card hot-card" aria-labelledby="hot-terms-heading">
      <h3 id="hot-terms-heading">{t('console.hot.terms')}</h3>
      {shown.length === 0 ? (
        <p className="empty-state hot-empty">{t('console.hot.empty')}</p>
      ) : (
        <ol className="term-bars" data-testid="hot-terms">
          {shown.map((term, index) => (
            <li key={term.term} data-testid="hot-term">
              <span className="term-rank">{index + 1}</span>
              <span className="term-word">{term.term}</span>
              <span className="term-bar" aria-hidden="true">
                <span style={{ width: `${widths[index]}%` }} />
              </span>
              <span className="term-count">{t('console.hot.termCount', { count: term.docs, times: term.count })}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** 热点问题: clusters of appeals about one matter in one street and period. */
function HotIssues({ issues, streets }: { issues: HotReport['issues']; streets: Street[] }) {
  const { t, i18n } = useTranslation();
  const categoryName = useCategoryName();
  const streetName = (code: string) => {
    const street = streets.find((s) => s.code === code);
    if (street) return i18n.language === 'en' ? street.nameEn : street.name;
    return code === 'unknown' ? t('console.hot.unknownStreet') : code;
  };
  return (
    <section className="card hot-card" aria-labelledby="hot-issues-heading">
      <h3 id="hot-issues-heading">{t('console.hot.issues')}</h3>
      {issues.length === 0 ? (
        <p className="empty-state hot-empty">{t('console.hot.empty')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table" data-testid="hot-issues">
            <thead>
              <tr>
                <th scope="col">{t('console.hot.size')}</th>
                <th scope="col">{t('console.hot.issueTerms')}</th>
                <th scope="col">{t('console.hot.category')}</th>
                <th scope="col">{t('console.hot.street')}</th>
                <th scope="col">{t('console.hot.caseNumbers')}</th>
                <th scope="col">{t('console.hot.firstLast')}</th>
              </tr>
            </thead>
            <tbody>
              {issues.map((issue) => (
                <tr key={`${issue.period}|${issue.street}|${issue.caseNumbers.join(',')}`}>
                  <td className="num">{t('console.hot.sizeValue', { count: issue.size })}</td>
                  <td>
                    {issue.terms.map((term) => (
                      <span key={term} className="word-chip">
                        {term}
                      </span>
                    ))}
                  </td>
                  <td>{issue.category ? categoryName(issue.category) : <span className="muted">{t('common.notAvailable')}</span>}</td>
                  <td>{streetName(issue.street)}</td>
                  <td className="mono case-numbers">
                    {issue.caseNumbers.map((caseNumber) => (
                      <span key={caseNumber}>{caseNumber}</span>
                    ))}
                  </td>
                  <td className="times">
                    <span>{formatDateTime(issue.first, i18n.language)}</span>
                    <span>{formatDateTime(issue.last, i18n.language)}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
