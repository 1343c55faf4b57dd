import type { Channel, InboundMessage } from '@hotline/channels';

/**
 * What an inbound message is, decided once for every channel before anything is stored:
 * - `keyword`: STOP / 退订, START, HELP on SMS (carriers' and Twilio's vocabulary): changes the sender's opt-out, files nothing;
 * - `lookup`: 「查询 <案件号>」, 「CX <案件号>」 or a bare case number: answered with the case's progress, files nothing;
 * - `rating`: a bare 1–5, which answers the sender's 回访 survey if one waits (else it is filed);
 * - `file`: everything else, filed into the sender's conversation.
 */
export type InboundIntent =
  { kind: 'keyword'; keyword: Keyword } | { kind: 'lookup'; caseNumber: string } | { kind: 'rating'; rating: number } | { kind: 'file' };

/** Carrier and Twilio opt-out vocabulary, and the Chinese 退订/TD convention. */
const KEYWORDS = {
  stop: ['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'TD', '退订'],
  start: ['START', 'YES', 'UNSTOP', '订阅'],
  help: ['HELP', 'INFO', '帮助'],
} as const;
export type Keyword = keyof typeof KEYWORDS;

/** Which readings each channel offers: keywords are an SMS convention; a web chat has its own lookup page; a call has its menu. */
const READINGS: Record<Channel, { keywords: boolean; lookups: boolean; ratings: boolean }> = {
  sms: { keywords: true, lookups: true, ratings: true },
  wechat: { keywords: false, lookups: true, ratings: true },
  web: { keywords: false, lookups: false, ratings: true },
  voice: { keywords: false, lookups: false, ratings: false },
};

/** A case number as every channel accepts it: the day (8 digits) and a daily sequence. */
export const CASE_NUMBER = /^\d{14,20}$/;

/** A keyword is the whole message, as carriers match it: "stop" yes, "please stop the noise" no. */
function keywordOf(text: string): Keyword | undefined {
  const word = text.trim().toUpperCase();
  return (Object.keys(KEYWORDS) as Keyword[]).find((k) => (KEYWORDS[k] as readonly string[]).includes(word));
}

/** The case number a text asks progress for: 「查询 20261122000123」, 「CX 20261122000123」 or the bare number. */
export function caseNumberAskedFor(text: string): string | undefined {
  return /^(?:查询|查|CX)?[\s:：]*(\d{14,20})$/i.exec(text.normalize('NFKC').trim())?.[1];
}

/**
 * A survey answer is a rating alone — "5", "５", "5分", "5星", " 5 " — so an ordinary message that
 * happens to start with a digit is never taken for one.
 */
export function ratingOf(text: string): number | undefined {
  const match = /^([1-5])\s*[分星]?$/.exec(text.normalize('NFKC').trim());
  return match ? Number(match[1]) : undefined;
}

/** The one reading of an inbound message, shared by every channel. A form, a photo or a point is always a message to file. */
export function interpretInbound(inbound: Pick<InboundMessage, 'channel' | 'text' | 'attachments' | 'location' | 'startsNewAppeal'>): InboundIntent {
  const reads = READINGS[inbound.channel];
  if (inbound.startsNewAppeal || inbound.attachments.length || inbound.location) return { kind: 'file' };
  const keyword = reads.keywords ? keywordOf(inbound.text) : undefined;
  if (keyword) return { kind: 'keyword', keyword };
  const caseNumber = reads.lookups ? caseNumberAskedFor(inbound.text) : undefined;
  if (caseNumber) return { kind: 'lookup', caseNumber };
  const rating = reads.ratings ? ratingOf(inbound.text) : undefined;
  if (rating) return { kind: 'rating', rating };
  return { kind: 'file' };
}

/** The voice menu's case lookup (menu 2): the digits the caller keyed in, or `incomplete`. */
export function interpretCaseDigits(digits: string | undefined): { kind: 'lookup'; caseNumber: string } | { kind: 'incomplete' } {
  const caseNumber = (digits ?? '').replace(/\D/g, '');
  return CASE_NUMBER.test(caseNumber) ? { kind: 'lookup', caseNumber } : { kind: 'incomplete' };
}
