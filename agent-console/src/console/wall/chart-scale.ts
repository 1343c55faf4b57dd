/**
 * Scales for the wall's plain-SVG charts: nice axis maxima and ticks, stacked bar geometry, the
 * heat map's colour steps, and bar lengths (the hot words' too). Pure, so the numbers can be
 * checked without a browser.
 */

/** The smallest 1, 2 or 5 × 10ⁿ at or above `max` (at least 1), so axis labels are round numbers. */
export function niceMax(max: number): number {
  if (!(max > 0)) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 5, 10]) {
    if (step * magnitude >= max) return step * magnitude;
  }
  return 10 * magnitude;
}

/**
 * Ticks from 0 to a `niceMax` top, whole numbers only: 10 → 0 2 4 6 8 10, 20 → 0 5 10 15 20,
 * 50 → 0 10 … 50, 2 → 0 1 2. Any other top gets about four steps and itself as the last tick.
 */
export function ticks(top: number): number[] {
  if (!(top > 0)) return [0];
  const leading = top / 10 ** Math.floor(Math.log10(top));
  const nice = [1, 2, 5].find((m) => Math.abs(leading - m) < 1e-9);
  const step = Math.max(1, nice === undefined ? Math.ceil(top / 4) : top / (nice === 2 ? 4 : 5));
  const result: number[] = [];
  for (let value = 0; value <= top + 1e-9; value += step) result.push(Math.round(value * 1e6) / 1e6);
  if (result[result.length - 1]! < top) result.push(top);
  return result;
}

export interface Segment<K extends string> {
  key: K;
  value: number;
  /** From the top of the plot, in pixels. */
  y: number;
  height: number;
}

/**
 * One stacked bar: its segments bottom-up in `keys` order, scaled so `top` fills `height` pixels.
 * Zero segments are left out; negative values count as zero.
 */
export function stackSegments<K extends string>(row: Record<K, number>, keys: readonly K[], top: number, height: number): Segment<K>[] {
  const scale = top > 0 ? height / top : 0;
  const segments: Segment<K>[] = [];
  let base = 0;
  for (const key of keys) {
    const value = Math.max(0, row[key] ?? 0);
    if (value === 0) continue;
    const h = value * scale;
    segments.push({ key, value, y: height - (base + h), height: h });
    base += h;
  }
  return segments;
}

export const rowTotal = <K extends string>(row: Record<K, number>, keys: readonly K[]) => keys.reduce((sum, key) => sum + Math.max(0, row[key] ?? 0), 0);

/** The heat map's steps: 0 is "none", then 1…HEAT_STEPS from a few appeals to the busiest grid. */
export const HEAT_STEPS = 5;

/** Light to dark: more appeals is darker, readable on a grey-white map and in greyscale print. */
export const HEAT_COLOURS = ['#f2f4f7', '#fde7c4', '#fbbf72', '#f38b3c', '#d9531e', '#9c2a10'] as const;

/** A grid's step: 0 for no appeals; otherwise proportional to the busiest grid, at least 1. */
export function heatStep(count: number, max: number, steps = HEAT_STEPS): number {
  if (count <= 0 || max <= 0) return 0;
  return Math.min(steps, Math.max(1, Math.ceil((count / max) * steps)));
}

export const heatColour = (step: number) => HEAT_COLOURS[Math.min(HEAT_COLOURS.length - 1, Math.max(0, step))]!;

/**
 * The legend: each step with the counts it covers ("1–2", "3–4"…), so the colours can be read
 * back as numbers. Steps no whole count falls into (a small maximum) are left out.
 */
export function heatLegend(max: number, steps = HEAT_STEPS): { step: number; from: number; to: number }[] {
  const legend: { step: number; from: number; to: number }[] = [];
  for (let count = 1; count <= max; count++) {
    const step = heatStep(count, max, steps);
    const last = legend[legend.length - 1];
    if (last && last.step === step) last.to = count;
    else legend.push({ step, from: count, to: count });
  }
  return legend;
}

/** Bar lengths in percent for the bar lists (hot words, category mix), relative to the largest value, which fills its bar. */
export function barWidths(values: readonly number[]): number[] {
  const max = Math.max(0, ...values);
  return values.map((v) => (max > 0 ? Math.round((Math.max(0, v) / max) * 1000) / 10 : 0));
}
