import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import type { TerritoryCheck } from '../api.ts';
import { downloadTerritory, useTerritoryImport } from './useTerritoryImport.ts';
import './territory.css';

/**
 * 区域与地址库: an admin imports the territory the hotline serves (GeoJSON), sees every error by
 * feature before anything changes, and exports what is stored. Admins only.
 */
export function TerritoryScreen({ onAnnounce }: { onAnnounce(message: string): void }) {
  const { t } = useTranslation();
  const { state, choose, importChecked } = useTerritoryImport();
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<unknown>(null);

  async function runImport() {
    const counts = await importChecked();
    if (counts) onAnnounce(t('territory.imported', { ...counts }));
  }

  async function runExport() {
    setExporting(true);
    setExportError(null);
    try {
      await downloadTerritory();
    } catch (error) {
      setExportError(error);
    } finally {
      setExporting(false);
    }
  }

  const busy = state.step === 'checking' || state.step === 'importing';
  return (
    <main className="territory-screen" aria-labelledby="territory-heading" aria-busy={busy} data-testid="territory-screen">
      <div className="hot-toolbar">
        <h2 id="territory-heading">{t('territory.heading')}</h2>
        <button type="button" className="button button-small hot-refresh" disabled={exporting} onClick={() => void runExport()}>
          {exporting ? t('territory.exporting') : t('territory.export')}
        </button>
      </div>
      <p className="muted territory-intro">{t('territory.intro')}</p>
      {exportError ? <ErrorAlert error={exportError} title={t('territory.exportFailed')} /> : null}
      <section className="card territory-card">
        <label className="territory-file">
          <span>{t('territory.choose')}</span>
          <input
            type="file"
            accept=".geojson,.json,application/geo+json,application/json"
            disabled={busy}
            data-testid="territory-file"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void choose(file);
            }}
          />
        </label>
        <div aria-live="polite">
          {state.step === 'empty' && <p className="muted">{t('territory.empty')}</p>}
          {state.step === 'checking' && <p className="muted">{t('territory.checking')}</p>}
          {state.step === 'unreadable' && <p className="form-error">{t('territory.notJson', { message: state.message })}</p>}
          {state.step === 'failed' && <ErrorAlert error={state.error} title={t('territory.checkFailed')} />}
          {state.step === 'imported' && (
            <p className="territory-ok" data-testid="territory-imported">
              {t('territory.imported', { ...state.counts })}
            </p>
          )}
          {(state.step === 'checked' || state.step === 'importing') && (
            <CheckResult check={state.check} importing={state.step === 'importing'} onImport={() => void runImport()} />
          )}
        </div>
      </section>
    </main>
  );
}

function CheckResult({ check, importing, onImport }: { check: TerritoryCheck; importing: boolean; onImport(): void }) {
  const { t } = useTranslation();
  if (check.valid && check.counts)
    return (
      <div className="territory-valid">
        <p className="territory-ok" data-testid="territory-valid">
          {t('territory.valid', { ...check.counts })}
        </p>
        <button type="button" className="button button-primary" disabled={importing} onClick={onImport}>
          {importing ? t('territory.importing') : t('territory.import')}
        </button>
      </div>
    );
  return (
    <div className="territory-issues">
      <p className="form-error">{t('territory.invalid', { count: check.issues.length })}</p>
      <div className="table-scroll">
        <table className="data-table" data-testid="territory-issues">
          <thead>
            <tr>
              <th scope="col" className="num">
                {t('territory.feature')}
              </th>
              <th scope="col">{t('territory.code')}</th>
              <th scope="col">{t('territory.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {check.issues.map((issue, i) => (
              <tr key={i}>
                <td className="num">{issue.index ?? t('territory.whole')}</td>
                <td className="mono">{issue.code ?? '—'}</td>
                <td>{issue.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
