import { z } from 'zod';
import { urgencies } from '../appeals/schema.ts';
import { eventStatuses } from './schema.ts';

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
 * or without a category the street sub-center of the grid; time limit by urgency. A field the
 * rules cannot fill is null.
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
  categoryCode: z.string().min(1).max(100),
  urgency: z.enum(urgencies),
  address: z.string().trim().max(500).nullable().optional(),
  gridCode: z.string().min(1).max(100).nullable().optional(),
  leadDepartmentCode: z.string().min(1).max(100),
  coDepartmentCodes: z.array(z.string().min(1).max(100)).max(20).optional(),
  timeLimitAt: z.iso.datetime({ offset: true }),
});
export type EventInput = z.infer<typeof eventInputSchema>;
