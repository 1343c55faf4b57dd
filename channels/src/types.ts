import { z } from 'zod';

export const channels = ['voice', 'sms', 'wechat', 'web'] as const;
export type Channel = (typeof channels)[number];

export const identityKinds = ['phone', 'wechat_openid', 'web_session'] as const;

/**
 * What no input may carry: NUL and the other control characters but tab, newline and carriage
 * return (PostgreSQL's text refuses NUL, and none of them is something a person typed), and lone
 * surrogates (no UTF-8 encodes them, so neither the database nor a JSON reply can hold one).
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const NOT_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * The one string type of every input — API bodies, query strings and path parameters, provider
 * webhooks: text that can be stored and shown. Anything else is refused (a 400 naming the field)
 * before it reaches the database, never turned into a 500. `missing` words the refusal of an absent value.
 */
export const inputText = (missing?: string) =>
  z
    .string(missing === undefined ? undefined : { error: missing })
    .refine((value) => !NOT_TEXT.test(value), { message: 'must be plain text: no NUL, control characters (but tab and newline) or lone surrogates' });

/** The earliest and latest instant an input may name: anything outside is a mistake or an attack, and far-future dates overflow date arithmetic. */
export const INPUT_DATE_RANGE = { from: new Date('2000-01-01T00:00:00Z'), to: new Date('2100-01-01T00:00:00Z') } as const;

/**
 * The one date type of every input: an ISO 8601 instant with its zone (…Z or +08:00), within
 * `INPUT_DATE_RANGE`. `format` words the refusal where a protocol names its own (Open311's w3 datetime).
 */
export const inputDate = (format = 'must be an ISO 8601 date-time with a zone, e.g. 2026-12-01T09:00:00+08:00') =>
  z.iso.datetime({ offset: true, error: format }).refine((value) => {
    const at = new Date(value);
    return at >= INPUT_DATE_RANGE.from && at < INPUT_DATE_RANGE.to;
  }, 'must be between the years 2000 and 2099');

/** How the sender is recognised on its channel (a phone number, a WeChat openid, a web session). */
export const senderIdentitySchema = z.object({
  kind: z.enum(identityKinds),
  value: inputText().min(1).max(200),
});
export type SenderIdentity = z.infer<typeof senderIdentitySchema>;

export const MAX_TEXT_LENGTH = 4000;
/** What one stored inbound message may hold (see `storedInboundSchema`); channels and the forms we serve keep `MAX_TEXT_LENGTH`. */
export const MAX_INBOUND_TEXT_LENGTH = 20_000;
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;

export const pointSchema = z.object({
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
});
export type Point = z.infer<typeof pointSchema>;

export const inboundAttachmentSchema = z.object({
  /** One media type (RFC 6838 token characters): never a list, which a browser might read as its last entry. */
  contentType: z.string().regex(/^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/i, 'must be one media type, such as image/jpeg'),
  fileName: inputText().max(255).optional(),
  /** The bytes, when the channel hands them over… */
  data: z.instanceof(Buffer).optional(),
  /** …or where the provider keeps them. */
  url: z.url().optional(),
});
export type InboundAttachment = z.infer<typeof inboundAttachmentSchema>;

/**
 * The one shape every channel's payload is turned into, and the only input of intake.
 * No provider detail travels past this point.
 */
export const inboundMessageSchema = z.object({
  channel: z.enum(channels),
  sender: senderIdentitySchema,
  /** Further identities the citizen gave (e.g. a phone number typed into the web form), so one person is one contact. */
  otherIdentities: z.array(senderIdentitySchema).default([]),
  senderName: inputText().trim().max(100).optional(),
  text: inputText().trim().min(1).max(MAX_TEXT_LENGTH),
  attachments: z.array(inboundAttachmentSchema).max(10).default([]),
  location: pointSchema.extend({ label: inputText().max(300).optional() }).optional(),
  address: inputText().trim().max(300).optional(),
  /** Unique per channel: a provider's retry carries the same id and is stored once. */
  providerMessageId: inputText().min(1).max(200),
  receivedAt: z.date(),
  /** A web form is a new appeal by design; a chat line or SMS follows up the conversation's current one. */
  startsNewAppeal: z.boolean().default(false),
});
/**
 * What intake stores: a channel's message, or one from a protocol with no limit of its own (an
 * Open311 description), kept whole up to `MAX_INBOUND_TEXT_LENGTH`. Channel parsers keep `MAX_TEXT_LENGTH`.
 */
export const storedInboundSchema = inboundMessageSchema.extend({ text: inputText().trim().min(1).max(MAX_INBOUND_TEXT_LENGTH) });
export type InboundMessage = z.infer<typeof storedInboundSchema>;
export type InboundMessageInput = z.input<typeof storedInboundSchema>;

/** A message to the citizen, on the channel and identity they wrote from. */
export interface OutboundMessage {
  channel: Channel;
  to: SenderIdentity;
  text: string;
  /** Our message id, so the provider's delivery callbacks can be tied back to it. */
  messageId: string;
  /** The appeal's case number (案件流水号), when the message belongs to one. */
  caseNumber?: string;
}

export interface SendResult {
  providerMessageId?: string;
}

/** What the backend's channel registry holds for each channel. */
export interface ChannelSender {
  send(message: OutboundMessage): Promise<SendResult>;
}

export type InvalidInboundReason = 'invalid' | 'too_large' | 'unsupported_media_type';

/** A payload a channel refuses; the backend answers it with a 4xx and stores nothing. */
export class InvalidInboundError extends Error {
  constructor(
    readonly reason: InvalidInboundReason,
    message: string,
  ) {
    super(message);
    this.name = 'InvalidInboundError';
  }
}
