import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HotReport } from '@hotline/backend/api-types';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { formatDateTime } from '../../shared/format.ts';
import type { HotPeriod } from '../api.ts';
import { HotIssues } from './HotIssues.tsx';
import { HotTerms } from './HotTerms.tsx';
import { type Street, useHotReport, useStreets } from './useHotReport.ts';

const PERIODS: HotPeriod[] = ['day', 'week'];

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
