import { describe, expect, it } from 'vitest';
import { abandonTone, formatShare, formatWait, longestWaitNow, newerSnapshot, serviceLevelTone, waitTone } from './wall-format.ts';

describe('service level and rates', () => {
  it('shows a share as a whole percentage, and nothing when there is nothing to measure', () => {
    expect(formatShare(0.873)).toBe('87%');
    expect(formatShare(1)).toBe('100%');
    expect(formatShare(0)).toBe('0%');
    expect(formatShare(null)).toBe('—');
    expect(formatShare(undefined)).toBe('—');
  });

  it('never rounds a miss up to 100% or a few down to 0%', () => {
    expect(formatShare(0.996)).toBe('99%');
    expect(formatShare(0.001)).toBe('<1%');
    expect(formatShare(1.2)).toBe('100%');
    expect(formatShare(-0.1)).toBe('0%');
  });

  it('grades the service level against its target', () => {
    expect(serviceLevelTone(null)).toBe('none');
    expect(serviceLevelTone(0.8)).toBe('good');
    expect(serviceLevelTone(0.65)).toBe('warn');
    expect(serviceLevelTone(0.4)).toBe('bad');
    expect(serviceLevelTone(0.9, 0.95)).toBe('warn');
  });

  it('grades abandoned calls', () => {
    expect(abandonTone(null)).toBe('none');
    expect(abandonTone(0.02)).toBe('good');
    expect(abandonTone(0.08)).toBe('warn');
    expect(abandonTone(0.25)).toBe('bad');
  });
});

describe('waits', () => {
  it('reads like a clock', () => {
    expect(formatWait(0)).toBe('0:00');
    expect(formatWait(45)).toBe('0:45');
    expect(formatWait(725)).toBe('12:05');
    expect(formatWait(3723)).toBe('1:02:03');
    expect(formatWait(-5)).toBe('0:00');
    expect(formatWait(59.9)).toBe('0:59');
  });

  it('ticks on from the snapshot while somebody waits', () => {
    const at = '2026-11-22T06:00:00.000Z';
    const now = Date.parse(at) + 12_500;
    expect(longestWaitNow({ waiting: 2, longestWaitSeconds: 100 }, at, now)).toBe(112);
    expect(longestWaitNow({ waiting: 0, longestWaitSeconds: 100 }, at, now)).toBe(0);
    // A clock behind the server's never makes the wait shrink.
    expect(longestWaitNow({ waiting: 1, longestWaitSeconds: 30 }, at, Date.parse(at) - 5_000)).toBe(30);
  });

  it('turns amber at the target and red at twice it', () => {
    expect(waitTone(0, 60)).toBe('none');
    expect(waitTone(30, 60)).toBe('good');
    expect(waitTone(60, 60)).toBe('warn');
    expect(waitTone(120, 60)).toBe('bad');
  });
});

describe('snapshots', () => {
  it('keeps the newer of a push and a refetch', () => {
    const older = { generatedAt: '2026-11-22T06:00:00.000Z', n: 1 };
    const newer = { generatedAt: '2026-11-22T06:00:02.000Z', n: 2 };
    expect(newerSnapshot(null, older)).toBe(older);
    expect(newerSnapshot(older, newer)).toBe(newer);
    expect(newerSnapshot(newer, older)).toBe(newer);
  });
});
