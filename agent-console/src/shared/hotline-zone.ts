/**
 * The hotline's time zone (HOTLINE_TIMEZONE): every date and time in the console is shown and typed
 * in it, whatever zone the agent's browser is set to, so a time limit means the same to everyone.
 * The server says which at login; until then the server's own default.
 */
let zone = 'Asia/Shanghai';

export const hotlineTimeZone = () => zone;

export function setHotlineTimeZone(timeZone: string): void {
  zone = timeZone;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The wall-clock fields of an instant in a zone. */
function fieldsIn(date: Date, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)!.value);
  return { year: part('year'), month: part('month'), day: part('day'), hour: part('hour'), minute: part('minute') };
}

/** An instant as `YYYY-MM-DD HH:mm` on the hotline's clock; '' when there is none. */
export function toZoneInput(iso: string | null, timeZone = zone): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const f = fieldsIn(date, timeZone);
  return `${f.year}-${pad(f.month)}-${pad(f.day)} ${pad(f.hour)}:${pad(f.minute)}`;
}

const INPUT = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})[ T](\d{1,2}):(\d{2})\s*$/;

/**
 * `YYYY-MM-DD HH:mm` on the hotline's clock back to an ISO instant; null when it is not a real
 * date and time. The zone's offset is found by asking what the first guess reads as there.
 */
export function fromZoneInput(value: string, timeZone = zone): string | null {
  const match = INPUT.exec(value);
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  const wanted = Date.UTC(year, month - 1, day, hour, minute);
  const check = new Date(wanted);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23) return null;
  let instant = wanted;
  for (let i = 0; i < 2; i++) {
    const f = fieldsIn(new Date(instant), timeZone);
    instant += wanted - Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute);
  }
  return new Date(instant).toISOString();
}
