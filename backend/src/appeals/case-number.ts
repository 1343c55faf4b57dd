import { sql } from 'drizzle-orm';
import type { Tx } from '../platform/db/index.ts';
import { caseNumberCounters } from './schema.ts';
import { wallClock } from '../platform/config/index.ts';

/** `20261122` for the hotline's own calendar day, whatever the server's zone. */
export function caseDay(at: Date, timezone: string): string {
  const { year, month, day } = wallClock(at, timezone);
  return `${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}`;
}

export const formatCaseNumber = (day: string, sequence: number) => `${day}${String(sequence).padStart(6, '0')}`;

/**
 * 案件流水号 for appeals received at `times`, in that order: each day's next sequence numbers. The
 * upsert takes the day's row lock, so concurrent transactions queue for it and the numbers come out
 * unique and increasing; a batch reserves its run of numbers in one statement per day.
 */
export async function reserveCaseNumbers(tx: Tx, times: Date[], timezone: string): Promise<string[]> {
  const days = times.map((at) => caseDay(at, timezone));
  const next = new Map<string, number>();
  for (const day of [...new Set(days)].sort()) {
    const count = days.filter((d) => d === day).length;
    const [row] = await tx
      .insert(caseNumberCounters)
      .values({ day, lastValue: count })
      .onConflictDoUpdate({ target: caseNumberCounters.day, set: { lastValue: sql`${caseNumberCounters.lastValue} + ${count}` } })
      .returning({ lastValue: caseNumberCounters.lastValue });
    next.set(day, row!.lastValue - count + 1);
  }
  return days.map((day) => {
    const sequence = next.get(day)!;
    next.set(day, sequence + 1);
    return formatCaseNumber(day, sequence);
  });
}
