import type { WallChannel } from '../contract.ts';

/** A share from 0 to 1 as a whole percentage: "87%"; "—" when there is nothing to measure yet. */
export function formatShare(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  const clamped = Math.min(1, Math.max(0, value));
  if (clamped > 0 && clamped < 0.005) return '<1%';
  const percent = Math.round(clamped * 100);
  // 99.6% is not "everything": a missed answer must never read as 100%.
  if (percent === 100 && clamped < 1) return '99%';
  return `${percent}%`;
}

/** A wait as a clock reads it: 0:45, 12:05, 1:02:03. */
export function formatWait(seconds: number): string {
  const total = Math.max(0, Math.floor(seconds));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = h > 0 ? String(m).padStart(2, '0') : String(m);
  return `${h > 0 ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`;
}

/**
 * The longest wait now: the snapshot's figure plus the time since it was taken, so the tile ticks
 * between pushes. Nobody waiting means no wait, whatever the clock says.
 */
export function longestWaitNow(channel: Pick<WallChannel, 'waiting' | 'longestWaitSeconds'>, generatedAt: string, now: number): number {
  if (channel.waiting <= 0) return 0;
  const since = Math.max(0, (now - Date.parse(generatedAt)) / 1000);
  return Math.floor(channel.longestWaitSeconds + since);
}

export type Tone = 'good' | 'warn' | 'bad' | 'none';

/** Service level against its target (80% answered in time is the usual contact-centre goal). */
export function serviceLevelTone(level: number | null, target = 0.8): Tone {
  if (level === null) return 'none';
  if (level >= target) return 'good';
  return level >= target - 0.2 ? 'warn' : 'bad';
}

/** A long wait is amber at the service-level target, red at twice it. */
export function waitTone(seconds: number, targetSeconds: number): Tone {
  if (seconds <= 0) return 'none';
  if (seconds >= targetSeconds * 2) return 'bad';
  return seconds >= targetSeconds ? 'warn' : 'good';
}

/** Callers who hung up while queued: over 5% is worth a look, over 10% is a problem. */
export function abandonTone(rate: number | null): Tone {
  if (rate === null) return 'none';
  if (rate > 0.1) return 'bad';
  return rate > 0.05 ? 'warn' : 'good';
}

/** The newer of two snapshots: a push and a refetch can cross on the wire. */
export function newerSnapshot<T extends { generatedAt: string }>(current: T | null, incoming: T): T {
  if (!current) return incoming;
  return Date.parse(incoming.generatedAt) >= Date.parse(current.generatedAt) ? incoming : current;
}
