import { describe, expect, it } from 'vitest';
import { addTimeLimit, addWorkingDays, deadlinesFor, warnAtFor } from './time-limit.ts';
import { defaultTimeLimitRules } from '../demo/index.ts';

const TZ = 'Asia/Shanghai';
/** A Shanghai wall-clock time as an instant. */
const sh = (local: string) => new Date(`${local}+08:00`);
const rule = (categoryCode: string, urgency: string) => defaultTimeLimitRules.find((r) => r.categoryCode === categoryCode && r.urgency === urgency)!;

describe('working days (工作日) by the Chinese holiday calendar', () => {
  it('skips a weekend: Friday + 1 is Monday at the same time of day', () => {
    expect(addWorkingDays(sh('2026-11-20T09:30:00'), 1, TZ)).toEqual(sh('2026-11-23T09:30:00'));
    expect(addWorkingDays(sh('2026-11-20T09:30:00'), 5, TZ)).toEqual(sh('2026-11-27T09:30:00'));
  });

  it('counts from the next working day when dispatched on a rest day', () => {
    expect(addWorkingDays(sh('2026-11-21T22:15:00'), 1, TZ)).toEqual(sh('2026-11-23T22:15:00'));
  });

  it('skips National Day 2026 (Oct 1–7) and counts Saturday Oct 10, a make-up workday (调休)', () => {
    const lastDayBefore = sh('2026-09-30T16:00:00');
    expect(addWorkingDays(lastDayBefore, 1, TZ)).toEqual(sh('2026-10-08T16:00:00'));
    expect(addWorkingDays(lastDayBefore, 3, TZ)).toEqual(sh('2026-10-10T16:00:00'));
    expect(addWorkingDays(lastDayBefore, 4, TZ)).toEqual(sh('2026-10-12T16:00:00'));
    expect(addWorkingDays(sh('2026-10-03T10:00:00'), 1, TZ)).toEqual(sh('2026-10-08T10:00:00'));
  });

  it('counts the Spring Festival 2026 make-up Saturdays (Feb 14 and Feb 28) and skips Feb 15–23', () => {
    expect(addWorkingDays(sh('2026-02-13T10:00:00'), 1, TZ)).toEqual(sh('2026-02-14T10:00:00'));
    expect(addWorkingDays(sh('2026-02-13T10:00:00'), 2, TZ)).toEqual(sh('2026-02-24T10:00:00'));
    expect(addWorkingDays(sh('2026-02-27T10:00:00'), 1, TZ)).toEqual(sh('2026-02-28T10:00:00'));
    expect(addWorkingDays(sh('2026-02-27T10:00:00'), 2, TZ)).toEqual(sh('2026-03-02T10:00:00'));
  });

  it('uses the hotline’s local date, not UTC’s: 07:00 in Shanghai on Thursday Oct 8 is still Oct 7 in UTC', () => {
    expect(addWorkingDays(sh('2026-10-08T07:00:00'), 1, TZ)).toEqual(sh('2026-10-09T07:00:00'));
  });

  it('zero working days is the moment itself', () => {
    expect(addWorkingDays(sh('2026-10-08T07:00:00'), 0, TZ)).toEqual(sh('2026-10-08T07:00:00'));
  });
});

describe('the deadlines of a dispatch (时限)', () => {
  it('counts hours on the clock, holidays or not', () => {
    expect(addTimeLimit(sh('2026-10-01T23:30:00'), 2, 'hours', TZ)).toEqual(sh('2026-10-02T01:30:00'));
    expect(deadlinesFor(rule('*', 'emergency'), sh('2026-10-01T23:30:00'), TZ)).toEqual({
      signDueAt: sh('2026-10-02T00:30:00'),
      timeLimitAt: sh('2026-10-02T01:30:00'),
      warnAt: sh('2026-10-02T01:06:00'),
    });
    expect(deadlinesFor(rule('*', 'urgent'), sh('2026-11-20T09:30:00'), TZ)).toMatchObject({
      signDueAt: sh('2026-11-20T11:30:00'),
      timeLimitAt: sh('2026-11-21T09:30:00'),
    });
  });

  it('gives a normal matter 1 working day to sign and 5 to complete, a pollution case 3, a dispute 10', () => {
    const from = sh('2026-09-29T10:00:00');
    expect(deadlinesFor(rule('*', 'normal'), from, TZ)).toMatchObject({ signDueAt: sh('2026-09-30T10:00:00'), timeLimitAt: sh('2026-10-12T10:00:00') });
    expect(deadlinesFor(rule('pollution', 'normal'), from, TZ).timeLimitAt).toEqual(sh('2026-10-09T10:00:00'));
    expect(deadlinesFor(rule('dispute-mediation', 'normal'), from, TZ).timeLimitAt).toEqual(sh('2026-10-19T10:00:00'));
  });

  it('puts the yellow line at 80% of the calendar span', () => {
    expect(warnAtFor(sh('2026-11-20T00:00:00'), sh('2026-11-25T00:00:00'))).toEqual(sh('2026-11-24T00:00:00'));
  });

  it('keeps the agent’s chosen time limit and never lets sign-for fall after it', () => {
    const from = sh('2026-11-20T09:30:00');
    const chosen = sh('2026-11-20T10:30:00');
    expect(deadlinesFor(rule('*', 'normal'), from, TZ, chosen)).toEqual({ signDueAt: chosen, timeLimitAt: chosen, warnAt: sh('2026-11-20T10:18:00') });
    const later = sh('2026-12-01T09:30:00');
    expect(deadlinesFor(rule('*', 'normal'), from, TZ, later)).toMatchObject({ signDueAt: sh('2026-11-23T09:30:00'), timeLimitAt: later });
  });
});
