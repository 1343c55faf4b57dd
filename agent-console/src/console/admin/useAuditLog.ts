import { useState } from 'react';
import { useApiResource } from '../common/useApiResource.ts';
import { type AuditQuery, adminApi } from './admin-api.ts';

export type AuditFilters = Omit<AuditQuery, 'page'>;
export const NO_AUDIT_FILTERS: AuditFilters = { actor: '', action: '', entityType: '', entityId: '', fromDate: '', toDate: '' };

/** 审计日志: the filters applied (edited in a form, applied on submit) and the page shown. */
export function useAuditLog() {
  const [filters, setFilters] = useState<AuditFilters>(NO_AUDIT_FILTERS);
  const [page, setPage] = useState(1);
  const query = { ...filters, page };
  const resource = useApiResource(JSON.stringify(query), (signal) => adminApi.audit(query, signal));

  function apply(next: AuditFilters) {
    setFilters(next);
    setPage(1);
  }

  return { filters, apply, page, setPage, resource, csvPath: adminApi.auditCsvPath(filters) };
}
