import { describe, expect, it } from 'vitest';
import { evidenceFacts, isWarning, roundDistance } from './evidence.ts';

describe('duplicate evidence', () => {
  it('rounds distances to 10 m, and to a tenth of a kilometre beyond 1 km', () => {
    expect(roundDistance(0)).toEqual({ value: 0, unit: 'm' });
    expect(roundDistance(14)).toEqual({ value: 10, unit: 'm' });
    expect(roundDistance(996)).toEqual({ value: 1000, unit: 'm' });
    expect(roundDistance(1000)).toEqual({ value: 1, unit: 'km' });
    expect(roundDistance(1260)).toEqual({ value: 1.3, unit: 'km' });
  });

  it('reads as place, time, wording and category', () => {
    expect(evidenceFacts({ sharedTerms: ['路灯'], distanceMeters: 23, minutesApart: 4.6, textSimilarity: 0.71, sameCategory: true })).toEqual([
      { kind: 'distance', value: 20, unit: 'm' },
      { kind: 'apart', minutes: 5 },
      { kind: 'similarity', percent: '71%' },
      { kind: 'sameCategory' },
    ]);
  });

  it('says when there is no place to compare, and leaves out an unknown category', () => {
    expect(evidenceFacts({ sharedTerms: [], distanceMeters: null, minutesApart: -30, textSimilarity: 0.4, sameCategory: null })).toEqual([
      { kind: 'noDistance' },
      { kind: 'apart', minutes: 30 },
      { kind: 'similarity', percent: '40%' },
    ]);
    expect(evidenceFacts({ sharedTerms: [], distanceMeters: 2400, minutesApart: 0, textSimilarity: 1, sameCategory: false }).at(-1)).toEqual({
      kind: 'otherCategory',
    });
  });

  it('says when the wording is identical, when both are emergencies, and warns last of another category', () => {
    const facts = evidenceFacts({
      sharedTerms: [],
      distanceMeters: null,
      minutesApart: 3,
      textSimilarity: 0.98,
      sameCategory: false,
      identicalText: true,
      emergency: true,
    });
    expect(facts.map((f) => f.kind)).toEqual(['noDistance', 'apart', 'identicalText', 'bothEmergency', 'otherCategory']);
    expect(facts.filter(isWarning).map((f) => f.kind)).toEqual(['otherCategory']);
  });
});
