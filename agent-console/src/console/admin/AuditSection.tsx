import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditPage } from '@hotline/backend/api-types';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { formatDateTime } from '../../shared/format.ts';
import { Pager } from '../common/Pager.tsx';
import { AUDIT_PAGE_SIZE } from './admin-api.ts';
import { type AuditFilters, NO_AUDIT_FILTERS, useAuditLog } from './useAuditLog.ts';

/** 审计日志: who changed what and when, before and after; filtered, paged, exported as CSV. */
export function AuditSection() {
  const { t } = useTranslation();
  const log = useAuditLog();
  const page = log.resource.value;
  return (
    <section aria-labelledby="admin-audit-heading" data-testid="admin-audit" aria-busy={log.resource.loading}>
      <div className="hot-toolbar">
        <h3 id="admin-audit-heading">{t('admin.sections.audit')}</h3>
        <a className="button button-small" href={log.csvPath} download>
          {t('admin.audit.export')}
        </a>
      </div>
      <AuditFilterForm applied={log.filters} onApply={log.apply} />
      {log.resource.error ? (
        <ErrorAlert error={log.resource.error} onRetry={log.resource.refetch} />
      ) : !page ? (
        <p className="muted">{t('common.loading')}</p>
      ) : page.items.length === 0 ? (
        <p className="card empty-state" data-testid="audit-empty">
          {t('admin.audit.empty')}
        </p>
      ) : (
        <>
          <AuditTable items={page.items} />
          <Pager page={log.page} pages={Math.max(1, Math.ceil(page.total / AUDIT_PAGE_SIZE))} onPage={log.setPage} />
        </>
      )}
    </section>
  );
}

const FILTER_FIELDS = ['actor', 'action', 'entityType', 'entityId'] as const;

function AuditFilterForm({ applied, onApply }: { applied: AuditFilters; onApply(filters: AuditFilters): void }) {
  const { t } = useTranslation();
  const baseId = useId();
  const [draft, setDraft] = useState(applied);
  const set = (key: keyof AuditFilters, value: string) => setDraft({ ...draft, [key]: value });

  function submit(event: FormEvent) {
    event.preventDefault();
    onApply(draft);
  }

  return (
    <form className="admin-filters" onSubmit={submit} aria-label={t('admin.audit.filters')}>
      {FILTER_FIELDS.map((key) => (
        <div className="field" key={key}>
          <label htmlFor={`${baseId}-${key}`}>{t(`admin.audit.${key}`)}</label>
          <input id={`${baseId}-${key}`} value={draft[key]} placeholder={t(`admin.audit.${key}Hint`)} onChange={(e) => set(key, e.target.value)} />
        </div>
      ))}
      {(['fromDate', 'toDate'] as const).map((key) => (
        <div className="field" key={key}>
          <label htmlFor={`${baseId}-${key}`}>{t(`admin.audit.${key}`)}</label>
          <input id={`${baseId}-${key}`} type="date" value={draft[key]} onChange={(e) => set(key, e.target.value)} />
        </div>
      ))}
      <div className="admin-filter-buttons">
        <button type="submit" className="button button-primary button-small">
          {t('admin.audit.apply')}
        </button>
        <button
          type="button"
          className="button button-small button-quiet"
          onClick={() => {
            setDraft(NO_AUDIT_FILTERS);
            onApply(NO_AUDIT_FILTERS);
          }}
        >
          {t('common.clear')}
        </button>
      </div>
    </form>
  );
}

const asJson = (value: unknown) => (value === null || value === undefined ? '—' : JSON.stringify(value));

function AuditTable({ items }: { items: AuditPage['items'] }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="table-scroll">
      <table className="data-table admin-table" data-testid="audit-table">
        <thead>
          <tr>
            <th scope="col">{t('admin.audit.at')}</th>
            <th scope="col">{t('admin.audit.actor')}</th>
            <th scope="col">{t('admin.audit.action')}</th>
            <th scope="col">{t('admin.audit.entity')}</th>
            <th scope="col">{t('admin.audit.before')}</th>
            <th scope="col">{t('admin.audit.after')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((e) => (
            <tr key={e.id} data-testid="audit-row">
              <td className="times">{formatDateTime(e.at, i18n.language)}</td>
              <td>{e.actorType === 'user' ? `${e.actorName ?? ''} (${e.actorUsername ?? e.actorId})` : t(`admin.audit.actorTypes.${e.actorType}`)}</td>
              <td className="mono">{e.action}</td>
              <td className="mono">
                {e.entityType} · {e.entityId}
              </td>
              <td className="mono admin-json">{asJson(e.before)}</td>
              <td className="mono admin-json">{asJson(e.after)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
