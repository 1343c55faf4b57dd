import { createRoute, z } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import { createRouter, errorResponses } from '../http/index.ts';
import { requireRole } from '../http/index.ts';
import { QUEUE_ROLES } from '../../identity/auth/index.ts';
import { notFound } from '../../platform/errors/index.ts';
import type { AppCtx } from '../http/index.ts';
import { actorOf } from '../http/index.ts';
import { attachments } from '../../messaging/index.ts';

/** A stored photo's bytes, for staff only: citizens' photos can show their homes and faces. */
export async function readAttachment({ ctx, input }: { ctx: AppCtx; input: { id: string } }) {
  const [file] = await ctx.db.select().from(attachments).where(eq(attachments.id, input.id));
  if (!file) throw notFound('Attachment');
  return file;
}

const attachmentRoute = createRoute({
  method: 'get',
  path: '/api/attachments/{id}',
  tags: ['appeals'],
  summary: 'An attachment (photo) of a message',
  middleware: [requireRole(...QUEUE_ROLES)],
  request: { params: z.object({ id: z.uuid() }) },
  responses: {
    200: { description: 'The file', content: { 'image/*': { schema: z.string().openapi({ format: 'binary' }) } } },
    302: { description: 'Kept by the provider: redirect to its URL' },
    ...errorResponses(401, 403, 404),
  },
});

export function attachmentRoutes() {
  return createRouter().openapi(attachmentRoute, async (c) => {
    const file = await readAttachment({ ctx: actorOf(c), input: c.req.valid('param') });
    if (!file.data) return c.redirect(file.url!, 302);
    return c.body(new Uint8Array(file.data), 200, {
      'content-type': file.contentType,
      'cache-control': 'private, max-age=3600',
      'x-content-type-options': 'nosniff',
    });
  });
}
