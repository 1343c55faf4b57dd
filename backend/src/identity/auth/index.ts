// The domain events this layer publishes join the one catalogue (declaration merging).
import './domain-events.ts';
export { listAccounts, logoutEverywhere, setAccountDisabled } from './accounts.ts';
export { type NewStaff, type StaffFields, auditedFields, changeOwnPassword, endSessions, insertStaffUser, resetPassword, updateStaffUser } from './staff.ts';
export { MIN_PASSWORD_LENGTH, assertPasswordPolicy, generatePassword, passwordProblem } from './password-policy.ts';
export { addUsers } from './add-users.ts';
export { AUDIT_EXPORT_LIMIT, type AuditEntryView, type AuditFilter, auditExport, auditPage } from './audit-trail.ts';
export type { Actor, Ctx, Deps, TxCtx } from './context.ts';
export { hashPassword } from './password.ts';
export { QUEUE_ROLES, ROSTER_ROLES, SESSION_COOKIE, STAFF_ROLES } from './roles.ts';
export { type Role, roles, sessions, type User, users } from './schema.ts';
export { hashToken, liveSessions, login, logout, resolveSession, type SessionUser } from './sessions.ts';
