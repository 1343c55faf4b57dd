import { sql } from 'drizzle-orm';
import type { Tx } from '../db/client.ts';
import { caseNumberCounters } from './schema.ts';

/** Building an Intl formatter costs far more than using one: one per time zone, made once. */
const dayFormatters = new Map<string, Intl.DateTimeFormat>();
function dayFormatter(timezone: string): Intl.DateTimeFormat {
  let formatter = dayFormatters.get(timezone);
  if (!formatter) dayFormatters.set(timezone, (formatter = new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit' })));
  return formatter;
}

/** `20261122` for the hotline's own calendar day, whatever the server's zone. */
export function caseDay(at: Date, timezone: string): string {
  const parts = dayFormatter(timezone).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${get('year')}${get('month')}${get('day')}`;
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
