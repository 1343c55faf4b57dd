import { describe, expect, it } from 'vitest';
import { UNDELIVERABLE, deliveryProblemOf } from './delivery-problem.ts';

describe('a failed delivery in one word the console can say plainly', () => {
  it('tells a provider that cannot be reached from one that answered with an error', () => {
    expect(deliveryProblemOf('getaddrinfo ENOTFOUND api.twilio.com', null)).toBe('unreachable');
    expect(deliveryProblemOf('fetch failed', null)).toBe('unreachable');
    expect(deliveryProblemOf('connect ECONNREFUSED 127.0.0.1:9', null)).toBe('unreachable');
    expect(deliveryProblemOf('Internal Server Error', 500)).toBe('provider_down');
    expect(deliveryProblemOf('Too many requests', 429)).toBe('rate_limited');
    expect(deliveryProblemOf("The 'To' number is not a valid phone number.", 400)).toBe('rejected');
  });

  it('names the hotline’s own refusals', () => {
    expect(deliveryProblemOf(UNDELIVERABLE.optedOut, null)).toBe('opted_out');
    expect(deliveryProblemOf(UNDELIVERABLE.noRecipient, null)).toBe('no_recipient');
    expect(deliveryProblemOf(UNDELIVERABLE.noChannel('wechat'), null)).toBe('no_channel');
    expect(deliveryProblemOf('something else entirely', null)).toBe('other');
  });
});
