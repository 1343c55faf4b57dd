import { createRoute, z } from '@hono/zod-openapi';
import { createRouter, errorResponses } from '../http/index.ts';
import { actorOf } from '../http/index.ts';
import { requireRole } from '../http/index.ts';
import { listWebhookDeliveries, retryWebhookDelivery } from '../../interop/linkage-webhooks/index.ts';
import { webhookDeliveryPageSchema, webhookDeliveryStatuses, webhookDeliveryViewSchema } from '../../interop/linkage-webhooks/index.ts';

const tags = ['admin'];
const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });

const listRoute = createRoute({
  method: 'get',
  path: '/api/admin/webhook-deliveries',
  tags,
  summary: 'The delivery log of outbound webhooks to the linkage platform, newest first (admins)',
  description:
    'Admins only, like the console screen: the payloads are the full notices sent to another system, and the log is integration plumbing, not case work.',
  middleware: [requireRole('admin')],
  request: {
    query: z.object({
      status: z.enum(webhookDeliveryStatuses).optional(),
      page: z.coerce.number().int().min(1).default(1),
      pageSize: z.coerce.number().int().min(1).max(100).default(20),
    }),
  },
  responses: { 200: { description: 'A page of deliveries', content: json(webhookDeliveryPageSchema) }, ...errorResponses(400, 401, 403) },
});

const retryRoute = createRoute({
  method: 'post',
  path: '/api/admin/webhook-deliveries/{id}/retry',
  tags,
  summary: 'Send a failed delivery again: pending now, with a fresh set of attempts (admins)',
  description: 'A delivery that is not failed is a 409 whose details.status names its state.',
  middleware: [requireRole('admin')],
  request: { params: z.object({ id: z.uuid() }) },
  responses: { 200: { description: 'The delivery, pending again', content: json(webhookDeliveryViewSchema) }, ...errorResponses(400, 401, 403, 404, 409) },
});

export function webhookDeliveryRoutes() {
  return createRouter()
    .openapi(listRoute, async (c) => c.json(await listWebhookDeliveries({ ctx: actorOf(c), input: c.req.valid('query') }), 200))
    .openapi(retryRoute, async (c) => c.json(await retryWebhookDelivery({ ctx: actorOf(c), input: c.req.valid('param') }), 200));
}
