import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { PRESENCE_STATUSES, type PresenceStatus } from '../contract.ts';
import type { Presence } from './usePresence.ts';

/**
 * The agent's presence in the header: a native select (keyboard and screen readers know it) with the
 * status colour beside it, and the load against capacity. Only 在线 agents are routed new work.
 */
export function PresenceSwitch({ presence }: { presence: Presence }) {
  const { t } = useTranslation();
  const id = useId();
  const current = presence.presence;
  if (!presence.enabled) return null;
  if (!current) {
    if (!presence.error) return <span className="presence muted">{t('common.loading')}</span>;
    return (
      <button type="button" className="button button-small button-quiet presence-failed" title={t('console.presence.failed')} onClick={presence.retry}>
        {t('console.presence.failedShort')}
      </button>
    );
  }
  const status = presence.saving ?? current.status;
  return (
    <div className={`presence presence-${status}`} data-testid="presence" data-status={current.status}>
      <span className="presence-dot" aria-hidden="true" />
      <label htmlFor={id} className="visually-hidden">
        {t('console.presence.label')}
      </label>
      <select id={id} value={status} disabled={presence.saving !== null} onChange={(e) => void presence.change(e.target.value as PresenceStatus)}>
        <PresenceOptions />
      </select>
      <span className="presence-load" data-testid="presence-load" title={t('console.presence.loadTitle')}>
        {t('console.presence.load', { chats: current.load.chats, chatCap: current.capacity.chats, calls: current.load.calls, callCap: current.capacity.calls })}
      </span>
      {presence.error ? (
        <span role="alert" className="presence-error">
          {t('console.presence.saveFailed')}
        </span>
      ) : null}
    </div>
  );
}

/** 在线, 忙碌, 离开, 离线: the options of a presence select (the agent's own, or a supervisor's for an agent). */
export function PresenceOptions() {
  const { t } = useTranslation();
  return (
    <>
      {PRESENCE_STATUSES.map((status) => (
        <option key={status} value={status}>
          {t(`console.presence.status.${status}`)}
        </option>
      ))}
    </>
  );
}
