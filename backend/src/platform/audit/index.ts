export { recordAudit, recordAudits } from './record.ts';
export { auditLog } from './schema.ts';
