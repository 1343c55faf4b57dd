import { describe, expect, it } from 'vitest';
import { timeLimitFor } from './time-limit.ts';

describe('the time limit (时限) of an event', () => {
  const from = new Date('2026-11-20T09:30:00+08:00');

  it('gives an emergency two hours, an urgent matter a day, a normal one five days', () => {
    expect(timeLimitFor('emergency', from).toISOString()).toBe('2026-11-20T03:30:00.000Z');
    expect(timeLimitFor('urgent', from).toISOString()).toBe('2026-11-21T01:30:00.000Z');
    expect(timeLimitFor('normal', from).toISOString()).toBe('2026-11-25T01:30:00.000Z');
  });

  it('counts from the moment given, not from now', () => {
    expect(timeLimitFor('normal', new Date(0)).getTime()).toBe(5 * 24 * 3600 * 1000);
  });
});
