import { type ChannelName, channelNames } from './plan.ts';

/** Nearest-rank percentile of values sorted ascending: the smallest value with at least p% at or below it. */
export function percentile(sorted: readonly number[], p: number): number | undefined {
  if (sorted.length === 0) return undefined;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export interface Latency {
  p50: number | null;
  p95: number | null;
  p99: number | null;
}

export function latencyOf(values: readonly number[]): Latency {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => {
    const v = percentile(sorted, p);
    return v === undefined ? null : Math.round(v * 10) / 10;
  };
  return { p50: at(50), p95: at(95), p99: at(99) };
}

export interface ChannelCounts {
  /** Appeals (or calls) started. */
  sent: number;
  ok: number;
  errors: number;
  /** HTTP requests made, a call being several. */
  requests: number;
  /** Time to the answer carrying the case number (or, for a progress call, the progress). */
  latencyMs: Latency;
}

export interface FailureSample {
  channel: ChannelName;
  step: string;
  status: number | null;
  message: string;
  body: string;
}

const FAILURE_SAMPLES = 5;
const BODY_SAMPLE = 300;

/** Counts and acknowledgement latencies, per channel, as the run goes. */
export class Tally {
  private readonly counts = new Map<ChannelName, { sent: number; ok: number; errors: number; requests: number; latencies: number[] }>(
    channelNames.map((c) => [c, { sent: 0, ok: 0, errors: 0, requests: 0, latencies: [] }]),
  );
  readonly failures: FailureSample[] = [];
  private failureCount = 0;

  started(channel: ChannelName): void {
    this.counts.get(channel)!.sent++;
  }

  succeeded(channel: ChannelName, ackMs: number, requests: number): void {
    const c = this.counts.get(channel)!;
    c.ok++;
    c.requests += requests;
    c.latencies.push(ackMs);
  }

  failed(channel: ChannelName, failure: Omit<FailureSample, 'channel'>, requests: number): void {
    const c = this.counts.get(channel)!;
    c.errors++;
    c.requests += requests;
    this.failureCount++;
    if (this.failures.length < FAILURE_SAMPLES) this.failures.push({ channel, ...failure, body: failure.body.slice(0, BODY_SAMPLE) });
  }

  totals() {
    const all = [...this.counts.values()];
    const sum = (k: 'sent' | 'ok' | 'errors' | 'requests') => all.reduce((n, c) => n + c[k], 0);
    return { sent: sum('sent'), ok: sum('ok'), errors: sum('errors'), requests: sum('requests') };
  }

  channels(): Record<ChannelName, ChannelCounts> {
    return Object.fromEntries([...this.counts].map(([channel, { latencies, ...c }]) => [channel, { ...c, latencyMs: latencyOf(latencies) }])) as Record<
      ChannelName,
      ChannelCounts
    >;
  }

  overall(): ChannelCounts {
    return { ...this.totals(), latencyMs: latencyOf([...this.counts.values()].flatMap((c) => c.latencies)) };
  }
}

const ms = (v: number | null) => (v === null ? '-' : v.toFixed(v < 100 ? 1 : 0));

/** The summary table: one row per channel, then all channels together. */
export function formatTable(channels: Record<ChannelName, ChannelCounts>, overall: ChannelCounts): string {
  const header = ['channel', 'sent', 'ok', 'errors', 'requests', 'p50 ms', 'p95 ms', 'p99 ms'];
  const row = (name: string, c: ChannelCounts) =>
    [name, c.sent, c.ok, c.errors, c.requests, ms(c.latencyMs.p50), ms(c.latencyMs.p95), ms(c.latencyMs.p99)].map(String);
  const rows = [header, ...channelNames.map((c) => row(c, channels[c])), row('all', overall)];
  const widths = header.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(rows[0]!), rule, ...rows.slice(1, -1).map(line), rule, line(rows.at(-1)!)].join('\n');
}
