import { z } from 'zod';
import { channels } from '@hotline/channels';
import { deliveryStatuses } from './schema.ts';
import { deliveryProblems } from './delivery-problem.ts';

/** What staff see of messages and citizens of their own web chat (plain zod: the console shares these types). */
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
  deliveryStatus: z.enum(deliveryStatuses).nullable(),
  /** The raw error of a failed delivery, for the detail toggle. */
  deliveryError: z.string().nullable(),
  /** What went wrong in plain words (the console says it), when the delivery failed. */
  deliveryProblem: z.enum(deliveryProblems).nullable(),
  /** When the outbox tries a failed delivery again; null once it has given up (or nothing failed). */
  deliveryRetryAt: z.iso.datetime().nullable(),
  location: z.object({ latitude: z.number(), longitude: z.number(), label: z.string().nullable() }).nullable(),
  attachments: z.array(attachmentViewSchema),
  createdAt: z.iso.datetime(),
});
export type MessageView = z.infer<typeof messageViewSchema>;

/** A line of the citizen's own web chat. */
export const chatLineSchema = z.object({
  id: z.uuid(),
  direction: z.enum(['in', 'out']),
  text: z.string(),
  caseNumber: z.string().nullable(),
  createdAt: z.iso.datetime(),
});
export type ChatLine = z.infer<typeof chatLineSchema>;
