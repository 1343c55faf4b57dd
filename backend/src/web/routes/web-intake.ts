import { createRoute, z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { MAX_PHOTO_BYTES } from '@hotline/channels';
import { type WebAppealForm, requirePointPair, webAppealFieldsSchema, webAppealFormSchema, webChatMessageSchema } from '@hotline/channels/web';
import { createRouter, errorResponses } from '../http/router.ts';
import { actorOf } from '../http/actor.ts';
import { ServiceError } from '../../platform/errors/index.ts';
import { chatLineSchema } from '../../appeals/views.ts';
import { citizenSession } from '../http/citizen-session.ts';
import { sendWebChat, submitWebAppeal, webChatHistory } from '../../intake/web-form.ts';

export const MAX_PHOTOS = 4;
const tags = ['public'];

const photo = z.instanceof(File).openapi({ type: 'string', format: 'binary' });
const multipartForm = requirePointPair(
  webAppealFieldsSchema.extend({
    photos: z
      .union([photo, z.array(photo)])
      .optional()
      .transform((p) => (p === undefined ? [] : Array.isArray(p) ? p : [p]))
      .pipe(z.array(photo).max(MAX_PHOTOS, `at most ${MAX_PHOTOS} photos`)),
  }),
);

const submitRoute = createRoute({
  method: 'post',
  path: '/api/public/appeals',
  tags,
  summary: 'Submit an appeal (诉求) from the citizen page; JSON, or multipart with photos',
  middleware: [bodyLimit({ maxSize: MAX_PHOTOS * MAX_PHOTO_BYTES + 1024 * 1024, onError: tooLarge })],
  request: {
    body: {
      required: false,
      content: {
        'application/json': { schema: webAppealFormSchema },
        'multipart/form-data': { schema: multipartForm },
      },
    },
  },
  responses: {
    201: { description: 'Filed; the case number (案件流水号)', content: { 'application/json': { schema: z.object({ caseNumber: z.string() }) } } },
    200: { description: 'The same submission again (same clientSubmissionId): nothing new filed', content: { 'application/json': { schema: z.object({ caseNumber: z.string() }) } } },
    ...errorResponses(400, 413, 415),
  },
});

const chatHistoryRoute = createRoute({
  method: 'get',
  path: '/api/public/chat',
  tags,
  summary: "The visitor's own web chat (by their session cookie)",
  responses: { 200: { description: 'Chat lines, oldest first', content: { 'application/json': { schema: z.object({ lines: z.array(chatLineSchema) }) } } } },
});

const chatSendRoute = createRoute({
  method: 'post',
  path: '/api/public/chat/messages',
  tags,
  summary: 'Send a live chat line to the hotline',
  request: { body: { required: true, content: { 'application/json': { schema: webChatMessageSchema } } } },
  responses: {
    201: { description: 'Received', content: { 'application/json': { schema: z.object({ line: chatLineSchema }) } } },
    ...errorResponses(400),
  },
});

function tooLarge(): never {
  throw new ServiceError('payload_too_large', `The request is larger than ${MAX_PHOTOS} photos of 10 MB allow`);
}

export function webIntakeRoutes() {
  return createRouter()
    .openapi(submitRoute, async (c) => {
      const type = c.req.header('content-type') ?? '';
      const multipart = type.startsWith('multipart/form-data');
      if (!multipart && !type.startsWith('application/json')) {
        throw new ServiceError('unsupported_media_type', 'Send the appeal as application/json or multipart/form-data');
      }
      let form: WebAppealForm = c.req.valid('json');
      let photos: File[] = [];
      // The typed helper merges both media types' schemas; the multipart one is the one that ran here.
      if (multipart) ({ photos, ...form } = c.req.valid('form') as z.output<typeof multipartForm>);
      const secure = c.var.deps.config.publicUrl.startsWith('https:');
      const sessionHash = citizenSession(c, { create: true, secure })!;
      const result = await submitWebAppeal({ ctx: actorOf(c), input: { form, photos, sessionHash } });
      return c.json({ caseNumber: result.appeal.caseNumber }, result.replayed ? 200 : 201);
    })
    .openapi(chatHistoryRoute, async (c) => {
      const sessionHash = citizenSession(c, { create: false, secure: false });
      return c.json({ lines: sessionHash ? await webChatHistory({ ctx: actorOf(c), input: { sessionHash } }) : [] }, 200);
    })
    .openapi(chatSendRoute, async (c) => {
      const secure = c.var.deps.config.publicUrl.startsWith('https:');
      const sessionHash = citizenSession(c, { create: true, secure })!;
      const { message, appeal } = await sendWebChat({ ctx: actorOf(c), input: { chat: c.req.valid('json'), sessionHash } });
      return c.json(
        { line: { id: message.id, direction: message.direction, text: message.text, caseNumber: appeal.caseNumber, createdAt: message.createdAt.toISOString() } },
        201,
      );
    });
}
