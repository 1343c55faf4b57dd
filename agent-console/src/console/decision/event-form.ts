import type { AppealSummary } from '@hotline/backend/api-types';
import type { EventDraft, EventInput } from '../contract.ts';
import { fromZoneInput, toZoneInput } from '../../shared/hotline-zone.ts';

/* The accept dialog's form: strings for the inputs, and back to the API's body. */

export interface EventForm {
  categoryCode: string;
  urgency: AppealSummary['urgency'];
  address: string;
  gridCode: string;
  leadDepartmentCode: string;
  coDepartmentCodes: string[];
  /** `YYYY-MM-DD HH:mm` on the hotline's clock (see `HotlineTimeInput`). */
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
    timeLimit: toZoneInput(draft.timeLimitAt),
  };
}

export type EventFormProblem = 'category' | 'leadDepartment' | 'timeLimit' | 'timeLimitPast';

/** What must be fixed before the event can be created; empty when it can. */
export function eventFormProblems(form: EventForm, now = Date.now()): EventFormProblem[] {
  const problems: EventFormProblem[] = [];
  if (!form.categoryCode) problems.push('category');
  if (!form.leadDepartmentCode) problems.push('leadDepartment');
  const limit = fromZoneInput(form.timeLimit);
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
    timeLimitAt: fromZoneInput(form.timeLimit) ?? '',
  };
}
