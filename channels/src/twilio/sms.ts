import twilio from 'twilio';
import { z } from 'zod';
import { type InboundAttachment, type InboundMessage, InvalidInboundError, inboundMessageSchema, storableString } from '../types.ts';

/** The parameters of Twilio's incoming-message webhook that matter here (it sends many more). */
const smsWebhookSchema = z.object({
  MessageSid: z.string().regex(/^(SM|MM)[0-9a-fA-F]{32}$/, 'MessageSid is not a Twilio message SID'),
  AccountSid: z.string().regex(/^AC[0-9a-fA-F]{32}$/),
  From: storableString().min(3).max(40),
  To: storableString().min(3).max(40),
  Body: storableString().max(1600).default(''),
  NumMedia: z.coerce.number().int().min(0).max(10).default(0),
});

/** Carrier and Twilio opt-out vocabulary, and the Chinese 退订/TD convention. */
const keywords = {
  stop: ['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'TD', '退订'],
  start: ['START', 'YES', 'UNSTOP', '订阅'],
  help: ['HELP', 'INFO', '帮助'],
} as const;
export type SmsKeyword = keyof typeof keywords;

export type ParsedSms =
  | { kind: 'keyword'; keyword: SmsKeyword; from: string; messageSid: string }
  | { kind: 'message'; inbound: InboundMessage };

/** A keyword is the whole message, as carriers match it: "stop" yes, "please stop the noise" no. */
function keywordOf(body: string): SmsKeyword | undefined {
  const word = body.trim().toUpperCase();
  return (Object.keys(keywords) as SmsKeyword[]).find((k) => (keywords[k] as readonly string[]).includes(word));
}

function mediaOf(params: Record<string, string>, count: number): InboundAttachment[] {
  return Array.from({ length: count }, (_, i) => {
    const url = params[`MediaUrl${i}`];
    const contentType = params[`MediaContentType${i}`];
    if (!url || !contentType) throw new InvalidInboundError('invalid', `NumMedia says ${count} but MediaUrl${i}/MediaContentType${i} is missing`);
    return { contentType, url };
  });
}

/** Twilio's SMS/MMS webhook → a keyword (STOP/START/HELP) or one normalized inbound message. */
export function parseSms(params: Record<string, string>, receivedAt: Date): ParsedSms {
  const parsed = smsWebhookSchema.safeParse(params);
  if (!parsed.success) throw new InvalidInboundError('invalid', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  const sms = parsed.data;
  const keyword = keywordOf(sms.Body);
  if (keyword && sms.NumMedia === 0) return { kind: 'keyword', keyword, from: sms.From, messageSid: sms.MessageSid };
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
  return { kind: 'message', inbound: inbound.data };
}

/** Twilio's message status callback; only the states we record. */
export const smsStatusSchema = z.object({
  MessageSid: storableString().min(1),
  MessageStatus: z.enum(['accepted', 'scheduled', 'queued', 'sending', 'sent', 'delivered', 'undelivered', 'failed', 'read', 'receiving', 'received', 'canceled']),
  ErrorCode: storableString().optional(),
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
