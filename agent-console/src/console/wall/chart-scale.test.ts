import { describe, expect, it } from 'vitest';
import { HEAT_COLOURS, barWidths, heatColour, heatLegend, heatStep, niceMax, rowTotal, stackSegments, ticks } from './chart-scale.ts';

describe('axis scaling', () => {
  it('rounds the maximum up to 1, 2 or 5 × 10ⁿ', () => {
    expect(niceMax(0)).toBe(1);
    expect(niceMax(-3)).toBe(1);
    expect(niceMax(1)).toBe(1);
    expect(niceMax(3)).toBe(5);
    expect(niceMax(7)).toBe(10);
    expect(niceMax(12)).toBe(20);
    expect(niceMax(20)).toBe(20);
    expect(niceMax(51)).toBe(100);
    expect(niceMax(0.3)).toBe(0.5);
  });

  it('puts whole-number ticks from 0 to the top', () => {
    expect(ticks(20)).toEqual([0, 5, 10, 15, 20]);
    expect(ticks(10)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(ticks(50)).toEqual([0, 10, 20, 30, 40, 50]);
    expect(ticks(5)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(ticks(2)).toEqual([0, 1, 2]);
    expect(ticks(1)).toEqual([0, 1]);
    expect(ticks(0)).toEqual([0]);
    // Not a nice top: about four steps, the top itself last.
    expect(ticks(7)).toEqual([0, 2, 4, 6, 7]);
  });
});

describe('stacked bars', () => {
  const keys = ['voice', 'sms', 'wechat', 'web'] as const;

  it('stacks bottom-up in key order, scaled to the plot height', () => {
    const segments = stackSegments({ voice: 2, sms: 0, wechat: 1, web: 1 }, keys, 8, 80);
    expect(segments).toEqual([
      { key: 'voice', value: 2, y: 60, height: 20 },
      { key: 'wechat', value: 1, y: 50, height: 10 },
      { key: 'web', value: 1, y: 40, height: 10 },
    ]);
    expect(rowTotal({ voice: 2, sms: 0, wechat: 1, web: 1 }, keys)).toBe(4);
  });

  it('draws nothing for an empty hour or an empty axis', () => {
    expect(stackSegments({ voice: 0, sms: 0, wechat: 0, web: 0 }, keys, 5, 80)).toEqual([]);
    expect(stackSegments({ voice: 3, sms: 0, wechat: 0, web: 0 }, keys, 0, 80)).toEqual([{ key: 'voice', value: 3, y: 80, height: 0 }]);
    expect(stackSegments({ voice: -1, sms: 1, wechat: 0, web: 0 }, keys, 1, 10)).toEqual([{ key: 'sms', value: 1, y: 0, height: 10 }]);
  });

  it('fills the plot exactly with the busiest hour at the top', () => {
    const segments = stackSegments({ voice: 5, sms: 3, wechat: 2, web: 0 }, keys, 10, 120);
    expect(segments.at(-1)!.y).toBeCloseTo(0);
    expect(segments.reduce((sum, s) => sum + s.height, 0)).toBeCloseTo(120);
  });
});

describe('heat map colours', () => {
  it('gives no colour to an empty grid and the darkest to the busiest', () => {
    expect(heatStep(0, 10)).toBe(0);
    expect(heatStep(10, 10)).toBe(5);
    expect(heatStep(1, 10)).toBe(1);
    expect(heatStep(5, 10)).toBe(3);
    expect(heatStep(3, 0)).toBe(0);
    expect(heatStep(20, 10)).toBe(5);
  });

  it('maps steps to colours, light to dark', () => {
    expect(heatColour(0)).toBe(HEAT_COLOURS[0]);
    expect(heatColour(5)).toBe(HEAT_COLOURS[5]);
    expect(heatColour(9)).toBe(HEAT_COLOURS[5]);
    expect(heatColour(-1)).toBe(HEAT_COLOURS[0]);
  });

  it('labels each step of the legend with the counts it covers', () => {
    expect(heatLegend(10)).toEqual([
      { step: 1, from: 1, to: 2 },
      { step: 2, from: 3, to: 4 },
      { step: 3, from: 5, to: 6 },
      { step: 4, from: 7, to: 8 },
      { step: 5, from: 9, to: 10 },
    ]);
    // One appeal in the busiest grid: one step, the darkest.
    expect(heatLegend(1)).toEqual([{ step: 5, from: 1, to: 1 }]);
    expect(heatLegend(0)).toEqual([]);
    expect(heatLegend(3).map((l) => l.step)).toEqual([2, 4, 5]);
  });
});

describe('hot word bars', () => {
  it('are relative to the hottest term', () => {
    expect(barWidths([8, 4, 1])).toEqual([100, 50, 12.5]);
    expect(barWidths([3, 3])).toEqual([100, 100]);
  });

  it('are empty when there is nothing to compare', () => {
    expect(barWidths([])).toEqual([]);
    expect(barWidths([0, 0])).toEqual([0, 0]);
  });
});
