import { describe, expect, it } from 'vitest';
import { monthOf, monthRange } from './month.ts';

describe('assessment months on the hotline clock', () => {
  it('starts a month at local midnight on its first day', () => {
    expect(monthRange('2026-11', 'Asia/Shanghai')).toEqual({ from: new Date('2026-10-31T16:00:00Z'), to: new Date('2026-11-30T16:00:00Z') });
    expect(monthRange('2026-12', 'Asia/Shanghai')).toEqual({ from: new Date('2026-11-30T16:00:00Z'), to: new Date('2026-12-31T16:00:00Z') });
  });

  it('follows a daylight-saving zone across its change', () => {
    // New York changes to EDT on 8 March 2026: March starts at EST (-5), April at EDT (-4).
    expect(monthRange('2026-03', 'America/New_York')).toEqual({ from: new Date('2026-03-01T05:00:00Z'), to: new Date('2026-04-01T04:00:00Z') });
  });

  it('names the month an instant falls in locally', () => {
    expect(monthOf(new Date('2026-10-31T16:30:00Z'), 'Asia/Shanghai')).toBe('2026-11');
    expect(monthOf(new Date('2026-10-31T15:59:59Z'), 'Asia/Shanghai')).toBe('2026-10');
    expect(monthOf(new Date('2026-12-31T16:00:00Z'), 'Asia/Shanghai')).toBe('2027-01');
  });

  it('refuses what is not a month', () => {
    expect(() => monthRange('2026-13', 'Asia/Shanghai')).toThrow('not a YYYY-MM month');
  });
});
