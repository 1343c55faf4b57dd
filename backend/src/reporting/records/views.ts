import { z } from 'zod';
import { channels } from '@hotline/channels';
import { appealStatuses, appealTypes, urgencies } from '../../appeals/index.ts';
import { eventStatuses } from '../../linkage/index.ts';

/** What the records show of a contact: their name and how they reach the hotline (never a web session). */
export const recordContactSchema = z.object({
  contactId: z.uuid(),
  name: z.string().nullable(),
  phones: z.array(z.string()),
  openids: z.array(z.string()),
});

export const recordEventSchema = z.object({
  id: z.uuid(),
  status: z.enum(eventStatuses),
  leadDepartmentCode: z.string(),
  timeLimitAt: z.iso.datetime(),
  closedAt: z.iso.datetime().nullable(),
  due: z.enum(['ok', 'soon', 'overdue']),
  /** The time-limit warnings raised on it: 签收超时, 黄牌, 红牌. */
  warnings: z.array(z.enum(['sign', 'yellow', 'red'])),
});

/** One row of 综合查询: an appeal and the event it became. */
export const recordRowSchema = z.object({
  appealId: z.uuid(),
  caseNumber: z.string(),
  channel: z.enum(channels),
  status: z.enum(appealStatuses),
  appealType: z.enum(appealTypes).nullable(),
  confidential: z.boolean(),
  categoryCode: z.string().nullable(),
  urgency: z.enum(urgencies),
  summary: z.string(),
  address: z.string().nullable(),
  gridCode: z.string().nullable(),
  receivedAt: z.iso.datetime(),
  decidedAt: z.iso.datetime().nullable(),
  assignee: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
  satisfaction: z.number().int().nullable(),
  reporterCount: z.number().int().min(1),
  event: recordEventSchema.nullable(),
  /** The center only; null for a department. */
  contact: recordContactSchema.nullable(),
});
export type RecordRow = z.infer<typeof recordRowSchema>;

export const recordPageSchema = z.object({
  items: z.array(recordRowSchema),
  /** How many rows match, over every page. */
  total: z.number().int().min(0),
  /** Pass as `cursor` for the next page; null on the last. */
  nextCursor: z.string().nullable(),
});
export type RecordPage = z.infer<typeof recordPageSchema>;

export const savedSearchSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  /** The search as a URL query string (`street=…&overdue=red`), the same the screen's address carries. */
  query: z.string(),
  createdAt: z.iso.datetime(),
});
export type SavedSearchView = z.infer<typeof savedSearchSchema>;
