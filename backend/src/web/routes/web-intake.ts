import { createRoute, z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { type InboundMessage, MAX_PHOTO_BYTES } from '@hotline/channels';
import { type WebAppealForm, requirePointPair, webAppealFieldsSchema, webAppealFormSchema, webChatMessageSchema } from '@hotline/channels/web';
import { createRouter, errorResponses } from '../http/index.ts';
import { actorOf } from '../http/index.ts';
import { ServiceError } from '../../platform/errors/index.ts';
import { chatLineSchema } from '../../messaging/index.ts';
import { citizenSession } from '../http/index.ts';
import { webAppealInbound, webChatInbound } from '../../intake/index.ts';
import { receiveInbound, webChatHistory } from '../../appeals/index.ts';
import { thankOnChat } from '../../followup/index.ts';
import type { AppCtx } from '../http/index.ts';
import { handleInbound } from '../channels/index.ts';

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
    200: {
      description: 'The same submission again (same clientSubmissionId): nothing new filed',
      content: { 'application/json': { schema: z.object({ caseNumber: z.string() }) } },
    },
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
      const ctx = actorOf(c);
      // A form always opens a new appeal: there is nothing for the interpreter to read in it.
      const result = await receiveInbound({ ctx, input: await webAppealInbound(ctx.territory, { form, photos, sessionHash }) });
      return c.json({ caseNumber: result.appeal.caseNumber }, result.replayed ? 200 : 201);
    })
    .openapi(chatHistoryRoute, async (c) => {
      const sessionHash = citizenSession(c, { create: false, secure: false });
      return c.json({ lines: sessionHash ? await webChatHistory({ ctx: actorOf(c), input: { sessionHash } }) : [] }, 200);
    })
    .openapi(chatSendRoute, async (c) => {
      const secure = c.var.deps.config.publicUrl.startsWith('https:');
      const sessionHash = citizenSession(c, { create: true, secure })!;
      const { message, appeal } = await sendWebChat(actorOf(c), webChatInbound({ chat: c.req.valid('json'), sessionHash }));
      return c.json(
        {
          line: { id: message.id, direction: message.direction, text: message.text, caseNumber: appeal.caseNumber, createdAt: message.createdAt.toISOString() },
        },
        201,
      );
    });
}

/**
 * A chat line follows up the visitor's current appeal, or opens one; a bare 1–5 answering a 回访
 * survey is recorded and thanked in the chat (once, not on a resend).
 */
async function sendWebChat(ctx: AppCtx, inbound: InboundMessage) {
  const outcome = await handleInbound(ctx, inbound);
  if (outcome.kind === 'rated') {
    if (!outcome.answer.replayed) await thankOnChat(ctx, outcome.answer);
    return outcome.answer;
  }
  if (outcome.kind !== 'filed') throw new Error(`a web chat line is never a ${outcome.kind}`);
  return outcome.filed;
}
