import { describe, expect, it } from 'vitest';
import { fromZoneInput, toZoneInput } from './hotline-zone.ts';

describe('times on the hotline’s clock, whatever the browser’s zone', () => {
  it('shows and reads an instant in Beijing time', () => {
    expect(toZoneInput('2026-12-04T18:38:00.000Z', 'Asia/Shanghai')).toBe('2026-12-05 02:38');
    expect(fromZoneInput('2026-12-05 02:38', 'Asia/Shanghai')).toBe('2026-12-04T18:38:00.000Z');
    expect(fromZoneInput('2026-12-05T02:38', 'Asia/Shanghai')).toBe('2026-12-04T18:38:00.000Z');
  });

  it('follows a zone with summer time on both sides of the change', () => {
    expect(fromZoneInput('2026-07-01 09:00', 'America/New_York')).toBe('2026-07-01T13:00:00.000Z');
    expect(fromZoneInput('2026-12-01 09:00', 'America/New_York')).toBe('2026-12-01T14:00:00.000Z');
    expect(toZoneInput('2026-07-01T13:00:00.000Z', 'America/New_York')).toBe('2026-07-01 09:00');
  });

  it('refuses what is not a real date and time, and shows nothing for no instant', () => {
    for (const bad of ['', '2026-13-01 10:00', '2026-02-30 10:00', '2026-12-05 24:10', '明天下午', '2026/12/05 10:00'])
      expect(fromZoneInput(bad, 'Asia/Shanghai')).toBeNull();
    expect(toZoneInput(null)).toBe('');
    expect(toZoneInput('not a date')).toBe('');
  });
});
