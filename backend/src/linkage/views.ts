import { z } from 'zod';
import { channels, inputDate, inputText } from '@hotline/channels';
import { urgencies } from '../appeals/index.ts';
import { eventActions, eventStatuses } from './schema.ts';
import { staffActions } from './lifecycle.ts';

/**
 * What the API shows of events (事件) and what accepting an appeal as one takes. Plain zod,
 * shared with the console through `api-types.ts`.
 */
export const eventViewSchema = z.object({
  id: z.uuid(),
  status: z.enum(eventStatuses),
  categoryCode: z.string(),
  urgency: z.enum(urgencies),
  leadDepartmentCode: z.string(),
  coDepartmentCodes: z.array(z.string()),
  timeLimitAt: z.iso.datetime(),
});
export type EventView = z.infer<typeof eventViewSchema>;

/**
 * The event form, pre-filled from NLP and the routing rules: category → lead and co-departments,
 * or without a category the street sub-center of the grid; time limit by the 时限 rules. A field
 * the rules cannot fill is null.
 */
export const eventDraftSchema = z.object({
  categoryCode: z.string().nullable(),
  urgency: z.enum(urgencies),
  address: z.string().nullable(),
  gridCode: z.string().nullable(),
  leadDepartmentCode: z.string().nullable(),
  coDepartmentCodes: z.array(z.string()),
  timeLimitAt: z.iso.datetime(),
});
export type EventDraft = z.infer<typeof eventDraftSchema>;

/** The body of `POST /api/appeals/{id}/accept`: the event as the agent confirmed it. */
export const eventInputSchema = z.object({
  categoryCode: inputText().min(1).max(100),
  urgency: z.enum(urgencies),
  address: inputText().trim().max(500).nullable().optional(),
  gridCode: inputText().min(1).max(100).nullable().optional(),
  leadDepartmentCode: inputText().min(1).max(100),
  coDepartmentCodes: z.array(inputText().min(1).max(100)).max(20).optional(),
  timeLimitAt: inputDate(),
});
export type EventInput = z.infer<typeof eventInputSchema>;

/** How close the event is to its time limit: `soon` past the yellow line (临期), `overdue` past the limit (sign-for or completion). */
export const dueStates = ['ok', 'soon', 'overdue'] as const;

/** One event in a worklist (`GET /api/events`). */
export const eventSummarySchema = z.object({
  id: z.uuid(),
  appealId: z.uuid(),
  caseNumber: z.string(),
  status: z.enum(eventStatuses),
  /** The appeal's first words, as in the queue. */
  summary: z.string(),
  categoryCode: z.string(),
  urgency: z.enum(urgencies),
  address: z.string().nullable(),
  gridCode: z.string().nullable(),
  leadDepartmentCode: z.string(),
  coDepartmentCodes: z.array(z.string()),
  dispatchedAt: z.iso.datetime(),
  signDueAt: z.iso.datetime(),
  timeLimitAt: z.iso.datetime(),
  warnAt: z.iso.datetime(),
  signedAt: z.iso.datetime().nullable(),
  reportedAt: z.iso.datetime().nullable(),
  closedAt: z.iso.datetime().nullable(),
  due: z.enum(dueStates),
  urgeCount: z.number().int(),
  supervised: z.boolean(),
  /** A 延期申请 waits for the center. */
  extensionPending: z.boolean(),
  /** Citizens linked to it: the appeal plus every duplicate merged into it. */
  reporterCount: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type EventSummary = z.infer<typeof eventSummarySchema>;

/** `GET /api/events/counts`: how many events the caller may see, by state, for the worklist tabs. */
export const eventCountsSchema = z.object({
  byStatus: z.record(z.enum(eventStatuses), z.number().int()),
  /** Open events with a 延期申请 waiting. */
  extensionPending: z.number().int(),
  /** Open events past the yellow line (临期) but not overdue, and those overdue (超期). */
  soon: z.number().int(),
  overdue: z.number().int(),
  total: z.number().int(),
});
export type EventCounts = z.infer<typeof eventCountsSchema>;

export const eventPageSchema = z.object({
  items: z.array(eventSummarySchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type EventPage = z.infer<typeof eventPageSchema>;

export const eventStepViewSchema = z.object({
  id: z.uuid(),
  action: z.enum(eventActions),
  fromStatus: z.enum(eventStatuses).nullable(),
  toStatus: z.enum(eventStatuses),
  departmentCode: z.string().nullable(),
  actor: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
  note: z.string().nullable(),
  detail: z.string().nullable(),
  /** Report photos, loaded from `href` (staff only). */
  photos: z.array(z.object({ id: z.uuid(), contentType: z.string(), href: z.string() })),
  createdAt: z.iso.datetime(),
});
export type EventStepView = z.infer<typeof eventStepViewSchema>;

export const extensionViewSchema = z.object({
  id: z.uuid(),
  departmentCode: z.string(),
  reason: z.string(),
  requestedTimeLimitAt: z.iso.datetime(),
  status: z.enum(['pending', 'approved', 'denied']),
  decisionNote: z.string().nullable(),
  createdAt: z.iso.datetime(),
  decidedAt: z.iso.datetime().nullable(),
});

/** A citizen linked to the event and their 回访 state. Not shown to departments (举报人保密). */
export const reporterViewSchema = z.object({
  appealId: z.uuid(),
  caseNumber: z.string(),
  channel: z.enum(channels),
  surveyAskedAt: z.iso.datetime().nullable(),
  satisfaction: z.number().int().min(1).max(5).nullable(),
  ratedVia: z.string().nullable(),
});

/** `GET /api/events/{id}`: the event, its timeline, extensions, and the steps the caller may take now. */
export const eventDetailSchema = eventSummarySchema.extend({
  result: z.string().nullable(),
  steps: z.array(eventStepViewSchema),
  extensions: z.array(extensionViewSchema),
  /** Empty for department handlers. */
  reporters: z.array(reporterViewSchema),
  /** Exactly the buttons to show this user. */
  actions: z.array(z.enum(staffActions as [string, ...string[]])),
});
export type EventDetail = z.infer<typeof eventDetailSchema>;

/**
 * The body of `POST /api/events/{id}/steps` (JSON): one staff step. `report` may instead be sent
 * as multipart/form-data with `note` and up to 4 `photos`.
 */
export const stepInputSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('sign'), note: inputText().trim().max(2000).optional() }),
  z.object({ action: z.literal('report'), note: inputText().trim().min(1).max(4000) }),
  z.object({ action: z.literal('request_extension'), note: inputText().trim().min(1).max(2000), timeLimitAt: inputDate() }),
  z.object({ action: z.literal('approve_extension'), note: inputText().trim().max(2000).optional() }),
  z.object({ action: z.literal('deny_extension'), note: inputText().trim().min(1).max(2000) }),
  z.object({ action: z.literal('return'), note: inputText().trim().min(1).max(2000) }),
  z.object({
    action: z.literal('redispatch'),
    note: inputText().trim().max(2000).optional(),
    leadDepartmentCode: inputText().min(1).max(100),
    coDepartmentCodes: z.array(inputText().min(1).max(100)).max(20).optional(),
  }),
  z.object({ action: z.literal('verify_pass'), note: inputText().trim().max(2000).optional() }),
  z.object({ action: z.literal('verify_fail'), note: inputText().trim().min(1).max(2000) }),
  z.object({ action: z.literal('urge'), note: inputText().trim().max(2000).optional() }),
  z.object({ action: z.literal('supervise'), note: inputText().trim().min(1).max(2000) }),
  z.object({ action: z.literal('cancel'), note: inputText().trim().min(1).max(2000) }),
  z.object({ action: z.literal('reopen'), note: inputText().trim().min(1).max(2000) }),
  z.object({ action: z.literal('callback'), appealId: z.uuid(), satisfaction: z.number().int().min(1).max(5), note: inputText().trim().max(2000).optional() }),
]);
export type StepInput = z.infer<typeof stepInputSchema>;

/** A 时限 rule (`GET /api/time-limit-rules`): per category (`*` for any) and urgency, sign-for and completion limits. */
export const timeLimitRuleViewSchema = z.object({
  categoryCode: z.string(),
  urgency: z.enum(urgencies),
  signForAmount: z.number().int(),
  signForUnit: z.enum(['hours', 'working_days']),
  completionAmount: z.number().int(),
  completionUnit: z.enum(['hours', 'working_days']),
});
export type TimeLimitRuleView = z.infer<typeof timeLimitRuleViewSchema>;
