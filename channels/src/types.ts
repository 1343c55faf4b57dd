import { z } from 'zod';

export const channels = ['voice', 'sms', 'wechat', 'web'] as const;
export type Channel = (typeof channels)[number];

export const identityKinds = ['phone', 'wechat_openid', 'web_session'] as const;

/**
 * A string as it will be stored: PostgreSQL text cannot hold NUL (U+0000), so a stray one from a
 * provider or a browser is dropped here rather than failing the insert (a 500, and the same again
 * on every provider retry).
 */
export const storableString = () => z.string().overwrite((value) => value.replaceAll('\u0000', ''));

/** How the sender is recognised on its channel (a phone number, a WeChat openid, a web session). */
export const senderIdentitySchema = z.object({
  kind: z.enum(identityKinds),
  value: storableString().min(1).max(200),
});
export type SenderIdentity = z.infer<typeof senderIdentitySchema>;

export const MAX_TEXT_LENGTH = 4000;
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;

export const pointSchema = z.object({
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
});
export type Point = z.infer<typeof pointSchema>;

export const inboundAttachmentSchema = z.object({
  /** One media type (RFC 6838 token characters): never a list, which a browser might read as its last entry. */
  contentType: z.string().regex(/^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/i, 'must be one media type, such as image/jpeg'),
  fileName: storableString().max(255).optional(),
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
  senderName: storableString().trim().max(100).optional(),
  text: storableString().trim().min(1).max(MAX_TEXT_LENGTH),
  attachments: z.array(inboundAttachmentSchema).max(10).default([]),
  location: pointSchema.extend({ label: storableString().max(300).optional() }).optional(),
  address: storableString().trim().max(300).optional(),
  /** Unique per channel: a provider's retry carries the same id and is stored once. */
  providerMessageId: storableString().min(1).max(200),
  receivedAt: z.date(),
  /** A web form is a new appeal by design; a chat line or SMS follows up the conversation's current one. */
  startsNewAppeal: z.boolean().default(false),
});
export type InboundMessage = z.infer<typeof inboundMessageSchema>;
export type InboundMessageInput = z.input<typeof inboundMessageSchema>;

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
