import { z } from 'zod';
import { channels } from '@hotline/channels';
import { appealStatuses, appealTypes, urgencies } from './schema.ts';
import { messageViewSchema } from '../messaging/index.ts';

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
  /** 举报人保密 marked by hand; a 举报 (appealType report) is confidential without it. */
  confidential: z.boolean(),
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
    /** Identical or nearly identical specific wording (merged without a place). */
    identicalText: z.boolean().optional(),
    /** Both are emergencies (an emergency is matched only with another of the same matter). */
    emergency: z.boolean().optional(),
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

/** One appeal as an agent works it: its contact, conversation, classification, duplicates and notes. */
export const appealRecordSchema = appealSummarySchema.extend({
  contact: z.object({
    id: z.uuid(),
    name: z.string().nullable(),
    identities: z.array(z.object({ kind: z.enum(['phone', 'wechat_openid', 'web_session']), value: z.string() })),
  }),
  /** 区 → 街道 → 社区 → 网格 names of the appeal's grid. */
  gridPath: z.array(z.object({ code: z.string(), name: z.string(), nameEn: z.string(), level: z.string() })),
  messages: z.array(messageViewSchema),
  classification: classificationViewSchema.nullable(),
  /** Likely duplicates among open appeals, best first. */
  duplicates: z.array(duplicateViewSchema),
  /** Appeals merged into this one: every reporter is told the outcome. */
  mergedReporters: z.array(z.object({ id: z.uuid(), caseNumber: z.string(), channel: z.enum(channels), createdAt: z.iso.datetime() })),
  /** Private notes, oldest first. */
  notes: z.array(noteViewSchema),
  /** The citizen's other appeals across channels, newest first (at most 20). */
  contactHistory: z.array(contactHistoryItemSchema),
});
export type AppealRecord = z.infer<typeof appealRecordSchema>;

export const appealPageSchema = z.object({
  items: z.array(appealSummarySchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type AppealPage = z.infer<typeof appealPageSchema>;

/** To supervisors and agents: an emergency (fire, gas, injury…) arrived and jumped the queue. */
export const emergencyAlertSchema = z.object({ appeal: appealSummarySchema, evidence: z.array(z.string()) });
export type EmergencyAlert = z.infer<typeof emergencyAlertSchema>;
