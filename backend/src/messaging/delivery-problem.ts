/**
 * What went wrong with a message to a citizen, in a word the console can say plainly
 * (短信发送失败：无法连接短信服务…) instead of the provider's or the network's raw error.
 */
export const deliveryProblems = ['unreachable', 'provider_down', 'rate_limited', 'rejected', 'opted_out', 'no_channel', 'no_recipient', 'other'] as const;
export type DeliveryProblem = (typeof deliveryProblems)[number];

/** Our own refusals, whose texts are stored as the delivery error: matched by `deliveryProblemOf`. */
export const UNDELIVERABLE = {
  noChannel: (channel: string) => `no sender is configured for the ${channel} channel`,
  noRecipient: 'the conversation has no identity to answer',
  optedOut: 'the citizen opted out of messages on this channel (STOP / 退订)',
} as const;

/** Network failures as Node and fetch word them: the provider could not be reached at all. */
const UNREACHABLE = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|fetch failed|socket hang up|timed? ?out|network/i;

/** The problem behind a failed delivery, from its stored error and the provider's last HTTP status. */
export function deliveryProblemOf(error: string, statusCode: number | null): DeliveryProblem {
  if (error === UNDELIVERABLE.optedOut) return 'opted_out';
  if (error === UNDELIVERABLE.noRecipient) return 'no_recipient';
  if (error.startsWith('no sender is configured')) return 'no_channel';
  if (statusCode === 429) return 'rate_limited';
  if (statusCode !== null && statusCode >= 500) return 'provider_down';
  if (statusCode !== null && statusCode >= 400) return 'rejected';
  return UNREACHABLE.test(error) ? 'unreachable' : 'other';
}
