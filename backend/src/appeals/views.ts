import { z } from 'zod';
import { channels } from '@hotline/channels';
import { appealStatuses, appealTypes, urgencies } from './schema.ts';
import { eventViewSchema } from '../linkage/views.ts';
import { eventStatuses } from '../linkage/schema.ts';

/**
 * What the API and the socket events show of appeals. Plain zod with no server imports,
 * so the console shares these types (see `api-types.ts`).
 */
export const appealSummarySchema = z.object({
  id: z.uuid(),
  caseNumber: z.string(),
  status: z.enum(appealStatuses),
  channel: z.enum(channels),
  summary: z.string(),
  appealType: z.enum(appealTypes).nullable(),
  categoryCode: z.string().nullable(),
  urgency: z.enum(urgencies),
  classificationConfidence: z.number().nullable(),
  address: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  gridCode: z.string().nullable(),
  gridName: z.string().nullable(),
  gridNameEn: z.string().nullable(),
  duplicateOfId: z.uuid().nullable(),
  assignee: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
  rejectReason: z.string().nullable(),
  messageCount: z.number().int(),
  /** Open duplicate suggestions an agent should look at (疑似重复). */
  duplicateSuggestions: z.number().int(),
  /** Citizens who reported this matter: 1 plus every appeal merged into it. */
  reporterCount: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  decidedAt: z.iso.datetime().nullable(),
  /** When the current holder got it (routing, a pick, a transfer). */
  assignedAt: z.iso.datetime().nullable(),
  /** The first answer by staff to the citizen. */
  firstResponseAt: z.iso.datetime().nullable(),
});
export type AppealSummary = z.infer<typeof appealSummarySchema>;

export const attachmentViewSchema = z.object({
  id: z.uuid(),
  contentType: z.string(),
  fileName: z.string().nullable(),
  byteSize: z.number().int().nullable(),
  /** Where the console loads it from (staff only). */
  href: z.string(),
});

export const messageViewSchema = z.object({
  id: z.uuid(),
  appealId: z.uuid().nullable(),
  channel: z.enum(channels),
  direction: z.enum(['in', 'out']),
  text: z.string(),
  author: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
  deliveryStatus: z.enum(['pending', 'queued', 'sent', 'delivered', 'undelivered', 'failed']).nullable(),
  deliveryError: z.string().nullable(),
  location: z.object({ latitude: z.number(), longitude: z.number(), label: z.string().nullable() }).nullable(),
  attachments: z.array(attachmentViewSchema),
  createdAt: z.iso.datetime(),
});
export type MessageView = z.infer<typeof messageViewSchema>;

/** A phone call behind an appeal, as the agent sees it live. */
export const callViewSchema = z.object({
  callSid: z.string(),
  appealId: z.uuid().nullable(),
  status: z.enum(['queued', 'ringing', 'in-progress', 'completed', 'busy', 'no-answer', 'failed', 'canceled']),
  /** When the caller started waiting for an agent, if they did. */
  enqueuedAt: z.iso.datetime().nullable(),
  /** bridged (answered), hangup (abandoned while waiting), leave, queue-full… */
  queueResult: z.string().nullable(),
  durationSeconds: z.number().int().nullable(),
  startedAt: z.iso.datetime(),
  endedAt: z.iso.datetime().nullable(),
});
export type CallView = z.infer<typeof callViewSchema>;

const scoredLabelSchema = z.object({
  label: z.string(),
  confidence: z.number(),
  alternatives: z.array(z.object({ label: z.string(), confidence: z.number() })),
});

/** What NLP made of the appeal, for the agent to confirm or correct. */
export const classificationViewSchema = z.object({
  modelVersion: z.string(),
  type: scoredLabelSchema.nullable(),
  category: scoredLabelSchema.nullable(),
  urgencyEvidence: z.array(z.string()),
  location: z.object({ source: z.enum(['channel', 'address', 'none']), matched: z.string().nullable() }),
  /** Who corrected it, if an agent did. */
  correctedBy: z.string().optional(),
});
export type ClassificationView = z.infer<typeof classificationViewSchema>;

/** Another appeal that may be the same matter, with the evidence for it. */
export const duplicateViewSchema = z.object({
  appeal: appealSummarySchema,
  score: z.number(),
  decision: z.enum(['attach', 'suggest']),
  evidence: z.object({
    sharedTerms: z.array(z.string()),
    distanceMeters: z.number().nullable(),
    minutesApart: z.number(),
    textSimilarity: z.number(),
    sameCategory: z.boolean().nullable(),
  }),
});
export type DuplicateView = z.infer<typeof duplicateViewSchema>;

/** A private note on an appeal: colleagues only, never sent to the citizen. */
export const noteViewSchema = z.object({
  id: z.uuid(),
  author: z.object({ id: z.uuid(), displayName: z.string() }),
  text: z.string(),
  createdAt: z.iso.datetime(),
});
export type NoteView = z.infer<typeof noteViewSchema>;

/** Pushed to staff as `note:new`: the note and the appeal it is on. */
export const noteEventSchema = noteViewSchema.extend({ appealId: z.uuid() });
export type NoteEvent = z.infer<typeof noteEventSchema>;

/** Another appeal of the same citizen, on any channel. */
export const contactHistoryItemSchema = z.object({
  id: z.uuid(),
  caseNumber: z.string(),
  channel: z.enum(channels),
  status: z.enum(appealStatuses),
  summary: z.string(),
  createdAt: z.iso.datetime(),
});
export type ContactHistoryItem = z.infer<typeof contactHistoryItemSchema>;

export const appealDetailSchema = appealSummarySchema.extend({
  contact: z.object({
    id: z.uuid(),
    name: z.string().nullable(),
    identities: z.array(z.object({ kind: z.enum(['phone', 'wechat_openid', 'web_session']), value: z.string() })),
  }),
  /** 区 → 街道 → 社区 → 网格 names of the appeal's grid. */
  gridPath: z.array(z.object({ code: z.string(), name: z.string(), nameEn: z.string(), level: z.string() })),
  messages: z.array(messageViewSchema),
  calls: z.array(callViewSchema),
  classification: classificationViewSchema.nullable(),
  /** Likely duplicates among open appeals, best first. */
  duplicates: z.array(duplicateViewSchema),
  /** Appeals merged into this one: every reporter is told the outcome. */
  mergedReporters: z.array(z.object({ id: z.uuid(), caseNumber: z.string(), channel: z.enum(channels), createdAt: z.iso.datetime() })),
  /** Private notes, oldest first. */
  notes: z.array(noteViewSchema),
  /** The citizen's other appeals across channels, newest first (at most 20). */
  contactHistory: z.array(contactHistoryItemSchema),
  /** The event (事件) the appeal became when accepted. */
  event: eventViewSchema.nullable(),
});
export type AppealDetail = z.infer<typeof appealDetailSchema>;

export const appealPageSchema = z.object({
  items: z.array(appealSummarySchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type AppealPage = z.infer<typeof appealPageSchema>;

/** Steps of a case a citizen is shown: the appeal's decision, then the event's closed loop (no internal steps such as warnings or urging). */
export const publicSteps = ['received', 'accepted', 'rejected', 'merged', 'answered', 'dispatched', 'signed', 'reported', 'rework', 'returned', 'redispatched', 'closed', 'reopened', 'cancelled'] as const;

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

/** A line of the citizen's own web chat. */
export const chatLineSchema = z.object({
  id: z.uuid(),
  direction: z.enum(['in', 'out']),
  text: z.string(),
  caseNumber: z.string().nullable(),
  createdAt: z.iso.datetime(),
});
export type ChatLine = z.infer<typeof chatLineSchema>;

/** Hot words and hot issues (热词, 热点问题) for supervisors, per day or week and per street. */
export const hotReportSchema = z.object({
  period: z.enum(['day', 'week']),
  from: z.iso.datetime(),
  streetCode: z.string().nullable(),
  appeals: z.number().int(),
  terms: z.array(z.object({ term: z.string(), docs: z.number().int(), count: z.number().int() })),
  issues: z.array(
    z.object({
      period: z.string(),
      street: z.string(),
      size: z.number().int(),
      terms: z.array(z.string()),
      category: z.string().nullable(),
      caseNumbers: z.array(z.string()),
      first: z.iso.datetime(),
      last: z.iso.datetime(),
    }),
  ),
});
export type HotReport = z.infer<typeof hotReportSchema>;

/** To supervisors and agents: an emergency (fire, gas, injury…) arrived and jumped the queue. */
export const emergencyAlertSchema = z.object({ appeal: appealSummarySchema, evidence: z.array(z.string()) });
export type EmergencyAlert = z.infer<typeof emergencyAlertSchema>;
