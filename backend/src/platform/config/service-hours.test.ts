import { describe, expect, it } from 'vitest';
import { withinServiceHours } from './service-hours.ts';

const shanghai = (time: string) => new Date(`2026-11-23T${time}:00+08:00`);

describe('service hours', () => {
  it('runs round the clock by default', () => {
    expect(withinServiceHours(shanghai('03:00'), '00:00-24:00', 'Asia/Shanghai')).toBe(true);
    expect(withinServiceHours(shanghai('23:59'), '00:00-24:00', 'Asia/Shanghai')).toBe(true);
  });

  it('counts the start minute in and the end minute out, in the hotline’s zone', () => {
    expect(withinServiceHours(shanghai('08:29'), '08:30-17:30', 'Asia/Shanghai')).toBe(false);
    expect(withinServiceHours(shanghai('08:30'), '08:30-17:30', 'Asia/Shanghai')).toBe(true);
    expect(withinServiceHours(shanghai('17:30'), '08:30-17:30', 'Asia/Shanghai')).toBe(false);
    expect(withinServiceHours(shanghai('10:00'), '08:30-17:30', 'UTC')).toBe(false);
    expect(withinServiceHours(shanghai('20:00'), '08:30-17:30', 'UTC')).toBe(true);
  });

  it('handles a night shift past midnight', () => {
    expect(withinServiceHours(shanghai('23:00'), '20:00-06:00', 'Asia/Shanghai')).toBe(true);
    expect(withinServiceHours(shanghai('05:59'), '20:00-06:00', 'Asia/Shanghai')).toBe(true);
    expect(withinServiceHours(shanghai('12:00'), '20:00-06:00', 'Asia/Shanghai')).toBe(false);
  });

  it('refuses a malformed window', () => {
    expect(() => withinServiceHours(new Date(), '9-5', 'Asia/Shanghai')).toThrow(/HH:MM-HH:MM/);
  });
});
