/** `HH:MM-HH:MM` in the hotline's zone; `00:00-24:00` is round the clock (7×24). */
export const SERVICE_HOURS_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-4]):([0-5]\d)$/;

function minutesOfDay(at: Date, timezone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: timezone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return get('hour') * 60 + get('minute');
}

/** Whether people answer the phone at `at`. A window that ends before it starts runs past midnight. */
export function withinServiceHours(at: Date, hours: string, timezone: string): boolean {
  const match = SERVICE_HOURS_PATTERN.exec(hours);
  if (!match) throw new Error(`service hours "${hours}" are not HH:MM-HH:MM`);
  const [, h1, m1, h2, m2] = match.map(Number) as [number, number, number, number, number];
  const start = h1 * 60 + m1;
  const end = h2 * 60 + m2;
  const now = minutesOfDay(at, timezone);
  return start <= end ? now >= start && now < end : now >= start || now < end;
}
