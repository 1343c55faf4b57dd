import twilio from 'twilio';
import { z } from 'zod';
import { type InboundAttachment, type InboundMessage, InvalidInboundError, inboundMessageSchema, inputText } from '../types.ts';

/** The parameters of Twilio's incoming-message webhook that matter here (it sends many more). */
const smsWebhookSchema = z.object({
  MessageSid: z.string().regex(/^(SM|MM)[0-9a-fA-F]{32}$/, 'MessageSid is not a Twilio message SID'),
  AccountSid: z.string().regex(/^AC[0-9a-fA-F]{32}$/),
  From: inputText().min(3).max(40),
  To: inputText().min(3).max(40),
  Body: inputText().max(1600).default(''),
  NumMedia: z.coerce.number().int().min(0).max(10).default(0),
});

function mediaOf(params: Record<string, string>, count: number): InboundAttachment[] {
  return Array.from({ length: count }, (_, i) => {
    const url = params[`MediaUrl${i}`];
    const contentType = params[`MediaContentType${i}`];
    if (!url || !contentType) throw new InvalidInboundError('invalid', `NumMedia says ${count} but MediaUrl${i}/MediaContentType${i} is missing`);
    return { contentType, url };
  });
}

/** Twilio's SMS/MMS webhook → one normalized inbound message (what it means, STOP or 查询, is the backend's to decide). */
export function parseSms(params: Record<string, string>, receivedAt: Date): InboundMessage {
  const parsed = smsWebhookSchema.safeParse(params);
  if (!parsed.success) throw new InvalidInboundError('invalid', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  const sms = parsed.data;
  const attachments = mediaOf(params, sms.NumMedia);
  const text = sms.Body.trim() || (attachments.length ? '[彩信图片]' : '');
  if (!text) throw new InvalidInboundError('invalid', 'The message has neither text nor media');
  // The shared schema has the last word (a MediaUrl that is no URL, say): its refusal is the channel's refusal.
  const inbound = inboundMessageSchema.safeParse({
    channel: 'sms',
    sender: { kind: 'phone', value: sms.From },
    text,
    attachments,
    providerMessageId: sms.MessageSid,
    receivedAt,
  });
  if (!inbound.success) throw new InvalidInboundError('invalid', inbound.error.issues.map((i) => `${i.path.join('.') || 'message'}: ${i.message}`).join('; '));
  return inbound.data;
}

/** Twilio's message status callback; only the states we record. */
export const smsStatusSchema = z.object({
  MessageSid: inputText().min(1),
  MessageStatus: z.enum([
    'accepted',
    'scheduled',
    'queued',
    'sending',
    'sent',
    'delivered',
    'undelivered',
    'failed',
    'read',
    'receiving',
    'received',
    'canceled',
  ]),
  ErrorCode: inputText().optional(),
});
export type SmsStatus = z.infer<typeof smsStatusSchema>;

/** Twilio's many states folded into the hotline's delivery states. */
export function deliveryStateOf(status: SmsStatus['MessageStatus']): 'queued' | 'sent' | 'delivered' | 'undelivered' | 'failed' | undefined {
  switch (status) {
    case 'accepted':
    case 'scheduled':
    case 'queued':
    case 'sending':
      return 'queued';
    case 'sent':
      return 'sent';
    case 'delivered':
    case 'read':
      return 'delivered';
    case 'undelivered':
      return 'undelivered';
    case 'failed':
    case 'canceled':
      return 'failed';
    default:
      return undefined;
  }
}

/** The TwiML answer to an incoming SMS: one reply message, or none. */
export function smsReply(text?: string): string {
  const response = new twilio.twiml.MessagingResponse();
  if (text) response.message(text);
  return response.toString();
}
