import { z } from 'zod';
import { outboxStatuses } from '../../platform/outbox/index.ts';
import { webhookTopics } from './payload.ts';

export const webhookDeliveryStatuses = outboxStatuses;

/** One notice to the linkage platform in the admins' delivery log (`GET /api/admin/webhook-deliveries`). */
export const webhookDeliveryViewSchema = z.object({
  id: z.uuid(),
  topic: z.enum(webhookTopics),
  eventId: z.uuid().nullable(),
  /** The event's case number, for finding it in the console. */
  caseNumber: z.string().nullable(),
  url: z.string(),
  status: z.enum(webhookDeliveryStatuses),
  attempts: z.number().int(),
  /** When a pending delivery is tried next. */
  nextAttemptAt: z.iso.datetime(),
  lastStatusCode: z.number().int().nullable(),
  lastError: z.string().nullable(),
  deliveredAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  /** The JSON body exactly as posted (see the README for its fields). */
  payload: z.record(z.string(), z.unknown()),
});
export type WebhookDeliveryView = z.infer<typeof webhookDeliveryViewSchema>;

export const webhookDeliveryPageSchema = z.object({
  items: z.array(webhookDeliveryViewSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type WebhookDeliveryPage = z.infer<typeof webhookDeliveryPageSchema>;
