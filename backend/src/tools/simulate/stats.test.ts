import { describe, expect, it } from 'vitest';
import { Tally, formatTable, latencyOf, percentile } from './stats.ts';

describe('percentile (nearest rank)', () => {
  const hundred = Array.from({ length: 100 }, (_, i) => i + 1);

  it('is the smallest value with at least p% of values at or below it', () => {
    expect(percentile(hundred, 50)).toBe(50);
    expect(percentile(hundred, 95)).toBe(95);
    expect(percentile(hundred, 99)).toBe(99);
    expect(percentile(hundred, 100)).toBe(100);
  });

  it('rounds the rank up on small samples and never leaves the data', () => {
    expect(percentile([10, 20, 30], 50)).toBe(20);
    expect(percentile([10, 20, 30], 99)).toBe(30);
    expect(percentile([10, 20, 30], 0)).toBe(10);
    expect(percentile([7], 95)).toBe(7);
  });

  it('has no value for no data', () => {
    expect(percentile([], 50)).toBeUndefined();
    expect(latencyOf([])).toEqual({ p50: null, p95: null, p99: null });
  });

  it('sorts before ranking', () => {
    expect(latencyOf([30, 10, 20, 40])).toEqual({ p50: 20, p95: 40, p99: 40 });
  });
});

describe('the tally', () => {
  it('counts per channel and overall, keeping only the first few failures', () => {
    const tally = new Tally();
    for (let i = 0; i < 8; i++) {
      tally.started('sms');
      tally.failed('sms', { step: 'sms', status: 403, message: 'expected HTTP 200', body: 'x'.repeat(1000) }, 1);
    }
    tally.started('voice');
    tally.succeeded('voice', 12.5, 6);
    expect(tally.channels().sms).toMatchObject({ sent: 8, ok: 0, errors: 8, requests: 8 });
    expect(tally.channels().voice).toMatchObject({ sent: 1, ok: 1, requests: 6, latencyMs: { p50: 12.5 } });
    expect(tally.overall()).toMatchObject({ sent: 9, ok: 1, errors: 8, requests: 14 });
    expect(tally.failures).toHaveLength(5);
    expect(tally.failures[0]!.body).toHaveLength(300);
  });

  it('prints an aligned table with a row per channel and a total', () => {
    const tally = new Tally();
    tally.started('web');
    tally.succeeded('web', 8, 1);
    const lines = formatTable(tally.channels(), tally.overall()).split('\n');
    expect(lines.map((l) => l.split(/\s+/)[0])).toEqual([
      'channel',
      expect.stringMatching(/^-+$/),
      'sms',
      'voice',
      'wechat',
      'web',
      expect.stringMatching(/^-+$/),
      'all',
    ]);
    expect(new Set(lines.map((l) => l.length)).size).toBe(1);
    expect(lines.at(-1)).toMatch(/^all\s+1\s+1\s+0\s+1\s+8\.0\s+8\.0\s+8\.0$/);
  });
});
