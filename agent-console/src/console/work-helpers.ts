import type { AppealSummary } from '@hotline/backend/api-types';
import { isApiError } from '../shared/api.ts';
import type { ConflictDetails, EventDraft, EventInput } from './contract.ts';
import { fromLocalInput, toLocalInput } from './common/datetime-local.ts';
import { compareFor } from './queue-order.ts';

/**
 * Puts `text` into a draft where the agent's cursor is (replacing a selection), or after what is
 * there on a new line. Returns the new draft and where the cursor goes: just after the insert.
 */
export function insertText(draft: string, text: string, selection?: { start: number; end: number } | null): { value: string; cursor: number } {
  if (selection && selection.start >= 0 && selection.end >= selection.start && selection.end <= draft.length && draft.length > 0) {
    const value = draft.slice(0, selection.start) + text + draft.slice(selection.end);
    return { value, cursor: selection.start + text.length };
  }
  if (!draft.trim()) return { value: text, cursor: text.length };
  const joiner = draft.endsWith('\n') ? '' : '\n';
  const value = draft + joiner + text;
  return { value, cursor: value.length };
}

/** Who holds an appeal, from a claim's 409 (`details.assignee`); undefined when it is another conflict. */
export function holderOf(error: unknown): string | undefined {
  if (!isApiError(error, 409)) return undefined;
  const details = error.details as ConflictDetails | undefined;
  return details?.assignee?.displayName;
}

/** The agent's own pending work (我的), kept in the queue's order as updates arrive. */
export function withMine(list: readonly AppealSummary[], appeal: AppealSummary, userId: string): AppealSummary[] {
  const rest = list.filter((item) => item.id !== appeal.id);
  if (appeal.status !== 'pending' || appeal.assignee?.id !== userId) return rest.length === list.length ? (list as AppealSummary[]) : rest;
  return [...rest, appeal].sort(compareFor('pending'));
}

/**
 * Whether an update hands the agent work they did not have and did not take themselves: routing or
 * a colleague's transfer. `known` is what the console knew of who held it; `claimed` what this
 * console just claimed.
 */
export function isNewAssignment(appeal: AppealSummary, userId: string, knownAssigneeId: string | null | undefined, claimed: ReadonlySet<string>): boolean {
  return appeal.status === 'pending' && appeal.assignee?.id === userId && knownAssigneeId !== userId && !claimed.has(appeal.id);
}

/* ───── The accept dialog's form: strings for the inputs, back to the API's body ───── */

export interface EventForm {
  categoryCode: string;
  urgency: AppealSummary['urgency'];
  address: string;
  gridCode: string;
  leadDepartmentCode: string;
  coDepartmentCodes: string[];
  /** `YYYY-MM-DDTHH:mm` in the browser's time zone, as <input type="datetime-local"> wants it. */
  timeLimit: string;
}

/** The draft may lack what the rules could not fill (no category, no department): those start blank. */
export function formFromDraft(draft: EventDraft): EventForm {
  return {
    categoryCode: draft.categoryCode ?? '',
    urgency: draft.urgency,
    address: draft.address ?? '',
    gridCode: draft.gridCode ?? '',
    leadDepartmentCode: draft.leadDepartmentCode ?? '',
    // The lead is never its own co-department.
    coDepartmentCodes: draft.coDepartmentCodes.filter((code) => code !== draft.leadDepartmentCode),
    timeLimit: toLocalInput(draft.timeLimitAt),
  };
}

export type EventFormProblem = 'category' | 'leadDepartment' | 'timeLimit' | 'timeLimitPast';

/** What must be fixed before the event can be created; empty when it can. */
export function eventFormProblems(form: EventForm, now = Date.now()): EventFormProblem[] {
  const problems: EventFormProblem[] = [];
  if (!form.categoryCode) problems.push('category');
  if (!form.leadDepartmentCode) problems.push('leadDepartment');
  const limit = fromLocalInput(form.timeLimit);
  if (!limit) problems.push('timeLimit');
  else if (Date.parse(limit) <= now) problems.push('timeLimitPast');
  return problems;
}

/** The POST body of a form without `eventFormProblems`: blanks become null, the co-departments exclude the lead. */
export function inputFromForm(form: EventForm): EventInput {
  return {
    categoryCode: form.categoryCode,
    urgency: form.urgency,
    address: form.address.trim() || null,
    gridCode: form.gridCode || null,
    leadDepartmentCode: form.leadDepartmentCode,
    coDepartmentCodes: form.coDepartmentCodes.filter((code) => code && code !== form.leadDepartmentCode),
    timeLimitAt: fromLocalInput(form.timeLimit) ?? '',
  };
}
