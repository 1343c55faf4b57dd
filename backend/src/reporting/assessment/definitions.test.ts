import { describe, expect, it } from 'vitest';
import { METRIC_DEFINITIONS, assessmentMetrics, ranksOf, rate, scoreOf } from './definitions.ts';

const none = { signRate: null, transferRate: null, handlingRate: null, closureRate: null, onTimeRate: null, satisfactionRate: null };

describe('assessment scoring', () => {
  it('has no rate without a denominator', () => {
    expect(rate(0, 0)).toBeNull();
    expect(rate(0, 3)).toBe(0);
  });

  it('scores the weighted mean of the rates that exist, the transfer rate aside', () => {
    expect(scoreOf({ ...none, signRate: 1, handlingRate: 1, closureRate: 1, onTimeRate: 1, satisfactionRate: 1, transferRate: 1 })).toBe(100);
    expect(scoreOf({ ...none, signRate: 1, handlingRate: 1, closureRate: 1, onTimeRate: 1, satisfactionRate: 1, transferRate: 0 })).toBe(100);
    // Only the satisfaction rate is missing: the other 70% carry the score.
    expect(scoreOf({ ...none, signRate: 1, handlingRate: 0, closureRate: 0.5, onTimeRate: 1, transferRate: 0 })).toBe(
      Math.round((1000 * (0.15 + 0.1 + 0.2)) / 0.7) / 10,
    );
    expect(scoreOf(none)).toBeNull();
  });

  it('ranks by score with shared ranks, leaving unscored units unranked', () => {
    expect(ranksOf([80, null, 95, 80, 60])).toEqual([2, null, 1, 2, 4]);
  });

  it('defines every figure once, in both languages', () => {
    expect(METRIC_DEFINITIONS.map((d) => d.metric)).toEqual([...assessmentMetrics]);
    for (const d of METRIC_DEFINITIONS) expect(d.name['zh-CN'] && d.name.en && d.definition['zh-CN'] && d.definition.en).toBeTruthy();
  });
});
