/*
 * 综合查询's state lives in the address bar: the screen's query string is the API's, so a search can
 * be bookmarked, sent to a colleague or saved by name, and opens the same wherever it is pasted.
 */

/** Filters the form shows as several checkboxes, sent as one comma-separated parameter. */
export const LIST_FIELDS = ['channel', 'status', 'eventStatus', 'type', 'urgency', 'overdue', 'rating'] as const;
/** Day fields of the form and the API's instant each one becomes (a "to" day is included: it ends at the next midnight). */
const DAY_FIELDS = {
  receivedFromDay: ['receivedFrom', 0],
  receivedToDay: ['receivedTo', 1],
  closedFromDay: ['closedFrom', 0],
  closedToDay: ['closedTo', 1],
} as const;
/** What the screen never keeps in its address: the page cursor belongs to one visit. */
const TRANSIENT = new Set(['cursor', 'limit']);

/** A `YYYY-MM-DD` in the browser's zone, plus `days`, as an ISO instant. */
export function dayStart(day: string, days = 0): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return null;
  const date = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + days);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** The day an instant falls on in the browser's zone, less `days` (the inverse of `dayStart`). */
export function dayOf(iso: string | null, days = 0): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  date.setDate(date.getDate() - days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * One box takes a case number, a phone number or a WeChat openid: 14 digits from 20… is a case
 * number, digits with spaces, dashes or a + are a phone number, anything else an openid.
 */
export function numberParam(typed: string): [string, string] | null {
  const value = typed.trim();
  if (!value) return null;
  if (/^20\d{12}$/.test(value)) return ['caseNumber', value];
  if (/^\+?[\d\s\-()（）]{3,}$/.test(value) && /\d{3}/.test(value.replace(/\D/g, ''))) return ['phone', value];
  return ['openid', value];
}

/** The form's fields as the API's (and the address bar's) query string. */
export function queryOfForm(form: FormData): string {
  const params = new URLSearchParams();
  const lists = new Map<string, string[]>();
  for (const [name, raw] of form.entries()) {
    if (typeof raw !== 'string' || !raw.trim()) continue;
    if ((LIST_FIELDS as readonly string[]).includes(name)) lists.set(name, [...(lists.get(name) ?? []), raw]);
    else if (name in DAY_FIELDS) {
      const [param, days] = DAY_FIELDS[name as keyof typeof DAY_FIELDS];
      const instant = dayStart(raw, days);
      if (instant) params.set(param, instant);
    } else if (name === 'number') {
      const pair = numberParam(raw);
      if (pair) params.set(pair[0], pair[1]);
    } else params.set(name, raw.trim());
  }
  for (const [name, values] of lists) params.set(name, values.join(','));
  params.sort();
  return params.toString();
}

/** What the form shows for a query string: the same fields, days and the number box filled back. */
export function formValuesOf(query: string) {
  const params = new URLSearchParams(query);
  const list = (name: string) => (params.get(name) ?? '').split(',').filter(Boolean);
  const days = Object.fromEntries(Object.entries(DAY_FIELDS).map(([field, [param, shift]]) => [field, dayOf(params.get(param), shift)]));
  return {
    get: (name: string) => params.get(name) ?? '',
    list,
    day: (field: keyof typeof DAY_FIELDS) => days[field] ?? '',
    number: params.get('caseNumber') ?? params.get('phone') ?? params.get('openid') ?? '',
  };
}

/** The screen's query without what belongs to one visit: what the address bar and a saved search keep. */
export function shareableQuery(query: string): string {
  const params = new URLSearchParams(query);
  for (const name of TRANSIENT) params.delete(name);
  params.sort();
  return params.toString();
}

export const recordsPath = (query: string, cursor: string | null, format: '' | '.csv' | '.xlsx' = '') => {
  const params = new URLSearchParams(shareableQuery(query));
  if (cursor) params.set('cursor', cursor);
  const search = params.toString();
  return `/api/records${format}${search ? `?${search}` : ''}`;
};
