import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { type ExportFormat, useRecordExport } from './useExport.ts';

const FORMATS: ExportFormat[] = ['xlsx', 'csv'];

/** 导出 Excel / CSV of the current search, with its progress and a cancel button while it runs. */
export function ExportControls({ query }: { query: string }) {
  const { t } = useTranslation();
  const { progress, start, cancel } = useRecordExport();
  const running = progress.state === 'running';
  return (
    <div className="records-export" data-testid="records-export">
      {FORMATS.map((format) => (
        <button
          key={format}
          type="button"
          className="button button-small"
          disabled={running}
          onClick={() => void start(format, query)}
          data-testid={`records-export-${format}`}
        >
          {t(`records.export.${format}`)}
        </button>
      ))}
      {running && (
        <>
          <span role="status" className="muted" data-testid="records-export-progress">
            {progress.rows !== null && progress.total !== null
              ? t('records.export.rows', { rows: progress.rows, total: progress.total })
              : t('records.export.bytes', { kb: Math.round(progress.bytes / 1024), total: progress.total ?? '?' })}
          </span>
          {progress.rows !== null && progress.total ? <progress max={progress.total} value={progress.rows} /> : null}
          <button type="button" className="button button-small button-quiet" onClick={cancel} data-testid="records-export-cancel">
            {t('common.cancel')}
          </button>
        </>
      )}
      {progress.state === 'done' && (
        <span role="status" className="muted">
          {t('records.export.done', { total: progress.total ?? '?' })}
        </span>
      )}
      {progress.state === 'failed' && <ErrorAlert error={progress.error} title={t('records.export.failed')} />}
    </div>
  );
}
