/** Time as the scheduler sees it; tests pass a virtual clock so nothing depends on the wall clock. */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** When each of `count` arrivals is due, in ms from the start, at `rate` per second, evenly spaced. */
export function startOffsets(count: number, rate: number): number[] {
  return Array.from({ length: count }, (_, i) => (i * 1000) / rate);
}

export interface OpenLoopResult {
  started: number;
  /** Arrivals that began more than `lateAfterMs` after they were due (the in-flight cap was reached, or the event loop lagged). */
  late: number;
  maxLagMs: number;
  /** From the start to the last arrival's actual start. */
  spanMs: number;
  aborted: boolean;
}

/**
 * Open-loop load: each task starts when it is due whether or not earlier ones have finished, so
 * a slow server meets the same arrival rate (a closed loop would slow down with it and hide
 * the problem). Only the in-flight cap holds arrivals back, and every such delay is counted.
 * Tasks should not reject; if one does, the run finishes and the first such error is thrown.
 */
export async function runOpenLoop(p: {
  count: number;
  rate: number;
  maxInFlight: number;
  task: (index: number) => Promise<void>;
  clock?: Clock;
  lateAfterMs?: number;
  signal?: AbortSignal;
}): Promise<OpenLoopResult> {
  const clock = p.clock ?? systemClock;
  const lateAfterMs = p.lateAfterMs ?? 100;
  const running = new Set<Promise<void>>();
  const failures: unknown[] = [];
  const result: OpenLoopResult = { started: 0, late: 0, maxLagMs: 0, spanMs: 0, aborted: false };
  const start = clock.now();

  for (const [index, offset] of startOffsets(p.count, p.rate).entries()) {
    const wait = start + offset - clock.now();
    if (wait > 0) await clock.sleep(wait);
    while (running.size >= p.maxInFlight) await Promise.race(running);
    if (p.signal?.aborted) {
      result.aborted = true;
      break;
    }
    const lag = clock.now() - (start + offset);
    result.maxLagMs = Math.max(result.maxLagMs, lag);
    if (lag > lateAfterMs) result.late++;
    result.started++;
    result.spanMs = clock.now() - start;
    const run: Promise<void> = p
      .task(index)
      .catch((error: unknown) => void failures.push(error))
      .finally(() => running.delete(run));
    running.add(run);
  }
  await Promise.all(running);
  if (failures.length) throw failures[0];
  return result;
}
