import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Open311SettingsView } from '@hotline/backend/api-types';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { formatDateTime } from '../../shared/format.ts';
import { staffApi } from '../api.ts';
import { useApiResource } from '../common/useApiResource.ts';
import { type Open311Form, formOf, inputOf, parseServiceCodes } from './open311-form.ts';

/**
 * 外部系统对接: a department that runs its own case system is marked external here (its Open311
 * address, key, jurisdiction, our categories → its service codes); the latest requests sent there
 * and the last read of its updates show how it fares. Admins only.
 */
export function Open311Panel({ onAnnounce }: { onAnnounce(message: string): void }) {
  const { t } = useTranslation();
  const departments = useApiResource('departments', (signal) => staffApi.departments(signal));
  const [code, setCode] = useState('');
  const settings = useApiResource(`open311|${code}`, (signal) => (code ? staffApi.open311Settings(code, signal) : Promise.resolve(null)));
  return (
    <section className="card open311-panel" aria-labelledby="open311-heading" data-testid="open311-panel">
      <h2 id="open311-heading">{t('open311Panel.heading')}</h2>
      <p className="muted">{t('open311Panel.intro')}</p>
      <label className="field">
        <span>{t('open311Panel.department')}</span>
        <select value={code} onChange={(e) => setCode(e.target.value)} data-testid="open311-department">
          <option value="">{t('open311Panel.choose')}</option>
          {departments.value?.departments.map((d) => (
            <option key={d.code} value={d.code}>
              {d.name}
            </option>
          ))}
        </select>
      </label>
      {settings.error ? <ErrorAlert error={settings.error} onRetry={settings.refetch} /> : null}
      {code && settings.value ? (
        <SettingsForm
          key={code}
          view={settings.value}
          onSaved={(saved) => {
            settings.replace(() => saved);
            onAnnounce(t('open311Panel.saved'));
          }}
        />
      ) : code && settings.loading ? (
        <p className="muted">{t('common.loading')}</p>
      ) : null}
    </section>
  );
}

function SettingsForm({ view, onSaved }: { view: Open311SettingsView; onSaved(view: Open311SettingsView): void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState<Open311Form>(() => formOf(view));
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [badLine, setBadLine] = useState<string | null>(null);
  useEffect(() => setForm(formOf(view)), [view]);
  const set = (patch: Partial<Open311Form>) => setForm((f) => ({ ...f, ...patch }));

  async function save(e: FormEvent) {
    e.preventDefault();
    const parsed = parseServiceCodes(form.serviceCodes);
    setBadLine('badLine' in parsed ? parsed.badLine : null);
    if ('badLine' in parsed) return;
    setSaving(true);
    setError(null);
    try {
      onSaved(await staffApi.saveOpen311Settings(view.departmentCode, inputOf(form, parsed.codes)));
    } catch (failure) {
      setError(failure);
    } finally {
      setSaving(false);
    }
  }

  return (
    <form className="open311-form" onSubmit={(e) => void save(e)} aria-busy={saving}>
      <label className="checkbox">
        <input type="checkbox" checked={form.enabled} onChange={(e) => set({ enabled: e.target.checked })} /> {t('open311Panel.enabled')}
      </label>
      <label className="field">
        <span>{t('open311Panel.baseUrl')}</span>
        <input type="url" required value={form.baseUrl} placeholder="https://cases.example.gov/open311/v2" onChange={(e) => set({ baseUrl: e.target.value })} />
      </label>
      <label className="field">
        <span>{t('open311Panel.apiKey')}</span>
        <input
          type="password"
          autoComplete="off"
          required={!view.configured}
          value={form.apiKey}
          placeholder={view.apiKeyHint ? t('open311Panel.keepKey', { hint: view.apiKeyHint }) : ''}
          onChange={(e) => set({ apiKey: e.target.value })}
        />
      </label>
      <label className="field">
        <span>{t('open311Panel.jurisdiction')}</span>
        <input value={form.jurisdictionId} onChange={(e) => set({ jurisdictionId: e.target.value })} />
      </label>
      <label className="field">
        <span>{t('open311Panel.serviceCodes')}</span>
        <textarea rows={4} value={form.serviceCodes} placeholder="city-appearance=WTR-12" onChange={(e) => set({ serviceCodes: e.target.value })} />
      </label>
      {badLine ? (
        <p className="alert alert-error" role="alert">
          {t('open311Panel.badLine', { line: badLine })}
        </p>
      ) : null}
      <label className="field">
        <span>{t('open311Panel.interval')}</span>
        <input type="number" min={10} max={86400} required value={form.pollIntervalSeconds} onChange={(e) => set({ pollIntervalSeconds: e.target.value })} />
      </label>
      <ErrorAlert error={error} title={t('open311Panel.saveFailed')} />
      <button type="submit" className="button" disabled={saving}>
        {saving ? t('common.loading') : t('open311Panel.save')}
      </button>
      <Health view={view} />
    </form>
  );
}

/** How the department's system fared: the last read of its updates and the latest requests sent there. */
function Health({ view }: { view: Open311SettingsView }) {
  const { t, i18n } = useTranslation();
  if (!view.configured) return <p className="muted empty-state">{t('open311Panel.notConfigured')}</p>;
  return (
    <div className="open311-health">
      <p className={view.lastPollError ? 'alert alert-error' : 'muted'} data-testid="open311-poll">
        {view.lastPollError
          ? t('open311Panel.pollFailed', { error: view.lastPollError })
          : view.lastPolledAt
            ? t('open311Panel.polledAt', { time: formatDateTime(view.lastPolledAt, i18n.language) })
            : t('open311Panel.neverPolled')}
      </p>
      {view.recentDispatches.length === 0 ? (
        <p className="muted empty-state">{t('open311Panel.noDispatches')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table" data-testid="open311-dispatches">
            <thead>
              <tr>
                <th scope="col">{t('open311Panel.case')}</th>
                <th scope="col">{t('open311Panel.theirId')}</th>
                <th scope="col">{t('open311Panel.status')}</th>
                <th scope="col">{t('open311Panel.lastError')}</th>
              </tr>
            </thead>
            <tbody>
              {view.recentDispatches.map((d) => (
                <tr key={`${d.eventId}|${d.createdAt}`}>
                  <td>{d.caseNumber ?? d.eventId}</td>
                  <td>{d.serviceRequestId ?? '—'}</td>
                  <td>{t(`webhookLog.filters.${d.status}`)}</td>
                  <td>{d.lastError ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
