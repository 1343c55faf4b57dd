import { z } from 'zod';
import { channels } from '@hotline/channels';
import { deliveryStatuses } from './schema.ts';

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
  deliveryError: z.string().nullable(),
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
