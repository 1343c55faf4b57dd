import { describe, expect, it } from 'vitest';
import { correctionFrom, formatPercent, isWeakGuess } from './nlp-format.ts';

describe('confidence', () => {
  it('is a whole percentage, never 0% for a label the model considered, never above 100%', () => {
    expect(formatPercent(0.834)).toBe('83%');
    expect(formatPercent(0.835)).toBe('84%');
    expect(formatPercent(1)).toBe('100%');
    expect(formatPercent(1.2)).toBe('100%');
    expect(formatPercent(0.004)).toBe('<1%');
    expect(formatPercent(0)).toBe('0%');
    expect(formatPercent(-0.1)).toBe('0%');
  });

  it('is a weak guess under one half; no confidence is no guess at all', () => {
    expect(isWeakGuess(0.49)).toBe(true);
    expect(isWeakGuess(0.5)).toBe(false);
    expect(isWeakGuess(0.93)).toBe(false);
    expect(isWeakGuess(null)).toBe(false);
    expect(isWeakGuess(undefined)).toBe(false);
  });
});

describe('a correction', () => {
  const stored = { appealType: 'complaint' as const, categoryCode: 'city-appearance', urgency: 'normal' as const };

  it('sends only the fields the agent changed', () => {
    expect(correctionFrom(stored, {})).toEqual({});
    expect(correctionFrom(stored, { categoryCode: 'city-appearance', urgency: 'normal' })).toEqual({});
    expect(correctionFrom(stored, { categoryCode: 'public-utilities', appealType: 'complaint' })).toEqual({ categoryCode: 'public-utilities' });
    expect(correctionFrom(stored, { urgency: 'emergency', appealType: 'help' })).toEqual({ urgency: 'emergency', appealType: 'help' });
  });

  it('can set what NLP left empty', () => {
    expect(correctionFrom({ appealType: null, categoryCode: null, urgency: 'normal' }, { categoryCode: 'emergency' })).toEqual({ categoryCode: 'emergency' });
  });
});
