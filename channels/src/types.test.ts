import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { inputDate, inputText } from './types.ts';

/** The one string type and the one date type every boundary uses (API bodies, query strings, provider webhooks). */
describe('inputText', () => {
  const text = inputText();

  it('takes any well-formed text a person can type: every script, emoji, tabs and line breaks', () => {
    // eslint-disable-next-line no-control-regex -- the characters a person cannot type
    const typed = fc.string({ unit: 'grapheme' }).filter((s) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/.test(s));
    fc.assert(fc.property(typed, (s) => text.safeParse(s).success));
    expect(text.safeParse('井盖丢了\t第二行\r\n🚧').success).toBe(true);
  });

  it('refuses NUL, the other control characters and lone surrogates wherever they sit', () => {
    const bad = fc.constantFrom('\u0000', '\u0007', '\u001b', '\u007f', '\u0085', '\ud800', '\udfff');
    fc.assert(fc.property(fc.string(), bad, fc.string(), (before, c, after) => !text.safeParse(`${before}${c}${after}`).success));
  });

  it('keeps a surrogate pair (an emoji) whole', () => {
    expect(text.safeParse('\ud83d\ude00').success).toBe(true);
  });
});

describe('inputDate', () => {
  const date = inputDate();

  it('takes an ISO instant with its zone between 2000 and 2099', () => {
    expect(date.safeParse('2026-12-01T09:00:00+08:00').success).toBe(true);
    expect(date.safeParse('2099-12-31T23:59:59Z').success).toBe(true);
  });

  it('refuses far-future and far-past dates, dates without a zone and non-dates', () => {
    for (const value of ['9999-12-31T23:59:59Z', '0001-01-01T00:00:00Z', '1999-12-31T23:59:59Z', '2100-01-01T00:00:00Z', '2026-12-01T09:00:00', 'tomorrow'])
      expect(date.safeParse(value).success, value).toBe(false);
  });

  it('words the refusal as the protocol does when asked', () => {
    const result = inputDate('start_date must be a w3 datetime').safeParse('yesterday');
    expect(result.error?.issues[0]?.message).toBe('start_date must be a w3 datetime');
  });
});
