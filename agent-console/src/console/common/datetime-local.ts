/* <input type="datetime-local"> values: the accept dialog's time limit and the extension step's new one. */

const pad = (n: number) => String(n).padStart(2, '0');

/** An instant as a datetime-local value in this browser's zone (to the minute). */
export function toLocalInput(iso: string | null): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A datetime-local value back to an ISO instant; null when empty or not a date. */
export function fromLocalInput(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return null;
  const date = new Date(value); // no zone: the browser's local time, which is what the agent typed
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
