import type { AccountView, AdminDepartmentView, AuditPage, SessionUser, SettingsView } from '@hotline/backend/api-types';
import { apiRequest } from '../../shared/api.ts';

export type Role = SessionUser['role'];
export const ROLES: Role[] = ['agent', 'supervisor', 'handler', 'admin'];
export const SKILL_CHANNELS = ['voice', 'sms', 'wechat', 'web'] as const;

export interface AgentSkills {
  channels: string[];
  languages: string[];
  platforms: string[];
}

/** What the staff dialog sends: the account's fields (the username only when creating). */
export interface StaffForm {
  displayName: string;
  role: Role;
  departmentCode: string | null;
  chatCapacity: number | null;
  callCapacity: number | null;
  skills: AgentSkills | null;
}

/** A new account's (or a reset's) password: the one time it is shown. */
export interface IssuedPassword {
  username: string;
  password: string;
}

export interface DepartmentForm {
  name: string;
  nameEn: string;
  kind: 'department' | 'sub_center';
  streetCode: string | null;
}

export interface AuditQuery {
  actor: string;
  action: string;
  entityType: string;
  entityId: string;
  /** Local dates (YYYY-MM-DD) from the date inputs; the day of `to` is included. */
  fromDate: string;
  toDate: string;
  page: number;
}

export const AUDIT_PAGE_SIZE = 50;

const userPath = (id: string, action = '') => `/api/admin/users/${encodeURIComponent(id)}${action}`;

/** The filters as the API's query: empty ones left out, dates as the start of the local day. */
export function auditParams(query: Omit<AuditQuery, 'page'>): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of ['actor', 'action', 'entityType', 'entityId'] as const) if (query[key].trim()) params.set(key, query[key].trim());
  if (query.fromDate) params.set('from', new Date(`${query.fromDate}T00:00:00`).toISOString());
  if (query.toDate) {
    const end = new Date(`${query.toDate}T00:00:00`);
    end.setDate(end.getDate() + 1);
    params.set('to', end.toISOString());
  }
  return params;
}

/** 系统管理's API: staff accounts and the audit log (admins only). */
export const adminApi = {
  accounts: (signal?: AbortSignal) => apiRequest<{ items: AccountView[] }>('/api/admin/users', { signal }),
  createAccount: (form: StaffForm & { username: string }) => apiRequest<IssuedPassword & { id: string }>('/api/admin/users', { json: form }),
  updateAccount: (id: string, form: StaffForm) => apiRequest<AccountView>(userPath(id), { method: 'PATCH', json: form }),
  importAccounts: (csv: string) => apiRequest<{ items: (IssuedPassword & { id: string })[] }>('/api/admin/users/import', { json: { csv } }),
  resetPassword: (id: string) => apiRequest<{ password: string }>(userPath(id, '/reset-password'), { method: 'POST' }),
  endSessions: (id: string) => apiRequest<{ revoked: number }>(userPath(id, '/end-sessions'), { method: 'POST' }),
  setDisabled: (id: string, disabled: boolean) =>
    apiRequest<{ disabled: boolean; revokedSessions: number }>(userPath(id, disabled ? '/disable' : '/enable'), { method: 'POST' }),

  departments: (signal?: AbortSignal) => apiRequest<{ items: AdminDepartmentView[] }>('/api/admin/departments', { signal }),
  createDepartment: (form: DepartmentForm & { code: string }) => apiRequest<AdminDepartmentView>('/api/admin/departments', { json: form }),
  updateDepartment: (code: string, patch: Partial<DepartmentForm> & { retired?: boolean }) =>
    apiRequest<AdminDepartmentView>(`/api/admin/departments/${encodeURIComponent(code)}`, { method: 'PATCH', json: patch }),

  settings: (signal?: AbortSignal) => apiRequest<SettingsView>('/api/admin/settings', { signal }),
  updateSettings: (patch: Partial<SettingsView['settings']>) => apiRequest<SettingsView>('/api/admin/settings', { method: 'PATCH', json: patch }),

  audit: (query: AuditQuery, signal?: AbortSignal) => {
    const params = auditParams(query);
    params.set('page', String(query.page));
    params.set('pageSize', String(AUDIT_PAGE_SIZE));
    return apiRequest<AuditPage>(`/api/admin/audit?${params}`, { signal });
  },
  auditCsvPath: (query: Omit<AuditQuery, 'page'>) => `/api/admin/audit.csv?${auditParams(query)}`,
};
