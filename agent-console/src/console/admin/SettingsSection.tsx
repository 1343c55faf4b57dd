import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SettingsView } from '@hotline/backend/api-types';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { formatDateTime } from '../../shared/format.ts';
import { useApiResource } from '../common/useApiResource.ts';
import { useAsyncAction } from '../common/useAsyncAction.ts';
import { adminApi } from './admin-api.ts';

type Settings = SettingsView['settings'];
const NUMBER_SETTINGS = [
  'chatCapacity',
  'callCapacity',
  'serviceLevelTargetSeconds',
  'warnWaitingCount',
  'warnLongestWaitSeconds',
  'slaFirstResponseSeconds',
] as const satisfies (keyof Settings)[];

/** 运行参数: what changes while the hotline runs (stored, audited, on every instance at once), and the channels' state. */
export function SettingsSection({ onAnnounce }: { onAnnounce(message: string): void }) {
  const { t } = useTranslation();
  const resource = useApiResource('settings', (signal) => adminApi.settings(signal));
  return (
    <section aria-labelledby="admin-settings-heading" data-testid="admin-settings">
      <div className="hot-toolbar">
        <h3 id="admin-settings-heading">{t('admin.sections.settings')}</h3>
      </div>
      {resource.error ? (
        <ErrorAlert error={resource.error} onRetry={resource.refetch} />
      ) : !resource.value ? (
        <p className="muted">{t('common.loading')}</p>
      ) : (
        <>
          <SettingsForm
            key={JSON.stringify(resource.value.settings)}
            view={resource.value}
            onSaved={(view) => {
              resource.replace(() => view);
              onAnnounce(t('admin.settings.saved'));
            }}
          />
          <ChannelTable channels={resource.value.channels} />
        </>
      )}
    </section>
  );
}

function SettingsForm({ view, onSaved }: { view: SettingsView; onSaved(view: SettingsView): void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Settings>(view.settings);
  const save = useAsyncAction();
  const changed = (Object.keys(draft) as (keyof Settings)[]).filter((key) => draft[key] !== view.settings[key]);

  function submit(event: FormEvent) {
    event.preventDefault();
    const patch = Object.fromEntries(changed.map((key) => [key, draft[key]]));
    void save.run(async () => onSaved(await adminApi.updateSettings(patch)));
  }

  return (
    <form className="card admin-settings-form" onSubmit={submit} data-testid="settings-form">
      <div className="admin-filters">
        <div className="field">
          <label htmlFor="setting-routingMode">{t('admin.settings.routingMode')}</label>
          <select
            id="setting-routingMode"
            value={draft.routingMode}
            onChange={(e) => setDraft({ ...draft, routingMode: e.target.value as Settings['routingMode'] })}
          >
            <option value="auto">{t('admin.settings.modes.auto')}</option>
            <option value="manual">{t('admin.settings.modes.manual')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="setting-serviceHours">{t('admin.settings.serviceHours')}</label>
          <input id="setting-serviceHours" value={draft.serviceHours} required onChange={(e) => setDraft({ ...draft, serviceHours: e.target.value })} />
          <span className="field-hint">{t('admin.settings.defaultIs', { value: view.defaults.serviceHours })}</span>
        </div>
        {NUMBER_SETTINGS.map((key) => (
          <div className="field" key={key}>
            <label htmlFor={`setting-${key}`}>{t(`admin.settings.${key}`)}</label>
            <input
              id={`setting-${key}`}
              type="number"
              min={key === 'callCapacity' ? 0 : 1}
              required
              value={draft[key]}
              onChange={(e) => setDraft({ ...draft, [key]: Number(e.target.value) })}
            />
            <span className="field-hint">{t('admin.settings.defaultIs', { value: view.defaults[key] })}</span>
          </div>
        ))}
      </div>
      <ErrorAlert error={save.error} />
      <button type="submit" className="button button-primary" disabled={save.busy || changed.length === 0}>
        {save.busy ? t('admin.saving') : t('admin.save')}
      </button>
    </form>
  );
}

function ChannelTable({ channels }: { channels: SettingsView['channels'] }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="table-scroll">
      <table className="data-table admin-table" data-testid="channel-status">
        <caption>{t('admin.settings.channels')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('admin.settings.channel')}</th>
            <th scope="col">{t('admin.settings.configured')}</th>
            <th scope="col">{t('admin.settings.lastInbound')}</th>
            <th scope="col">{t('admin.settings.lastError')}</th>
          </tr>
        </thead>
        <tbody>
          {channels.map((c) => (
            <tr key={c.channel}>
              <td>{t(`channel.${c.channel}`)}</td>
              <td>
                <span className={`badge ${c.configured ? 'admin-state-on' : 'admin-state-off'}`}>
                  {c.configured ? t('admin.settings.yes') : t('admin.settings.no')}
                </span>
              </td>
              <td className="times">{c.lastInboundAt ? formatDateTime(c.lastInboundAt, i18n.language) : '—'}</td>
              <td>{c.lastDeliveryError ? `${formatDateTime(c.lastDeliveryError.at, i18n.language)} · ${c.lastDeliveryError.error}` : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
