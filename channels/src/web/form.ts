import { z } from 'zod';
import {
  type InboundAttachment,
  type InboundMessage,
  InvalidInboundError,
  MAX_PHOTO_BYTES,
  MAX_TEXT_LENGTH,
  inboundMessageSchema,
  inputText,
} from '../types.ts';
import { acceptPhoto, photoFileName } from './photos.ts';

const optionalText = (max: number) =>
  inputText()
    .trim()
    .max(max)
    .optional()
    .transform((v) => (v ? v : undefined));

/** Multipart fields arrive as strings, JSON as numbers: both become a number in range. */
const coordinate = (min: number, max: number) => z.union([z.number(), z.string().trim().min(1).transform(Number)]).pipe(z.number().min(min).max(max));

/** The citizen page's appeal form fields, as JSON or as the text fields of a multipart body. */
export const webAppealFieldsSchema = z.object({
  text: inputText().trim().min(1, 'text is required').max(MAX_TEXT_LENGTH, `text is longer than ${MAX_TEXT_LENGTH} characters`),
  name: optionalText(100),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9][0-9 -]{4,19}$/, 'phone is not a phone number')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  address: optionalText(300),
  latitude: coordinate(-90, 90).optional(),
  longitude: coordinate(-180, 180).optional(),
  /** Chosen by the page per submission, so a double click or a retry files one appeal. */
  clientSubmissionId: inputText().trim().min(8).max(100).optional(),
});

/** A point is both coordinates or neither. */
export function requirePointPair<T extends z.ZodType<{ latitude?: number; longitude?: number }>>(schema: T) {
  return schema.refine((f) => (f.latitude === undefined) === (f.longitude === undefined), {
    message: 'latitude and longitude go together',
    path: ['longitude'],
  });
}

export const webAppealFormSchema = requirePointPair(webAppealFieldsSchema);
export type WebAppealForm = z.infer<typeof webAppealFormSchema>;

/** One line the citizen types into the page's live chat. */
export const webChatMessageSchema = z.object({
  text: inputText().trim().min(1, 'text is required').max(MAX_TEXT_LENGTH, `text is longer than ${MAX_TEXT_LENGTH} characters`),
  clientMessageId: inputText().trim().min(8).max(100).optional(),
});
export type WebChatMessage = z.infer<typeof webChatMessageSchema>;

export interface WebPhoto {
  type: string;
  size: number;
  name: string;
  bytes(): Promise<Uint8Array>;
}

/**
 * Photos must be JPEG, PNG, WebP or GIF images of at most 10 MB, by their bytes: the type stored is
 * the one read from the file, never the one the browser declared, and the photo's location (Exif
 * GPS, XMP) is taken out. Anything else is refused before anything is stored.
 */
export async function readWebPhotos(photos: WebPhoto[]): Promise<InboundAttachment[]> {
  for (const photo of photos) {
    if (photo.size > MAX_PHOTO_BYTES) {
      throw new InvalidInboundError('too_large', `${photo.name || 'a photo'} is larger than 10 MB`);
    }
  }
  const accepted: InboundAttachment[] = [];
  for (const photo of photos) {
    const { contentType, data } = await acceptPhoto({ name: photo.name, declaredType: photo.type, bytes: Buffer.from(await photo.bytes()) });
    accepted.push({ contentType, fileName: photoFileName(photo.name), data });
  }
  return accepted;
}

/** A web visitor is known by the hash of their session cookie. */
export function webSender(sessionHash: string) {
  return { kind: 'web_session' as const, value: sessionHash };
}

export function parseWebAppeal(
  form: WebAppealForm,
  meta: { sessionHash: string; submissionId: string; receivedAt: Date; attachments: InboundAttachment[] },
): InboundMessage {
  return inboundMessageSchema.parse({
    channel: 'web',
    sender: webSender(meta.sessionHash),
    otherIdentities: form.phone ? [{ kind: 'phone', value: normalizePhone(form.phone) }] : [],
    senderName: form.name,
    text: form.text,
    attachments: meta.attachments,
    location: form.latitude !== undefined && form.longitude !== undefined ? { latitude: form.latitude, longitude: form.longitude } : undefined,
    address: form.address,
    providerMessageId: `form:${meta.submissionId}`,
    receivedAt: meta.receivedAt,
    startsNewAppeal: true,
  });
}

export function parseWebChat(chat: WebChatMessage, meta: { sessionHash: string; messageId: string; receivedAt: Date }): InboundMessage {
  return inboundMessageSchema.parse({
    channel: 'web',
    sender: webSender(meta.sessionHash),
    text: chat.text,
    providerMessageId: `chat:${meta.messageId}`,
    receivedAt: meta.receivedAt,
  });
}

/** Phone numbers are compared as digits with an optional leading +, so "138 0013 8000" and "13800138000" are one. */
export function normalizePhone(phone: string): string {
  const trimmed = phone.trim();
  return (trimmed.startsWith('+') ? '+' : '') + trimmed.replace(/\D/g, '');
}
