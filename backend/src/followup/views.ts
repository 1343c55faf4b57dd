import { z } from 'zod';
import { channels } from '@hotline/channels';
import { appealStatuses } from '../appeals/index.ts';
import { eventStatuses } from '../linkage/index.ts';

/** Steps of a case a citizen is shown: the appeal's decision, then the event's closed loop (no internal steps such as warnings or urging). */
export const publicSteps = [
  'received',
  'accepted',
  'rejected',
  'merged',
  'answered',
  'dispatched',
  'signed',
  'reported',
  'rework',
  'returned',
  'redispatched',
  'closed',
  'reopened',
  'cancelled',
] as const;

/** The event (事件) behind a case, as a citizen may see it: its step, the unit handling it, its time limit and, once closed, the result. */
export const publicEventSchema = z.object({
  status: z.enum(eventStatuses),
  department: z.object({ name: z.string(), nameEn: z.string() }),
  /** 办理时限, while the department still owes work (待签收, 处置中); otherwise null. */
  timeLimitAt: z.iso.datetime().nullable(),
  /** 处理结果, once closed. */
  result: z.string().nullable(),
  closedAt: z.iso.datetime().nullable(),
});
export type PublicEvent = z.infer<typeof publicEventSchema>;

/** What anyone holding a case number may see: progress, never personal data or the appeal's text. */
export const publicAppealSchema = z.object({
  caseNumber: z.string(),
  status: z.enum(appealStatuses),
  channel: z.enum(channels),
  submittedAt: z.iso.datetime(),
  decidedAt: z.iso.datetime().nullable(),
  rejectReason: z.string().nullable(),
  /** The event handling it (for a merged duplicate: the event of the case it was merged into); null before acceptance. */
  event: publicEventSchema.nullable(),
  /** The current step in words, as SMS, WeChat and the voice menu say it (zh-CN). */
  statusText: z.string(),
  progress: z.array(z.object({ step: z.enum(publicSteps), at: z.iso.datetime(), note: z.string().nullable() })),
});
export type PublicAppeal = z.infer<typeof publicAppealSchema>;
