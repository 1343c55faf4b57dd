import { sql } from 'drizzle-orm';
import type { Tx } from '../db/client.ts';
import { caseNumberCounters } from './schema.ts';
import { wallClock } from '../config/zoned-time.ts';

/** `20261122` for the hotline's own calendar day, whatever the server's zone. */
export function caseDay(at: Date, timezone: string): string {
  const { year, month, day } = wallClock(at, timezone);
  return `${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}`;
}

export const formatCaseNumber = (day: string, sequence: number) => `${day}${String(sequence).padStart(6, '0')}`;

/**
 * 案件流水号: the day plus its next sequence number. The upsert takes the day's row lock,
 * so concurrent transactions queue for it and the numbers come out unique and increasing.
 */
export async function nextCaseNumber(tx: Tx, at: Date, timezone: string): Promise<string> {
  const day = caseDay(at, timezone);
  const [row] = await tx
    .insert(caseNumberCounters)
    .values({ day, lastValue: 1 })
    .onConflictDoUpdate({ target: caseNumberCounters.day, set: { lastValue: sql`${caseNumberCounters.lastValue} + 1` } })
    .returning({ lastValue: caseNumberCounters.lastValue });
  return formatCaseNumber(day, row!.lastValue);
}
