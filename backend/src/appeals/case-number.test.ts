import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../testing/databases.ts';
import { type TestHotline, startTestHotline, submitWebAppeal } from '../testing/hotline.ts';
import { caseDay, formatCaseNumber } from './case-number.ts';

describe('case number format', () => {
  it('uses the hotline’s calendar day, not the server’s', () => {
    const lateEveningUtc = new Date('2026-11-22T17:30:00Z');
    expect(caseDay(lateEveningUtc, 'Asia/Shanghai')).toBe('20261123');
    expect(caseDay(lateEveningUtc, 'UTC')).toBe('20261122');
  });

  it('is the day and a six-digit daily sequence', () => {
    expect(formatCaseNumber('20261122', 123)).toBe('20261122000123');
  });
});

const kinds = await testDatabaseKinds();

describe.each(kinds)('case numbers under concurrency on %s', (kind) => {
  let hotline: TestHotline;
  beforeAll(async () => {
    hotline = await startTestHotline(kind);
  });
  afterAll(() => hotline?.close());

  it('gives 100 parallel submissions 100 distinct, gap-free case numbers', async () => {
    const results = await Promise.all(Array.from({ length: 100 }, (_, i) => submitWebAppeal(hotline, { text: `并发提交 ${i}` })));
    expect(results.every((r) => r.res.status === 201)).toBe(true);
    const numbers = results.map((r) => r.body.caseNumber!);
    expect(new Set(numbers).size).toBe(100);
    const day = caseDay(new Date(), hotline.deps.config.timezone);
    const sequences = numbers.map((n) => Number(n.slice(8))).sort((a, b) => a - b);
    expect(numbers.every((n) => n.startsWith(day))).toBe(true);
    expect(sequences).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
  });

  it('hands out numbers that increase with the order appeals were filed', async () => {
    const first = await submitWebAppeal(hotline, { text: '先' });
    const second = await submitWebAppeal(hotline, { text: '后' });
    expect(Number(second.body.caseNumber)).toBe(Number(first.body.caseNumber) + 1);
  });
});
