/**
 * The contract between a benchmark suite and `bench/run.ts`: a suite prints its figures as one
 * `BENCH_ROWS <json>` line; the runner repeats suites, takes medians and writes RESULTS.md.
 */
export interface Row {
  metric: string;
  value: number;
  unit: string;
  /** The customers' target, in words (e.g. "≥ 1,000/s"), when the issue sets one. */
  target?: string;
  /** Whether `value` meets the target; absent when there is none. */
  met?: boolean;
}

export const ROWS_MARKER = 'BENCH_ROWS ';

export function emitRows(rows: Row[]): void {
  console.log(`${ROWS_MARKER}${JSON.stringify(rows)}`);
}

const argIndex = (name: string) => process.argv.indexOf(`--${name}`);

export function argNumber(name: string, fallback: number): number {
  const i = argIndex(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

export function argList(name: string, fallback: string[]): string[] {
  const i = argIndex(name);
  return i >= 0 ? process.argv[i + 1]!.split(',') : fallback;
}

export const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;
export const median = (xs: number[]) => quantile(xs, 0.5);
