import type { TFunction } from 'i18next';
import { formatDuration } from '../../shared/format.ts';
import type { EventCounts, EventStatus, EventSummary, StaffAction, StepInput } from '../contract.ts';

/* ───── Worklist tabs and board filters → the query of GET /api/events ───── */

/**
 * A department handler's tabs (待签收 / 处置中 / 已退回 / 全部) and the linkage center's board filters
 * (待核查 / 已退回 / 延期待批 / 临期·超期 / 进行中 / 已结案 / 全部).
 */
export type EventFilter = 'toSign' | 'handling' | 'returned' | 'reported' | 'extensionPending' | 'due' | 'active' | 'closed' | 'all';

export const HANDLER_FILTERS: readonly EventFilter[] = ['toSign', 'handling', 'returned', 'all'];
export const CENTER_FILTERS: readonly EventFilter[] = ['reported', 'returned', 'extensionPending', 'due', 'active', 'closed', 'all'];

/** States in which the department still owes work (the backend's OPEN_STATUSES). */
const OPEN: readonly EventStatus[] = ['dispatched', 'handling'];

/** The server filters of GET /api/events one tab or board filter stands for. */
interface ServerQuery {
  status?: readonly EventStatus[];
  due?: readonly ('soon' | 'overdue')[];
  extensionPending?: true;
}

const FILTER_QUERIES: Record<EventFilter, ServerQuery> = {
  toSign: { status: ['dispatched'] },
  handling: { status: ['handling'] },
  returned: { status: ['returned'] },
  reported: { status: ['reported'] },
  extensionPending: { status: OPEN, extensionPending: true },
  due: { status: OPEN, due: ['overdue', 'soon'] },
  active: { status: OPEN },
  closed: { status: ['closed'] },
  all: {},
};

export interface EventListQuery {
  filter: EventFilter;
  page: number;
  pageSize: number;
  /** A case number (prefix), as typed into the search box. */
  q?: string;
}

/** The query string of `GET /api/events` for a tab or filter, a page and an optional case-number search. */
export function eventListParams({ filter, page, pageSize, q }: EventListQuery): URLSearchParams {
  const { status, due, extensionPending } = FILTER_QUERIES[filter];
  const params = new URLSearchParams();
  if (status) params.set('status', status.join(','));
  if (due) params.set('due', due.join(','));
  if (extensionPending) params.set('extensionPending', 'true');
  const search = q?.trim();
  if (search) params.set('q', search);
  params.set('page', String(page));
  params.set('pageSize', String(pageSize));
  return params;
}

/** A tab's count from the server's counts (`GET /api/events/counts`), as the tab's own list would total it. */
export function tabCount(filter: EventFilter, counts: EventCounts): number {
  const { status, due, extensionPending } = FILTER_QUERIES[filter];
  if (extensionPending) return counts.extensionPending;
  if (due) return due.reduce((sum, state) => sum + counts[state], 0);
  return status ? status.reduce((sum, s) => sum + counts.byStatus[s], 0) : counts.total;
}

/** Whether an event (as a push brings it) belongs under a filter now, so a live update can move it in or out. */
export function matchesFilter(filter: EventFilter, event: EventSummary, now: number): boolean {
  const { status, due, extensionPending } = FILTER_QUERIES[filter];
  const state = dueOf(event, now)?.state ?? 'ok';
  return (!status || status.includes(event.status)) && (!due || (state !== 'ok' && due.includes(state))) && (!extensionPending || event.extensionPending);
}

/* ───── 时限: how close an event is to its sign-for or completion limit ───── */

export interface Due {
  /** ok, 临期 (yellow: past the warning line) or 超期 (red: past the limit). */
  state: 'ok' | 'soon' | 'overdue';
  /** Which limit counts now: 签收时限 until it is signed for, then 办结时限. */
  deadline: 'sign' | 'limit';
  at: string;
  /** Time left (positive) or overdue by (negative), in milliseconds. */
  ms: number;
}

/**
 * The time limit a department is racing now, or null once the department owes nothing (reported,
 * returned, closed, cancelled). The server's `due` is as of the fetch; the clock may have moved on
 * since, so the later of the two verdicts wins.
 */
export function dueOf(event: EventSummary, now: number): Due | null {
  if (!OPEN.includes(event.status)) return null;
  const signDue = Date.parse(event.signDueAt);
  const limit = Date.parse(event.timeLimitAt);
  const signing = event.status === 'dispatched' && signDue < limit;
  const at = signing ? event.signDueAt : event.timeLimitAt;
  const ms = (signing ? signDue : limit) - now;
  const state = ms <= 0 || event.due === 'overdue' ? 'overdue' : now >= Date.parse(event.warnAt) || event.due === 'soon' ? 'soon' : 'ok';
  return { state, deadline: signing ? 'sign' : 'limit', at, ms };
}

/** The badge's words: 超期 2小时, 临期 · 剩余 3小时, 签收超期 1小时, 办结剩余 2天… */
export function dueText(due: Due, t: TFunction): string {
  return t(`events.due.${due.deadline}.${due.state}`, { duration: formatDuration(Math.abs(due.ms), t) });
}

/* ───── The action buttons ───── */

/** The buttons in the order they are shown: the step the event waits for first, the drastic ones last. */
const BUTTON_ORDER: readonly StaffAction[] = [
  'sign',
  'report',
  'verify_pass',
  'verify_fail',
  'approve_extension',
  'deny_extension',
  'redispatch',
  'request_extension',
  'return',
  'urge',
  'supervise',
  'reopen',
  'cancel',
];

/**
 * The buttons for an event: exactly the server's `actions`, in display order. An extension can only
 * be decided while one is pending, and asked for while none is; 回访 is recorded per reporter, not
 * from the bar.
 */
export function actionButtons(event: { actions: readonly string[]; extensionPending: boolean }): StaffAction[] {
  return BUTTON_ORDER.filter((action) => {
    if (!event.actions.includes(action)) return false;
    if (action === 'approve_extension' || action === 'deny_extension') return event.extensionPending;
    if (action === 'request_extension') return !event.extensionPending;
    return true;
  });
}

/** Whether the center may record a 回访 for the event's reporters. */
export const mayCallBack = (event: { actions: readonly string[] }) => event.actions.includes('callback');

/* ───── One form per step: what it asks for, and the body it sends ───── */

export interface StepFields {
  /** A note: none asked, optional, or required (a reason, a result, an instruction). */
  note: 'none' | 'optional' | 'required';
  photos?: true;
  /** 延期: the new completion limit. */
  timeLimit?: true;
  /** 重新派遣: lead and co-departments. */
  departments?: true;
  /** 回访: the citizen's 1–5 rating. */
  rating?: true;
  /** Taken at once, from its button or key, without a dialog (only what is harmless to repeat). */
  immediate?: true;
  /**
   * A step that cannot be taken back (签收 starts the clock, 核查通过 closes the event and tells the
   * citizen): its key opens a confirmation that says so, with an optional note and the confirm button focused.
   */
  confirm?: true;
  tone: 'primary' | 'danger' | 'plain';
}

/** The notes' rules mirror stepInputSchema (backend/src/events/views.ts). */
export const STEP_FIELDS: Record<StaffAction, StepFields> = {
  sign: { note: 'optional', confirm: true, tone: 'primary' },
  report: { note: 'required', photos: true, tone: 'primary' },
  request_extension: { note: 'required', timeLimit: true, tone: 'plain' },
  approve_extension: { note: 'optional', confirm: true, tone: 'primary' },
  deny_extension: { note: 'required', tone: 'danger' },
  return: { note: 'required', tone: 'danger' },
  redispatch: { note: 'optional', departments: true, tone: 'primary' },
  verify_pass: { note: 'optional', confirm: true, tone: 'primary' },
  verify_fail: { note: 'required', tone: 'danger' },
  urge: { note: 'none', immediate: true, tone: 'plain' },
  supervise: { note: 'required', tone: 'plain' },
  cancel: { note: 'required', tone: 'danger' },
  reopen: { note: 'required', tone: 'plain' },
  callback: { note: 'optional', rating: true, tone: 'primary' },
};

/** What a step's dialog collected; each action reads only its own fields. */
export interface StepValues {
  note: string;
  /** An ISO instant. */
  timeLimitAt?: string;
  leadDepartmentCode?: string;
  coDepartmentCodes?: string[];
  appealId?: string;
  satisfaction?: number;
}

/** The JSON body of `POST /api/events/{id}/steps` for a step and what its dialog collected. */
export function stepInput(action: StaffAction, values: StepValues): StepInput {
  const note = values.note.trim();
  const optionalNote = note ? { note } : {};
  switch (action) {
    case 'request_extension':
      return { action, note, timeLimitAt: required(values.timeLimitAt, 'timeLimitAt') };
    case 'redispatch':
      return {
        action,
        ...optionalNote,
        leadDepartmentCode: required(values.leadDepartmentCode, 'leadDepartmentCode'),
        coDepartmentCodes: values.coDepartmentCodes ?? [],
      };
    case 'callback':
      return { action, ...optionalNote, appealId: required(values.appealId, 'appealId'), satisfaction: required(values.satisfaction, 'satisfaction') };
    case 'report':
    case 'deny_extension':
    case 'return':
    case 'verify_fail':
    case 'supervise':
    case 'cancel':
    case 'reopen':
      return { action, note };
    case 'sign':
    case 'approve_extension':
    case 'verify_pass':
    case 'urge':
      return { action, ...optionalNote };
  }
}

function required<T>(value: T | undefined, field: string): T {
  if (value === undefined || value === '') throw new Error(`${field} is required for this step`);
  return value;
}

const MAX_PHOTOS = 4;
const MAX_PHOTO_BYTES = 10 * 1024 * 1024;

export type PhotoProblem = 'tooMany' | 'notImage' | 'tooLarge';

/** What is wrong with the photos picked for a report, before they are sent (the server checks again). */
export function photoProblems(files: readonly Pick<File, 'type' | 'size'>[]): PhotoProblem[] {
  const problems: PhotoProblem[] = [];
  if (files.length > MAX_PHOTOS) problems.push('tooMany');
  if (files.some((file) => !file.type.startsWith('image/'))) problems.push('notImage');
  if (files.some((file) => file.size > MAX_PHOTO_BYTES)) problems.push('tooLarge');
  return problems;
}

/** 处置反馈 with photos goes as multipart/form-data: `action=report`, `note`, one `photos` part per file. */
export function reportForm(note: string, photos: readonly File[]): FormData {
  const form = new FormData();
  form.set('action', 'report');
  form.set('note', note.trim());
  for (const photo of photos) form.append('photos', photo, photo.name);
  return form;
}
