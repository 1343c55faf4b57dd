import { describe, expect, it } from 'vitest';
import { parseCliArgs, signingUrl } from './args.ts';
import { caseNumberIn, networkErrorCode } from './http.ts';

describe('the command line', () => {
  it('has defaults', () => {
    expect(parseCliArgs([])).toEqual({ ok: true, args: { rate: 2, durationSeconds: 30, maxInFlight: 64, json: false, help: false } });
  });

  it('reads every option', () => {
    const parsed = parseCliArgs([
      '--url',
      'http://localhost:3310',
      '--public-url',
      'https://h.example.cn',
      '--rate',
      '5',
      '--duration',
      '20',
      '--data-dir',
      '/tmp/d',
      '--seed',
      '42',
      '--max-in-flight',
      '8',
      '--json',
    ]);
    expect(parsed).toEqual({
      ok: true,
      args: {
        url: 'http://localhost:3310',
        publicUrl: 'https://h.example.cn',
        rate: 5,
        durationSeconds: 20,
        dataDir: '/tmp/d',
        seed: 42,
        maxInFlight: 8,
        json: true,
        help: false,
      },
    });
  });

  it.each([
    [['--rate', '0'], '--rate'],
    [['--rate', 'fast'], '--rate'],
    [['--duration', '-3'], '--duration'],
    [['--url', 'localhost:3000'], '--url'],
    [['--seed', '1.5'], '--seed'],
    [['--bogus'], 'bogus'],
    [['extra'], 'extra'],
  ])('refuses %j, naming %s', (argv, name) => {
    const parsed = parseCliArgs(argv);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.message).toContain(name);
  });
});

describe('reading answers', () => {
  it('finds the case number written or spoken digit by digit', () => {
    expect(caseNumberIn('【12345】您的诉求已收到，案件流水号 20261122000123。直接回复')).toBe('20261122000123');
    expect(caseNumberIn('<Say>坐席正忙。您的诉求已登记，案件流水号 2 0 2 6 1 1 2 2 0 0 0 1 2 3。如需补充</Say>')).toBe('20261122000123');
    expect(caseNumberIn('留言已收到。您的案件流水号是 2 0 2 6 1 1 2 2 0 0 0 1 2 3，再见。')).toBe('20261122000123');
    expect(caseNumberIn('案件流水号 123')).toBeUndefined();
    expect(caseNumberIn('感谢关注')).toBeUndefined();
  });

  it('digs the system error code out of fetch failures', () => {
    const refused = new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }) });
    expect(networkErrorCode(refused)).toBe('ECONNREFUSED');
    expect(networkErrorCode(new Error('plain'))).toBeUndefined();
  });
});

describe('the address webhooks are signed for', () => {
  it('follows a local --url without PORT, as the server started on that port signs', () => {
    expect(signingUrl({ url: 'http://127.0.0.1:3900' }, {}, 'http://localhost:3000')).toBe('http://localhost:3900');
    expect(signingUrl({ url: 'http://localhost:3900/' }, {}, 'http://localhost:3000')).toBe('http://localhost:3900');
    expect(signingUrl({ url: 'https://hotline.example.gov.cn' }, {}, 'http://localhost:3000')).toBe('https://hotline.example.gov.cn');
  });

  it('keeps --public-url, then PUBLIC_URL, then the server configuration', () => {
    expect(signingUrl({ url: 'http://127.0.0.1:3900', publicUrl: 'https://h.example.cn' }, {}, 'http://localhost:3000')).toBe('https://h.example.cn');
    expect(signingUrl({ url: 'http://127.0.0.1:3900' }, { PUBLIC_URL: 'https://p.example.cn' }, 'https://p.example.cn')).toBe('https://p.example.cn');
    expect(signingUrl({}, {}, 'http://localhost:3000')).toBe('http://localhost:3000');
  });
});
