import { type InboundAttachment, type InboundMessage, type InboundMessageInput, InvalidInboundError, inboundMessageSchema } from '../types.ts';
import { optionalField, readWechatXml, requiredField } from './xml.ts';

export const wechatMessageTypes = ['text', 'image', 'voice', 'video', 'shortvideo', 'location', 'link'] as const;
export type WechatMessageType = (typeof wechatMessageTypes)[number];

/** Media WeChat keeps for 3 days, fetched with the temporary-media API by its MediaId. */
export interface WechatMedia {
  kind: 'image' | 'voice' | 'video';
  mediaId: string;
  /** Voice only: amr or speex. */
  format?: string;
}

/** Who wrote and to which account: the passive reply goes back the other way. */
interface WechatParties {
  /** FromUserName: the citizen's openid for this official account. */
  openId: string;
  /** ToUserName: the official account's original id (gh_…). */
  accountId: string;
}

/**
 * A push is either a citizen's message (an appeal or a follow-up) or an event such as
 * subscribe or a menu click, which is answered but never filed.
 */
export type WechatInbound =
  | (WechatParties & { kind: 'message'; msgType: WechatMessageType; inbound: InboundMessage; media?: WechatMedia })
  | (WechatParties & { kind: 'event'; event: string; eventKey?: string; createdAt: Date });

/** What each message type contributes beyond the common fields. */
type MessageParts = Pick<InboundMessageInput, 'text' | 'attachments' | 'location' | 'address'> & { media?: WechatMedia };

const messageParts: Record<WechatMessageType, (f: Record<string, unknown>) => MessageParts> = {
  text: (f) => ({ text: requiredField(f, 'Content') }),
  image: (f) => {
    const mediaId = requiredField(f, 'MediaId');
    const photo: InboundAttachment = { contentType: 'image/jpeg', fileName: `${mediaId}.jpg`, url: httpUrl(f, 'PicUrl') };
    return { text: '[图片]', attachments: [photo], media: { kind: 'image', mediaId } };
  },
  // Recognition is WeChat's speech-to-text, present only when the account enabled it.
  voice: (f) => ({
    text: optionalField(f, 'Recognition')?.trim() || '[语音消息]',
    media: { kind: 'voice', mediaId: requiredField(f, 'MediaId'), format: optionalField(f, 'Format') },
  }),
  video: (f) => ({ text: '[视频消息]', media: { kind: 'video', mediaId: requiredField(f, 'MediaId') } }),
  shortvideo: (f) => ({ text: '[小视频消息]', media: { kind: 'video', mediaId: requiredField(f, 'MediaId') } }),
  location: (f) => {
    const label = optionalField(f, 'Label')?.trim() || undefined;
    const location = { latitude: coordinate(f, 'Location_X'), longitude: coordinate(f, 'Location_Y'), label };
    return { text: `[位置] ${label ?? `${location.latitude}, ${location.longitude}`}`, location, address: label };
  },
  link: (f) => {
    const lines = [optionalField(f, 'Title'), optionalField(f, 'Description'), httpUrl(f, 'Url')].filter(Boolean);
    return { text: `[链接] ${lines.join('\n')}` };
  },
};

/**
 * Turns one WeChat push (the plaintext XML, after any decryption) into an inbound message
 * or an event. Unknown message types and missing fields are `InvalidInboundError('invalid')`.
 */
export function parseInbound(xml: string): WechatInbound {
  const fields = readWechatXml(xml);
  const parties = { openId: requiredField(fields, 'FromUserName'), accountId: requiredField(fields, 'ToUserName') };
  const createdAt = createTime(fields);
  const msgType = requiredField(fields, 'MsgType');
  if (msgType === 'event') {
    return { kind: 'event', ...parties, event: requiredField(fields, 'Event'), eventKey: optionalField(fields, 'EventKey'), createdAt };
  }
  if (!isMessageType(msgType)) throw new InvalidInboundError('invalid', `unsupported WeChat MsgType "${msgType}"`);
  const { media, ...parts } = messageParts[msgType](fields);
  const inbound = normalized({
    channel: 'wechat',
    sender: { kind: 'wechat_openid', value: parties.openId },
    providerMessageId: requiredField(fields, 'MsgId'),
    receivedAt: createdAt,
    // Like a chat line: a follow-up joins the conversation's current appeal.
    startsNewAppeal: false,
    ...parts,
  });
  return { kind: 'message', ...parties, msgType, inbound, ...(media ? { media } : {}) };
}

function isMessageType(type: string): type is WechatMessageType {
  return (wechatMessageTypes as readonly string[]).includes(type);
}

/** CreateTime is whole seconds since the epoch. */
function createTime(fields: Record<string, unknown>): Date {
  const value = requiredField(fields, 'CreateTime');
  if (!/^\d{1,12}$/.test(value)) throw new InvalidInboundError('invalid', 'CreateTime is not a Unix time');
  return new Date(Number(value) * 1000);
}

function coordinate(fields: Record<string, unknown>, name: string): number {
  const value = Number(requiredField(fields, name));
  if (!Number.isFinite(value)) throw new InvalidInboundError('invalid', `${name} is not a number`);
  return value;
}

function httpUrl(fields: Record<string, unknown>, name: string): string {
  const value = requiredField(fields, name).trim();
  if (!/^https?:\/\//i.test(value) || !URL.canParse(value)) throw new InvalidInboundError('invalid', `${name} is not an http(s) URL`);
  return value;
}

/** The shared schema has the last word; its refusal is the channel's refusal. */
function normalized(input: InboundMessageInput): InboundMessage {
  const result = inboundMessageSchema.safeParse(input);
  if (!result.success) throw new InvalidInboundError('invalid', result.error.issues.map((i) => `${i.path.join('.') || 'message'}: ${i.message}`).join('; '));
  return result.data;
}
