import { createRoute, z } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import { createRouter, errorResponses } from '../http/index.ts';
import { requireRole } from '../http/index.ts';
import { QUEUE_ROLES } from '../../identity/auth/index.ts';
import { notFound } from '../../platform/errors/index.ts';
import type { AppCtx } from '../http/index.ts';
import { STORED_FILE_POLICY, actorOf, storedFileHeaders } from '../http/index.ts';
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
    200: {
      description: 'The photo, as the JPEG, PNG, WebP or GIF its bytes are (nosniff, sandboxed)',
      content: { 'image/*': { schema: z.string().openapi({ format: 'binary' }) } },
    },
    302: { description: 'Kept by the provider: redirect to its URL' },
    ...errorResponses(401, 403, 404),
  },
});

/** Only a web address is followed: a provider's copy is fetched by the browser from the provider, on its origin. */
const isWebUrl = (url: string | null): url is string => /^https?:\/\//i.test(url ?? '');

export function attachmentRoutes() {
  return createRouter().openapi(attachmentRoute, async (c) => {
    const file = await readAttachment({ ctx: actorOf(c), input: c.req.valid('param') });
    if (!file.data) {
      // Kept by the provider (Twilio MMS, WeChat, an Open311 media_url): the hotline serves none of its bytes, nor any type for them.
      if (!isWebUrl(file.url)) throw notFound('Attachment');
      return c.body(null, 302, { location: file.url, ...STORED_FILE_POLICY });
    }
    return c.body(new Uint8Array(file.data), 200, storedFileHeaders(file));
  });
}
