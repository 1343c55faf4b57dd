import { describe, expect, it } from 'vitest';
import type { Channel } from '@hotline/channels';
import { caseNumberAskedFor, interpretCaseDigits, interpretInbound, ratingOf } from './interpret.ts';

const message = (channel: Channel, text: string, extra: { attachments?: { contentType: string; url: string }[]; startsNewAppeal?: boolean } = {}) => ({
  channel,
  text,
  attachments: extra.attachments ?? [],
  location: undefined,
  startsNewAppeal: extra.startsNewAppeal ?? false,
});

describe('what asks for progress', () => {
  it.each([
    ['查询 20261122000123', '20261122000123'],
    ['查询20261122000123', '20261122000123'],
    ['CX 20261122000123', '20261122000123'],
    ['cx：20261122000123', '20261122000123'],
    [' 20261122000123 ', '20261122000123'],
    ['查询 ２０２６１１２２０００１２３', '20261122000123'],
  ])('%j asks for case %s', (textSent, caseNumber) => expect(caseNumberAskedFor(textSent)).toBe(caseNumber));
  it.each(['查询', '查询 123', '我的案件20261122000123怎么样了', 'CX20261122000123X'])('%j does not', (textSent) =>
    expect(caseNumberAskedFor(textSent)).toBeUndefined(),
  );
});

describe('what counts as a survey answer', () => {
  it.each(['5', '５', '5分', '5星', ' 5 ', '1', '３分', '4 星'])('%j is a rating', (answer) => {
    expect(ratingOf(answer)).toBe(Number(answer.normalize('NFKC').trim()[0]));
  });
  it.each(['0', '6', '55', '5.0', '5分钟后到', '给5分', 'five', '', '5 stars'])('%j is not', (answer) => {
    expect(ratingOf(answer)).toBeUndefined();
  });
});

describe('one reading of an inbound message for every channel', () => {
  it.each([
    ['sms', 'stop', { kind: 'keyword', keyword: 'stop' }],
    ['sms', ' 退订 ', { kind: 'keyword', keyword: 'stop' }],
    ['sms', 'Start', { kind: 'keyword', keyword: 'start' }],
    ['sms', '帮助', { kind: 'keyword', keyword: 'help' }],
    ['sms', '查询 20261122000123', { kind: 'lookup', caseNumber: '20261122000123' }],
    ['wechat', '20261122000123', { kind: 'lookup', caseNumber: '20261122000123' }],
    ['sms', '5分', { kind: 'rating', rating: 5 }],
    ['wechat', '３', { kind: 'rating', rating: 3 }],
    ['web', '4星', { kind: 'rating', rating: 4 }],
    ['sms', 'please stop the noise', { kind: 'file' }],
    ['sms', '路灯坏了', { kind: 'file' }],
  ] as const)('%s %j is %j', (channel, text, intent) => expect(interpretInbound(message(channel, text))).toEqual(intent));

  it('keeps keywords to SMS, where carriers define them: on WeChat 退订 is a message to file', () => {
    expect(interpretInbound(message('wechat', '退订'))).toEqual({ kind: 'file' });
  });

  it('leaves case lookups to the web page and the voice menu: a web chat line with a case number is filed', () => {
    expect(interpretInbound(message('web', '查询 20261122000123'))).toEqual({ kind: 'file' });
  });

  it('files a form, a photo or a point whatever its words', () => {
    expect(interpretInbound(message('web', '5', { startsNewAppeal: true }))).toEqual({ kind: 'file' });
    expect(interpretInbound(message('sms', 'STOP', { attachments: [{ contentType: 'image/jpeg', url: 'https://api.twilio.com/m.jpg' }] }))).toEqual({
      kind: 'file',
    });
  });

  it('reads the digits keyed in at the voice menu as a case number, or as incomplete', () => {
    expect(interpretCaseDigits('20261122000123#')).toEqual({ kind: 'lookup', caseNumber: '20261122000123' });
    expect(interpretCaseDigits('123')).toEqual({ kind: 'incomplete' });
    expect(interpretCaseDigits(undefined)).toEqual({ kind: 'incomplete' });
  });
});
