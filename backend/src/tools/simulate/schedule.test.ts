import { describe, expect, it } from 'vitest';
import { type Clock, runOpenLoop, startOffsets } from './schedule.ts';

/** Time that moves only when every pending promise is waiting on it: no wall clock involved. */
class VirtualClock implements Clock {
  private time = 0;
  private timers: { at: number; seq: number; resolve: () => void }[] = [];
  private seq = 0;

  now = () => this.time;

  sleep = (ms: number) => new Promise<void>((resolve) => this.timers.push({ at: this.time + Math.max(0, ms), seq: this.seq++, resolve }));

  /** Runs `work` to completion, firing timers in order whenever nothing else can proceed. */
  async drive<T>(work: Promise<T>): Promise<T> {
    let settled = false;
    void work.then(
      () => (settled = true),
      () => (settled = true),
    );
    for (;;) {
      await new Promise((resolve) => setImmediate(resolve));
      if (settled) return work;
      this.timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
      const next = this.timers.shift();
      if (!next) throw new Error('deadlock: nothing to wait for');
      this.time = next.at;
      next.resolve();
    }
  }
}

describe('open-loop pacing', () => {
  it('spaces arrivals evenly at the rate', () => {
    expect(startOffsets(4, 2)).toEqual([0, 500, 1000, 1500]);
    expect(startOffsets(0, 5)).toEqual([]);
  });

  it('starts each task when due even while earlier ones are still running', async () => {
    const clock = new VirtualClock();
    const starts: number[] = [];
    let concurrent = 0;
    let peak = 0;
    const task = async () => {
      starts.push(clock.now());
      peak = Math.max(peak, ++concurrent);
      await clock.sleep(1_000); // each "request" takes a second: four times the interval
      concurrent--;
    };
    const result = await clock.drive(runOpenLoop({ count: 8, rate: 4, maxInFlight: 100, task, clock }));
    expect(starts).toEqual([0, 250, 500, 750, 1000, 1250, 1500, 1750]);
    expect(peak).toBe(4);
    expect(result).toEqual({ started: 8, late: 0, maxLagMs: 0, spanMs: 1750, aborted: false });
    expect(clock.now()).toBe(2750);
  });

  it('holds arrivals back at the in-flight cap and counts them as late', async () => {
    const clock = new VirtualClock();
    const starts: number[] = [];
    let concurrent = 0;
    let peak = 0;
    const task = async () => {
      starts.push(clock.now());
      peak = Math.max(peak, ++concurrent);
      await clock.sleep(1_000);
      concurrent--;
    };
    const result = await clock.drive(runOpenLoop({ count: 6, rate: 10, maxInFlight: 2, task, clock }));
    expect(peak).toBe(2);
    expect(starts).toEqual([0, 100, 1000, 1100, 2000, 2100]);
    expect(result).toMatchObject({ started: 6, late: 4, maxLagMs: 1600 });
  });

  it('stops starting new tasks once aborted, and finishes those in flight', async () => {
    const clock = new VirtualClock();
    const stop = new AbortController();
    const finished: number[] = [];
    const task = async (i: number) => {
      if (i === 2) stop.abort();
      await clock.sleep(300);
      finished.push(i);
    };
    const result = await clock.drive(runOpenLoop({ count: 10, rate: 10, maxInFlight: 10, task, clock, signal: stop.signal }));
    expect(result).toMatchObject({ started: 3, aborted: true });
    expect(finished.sort()).toEqual([0, 1, 2]);
  });

  it('finishes the run, then surfaces a task that rejected', async () => {
    const clock = new VirtualClock();
    const finished: number[] = [];
    const task = async (i: number) => {
      await clock.sleep(10);
      if (i === 1) throw new Error('boom');
      finished.push(i);
    };
    await expect(clock.drive(runOpenLoop({ count: 3, rate: 10, maxInFlight: 5, task, clock }))).rejects.toThrow('boom');
    expect(finished).toEqual([0, 2]);
  });
});
