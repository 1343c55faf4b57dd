import type { Role } from '../identity/auth/index.ts';
import type { EventAction, EventStatus } from './schema.ts';

/**
 * Who may take a step: `center` is the linkage center's staff (agents, supervisors, admins),
 * `leaders` only supervisors and admins, `lead` the handlers of the event's lead department.
 */
export type StepActor = 'center' | 'leaders' | 'lead';

export interface Transition {
  from: readonly EventStatus[];
  /** The state after the step; `stay` keeps the current one (an urge, an extension request…). */
  to: EventStatus | 'stay';
  by: StepActor;
  /** The step needs a note: a reason, a result, an instruction. */
  noteRequired: boolean;
}

const ACTIVE = ['dispatched', 'handling'] as const;

/**
 * The closed loop (六步闭环) as one table: every step staff can take, from which states, into
 * which state, by whom. The services consult only this; an action outside it is a 409 that names
 * the current state. `dispatch` (creation) and `warn` (the scheduler) are not staff steps.
 */
export const TRANSITIONS: Record<Exclude<EventAction, 'dispatch' | 'warn'>, Transition> = {
  /** 签收: the lead department takes it on. */
  sign: { from: ['dispatched'], to: 'handling', by: 'lead', noteRequired: false },
  /** 处置反馈: the result, with photos; the center verifies it next. */
  report: { from: ['handling'], to: 'reported', by: 'lead', noteRequired: true },
  /** 延期申请: more time, with a reason; the center decides. */
  request_extension: { from: ACTIVE, to: 'stay', by: 'lead', noteRequired: true },
  approve_extension: { from: ACTIVE, to: 'stay', by: 'leaders', noteRequired: false },
  deny_extension: { from: ACTIVE, to: 'stay', by: 'leaders', noteRequired: true },
  /** 退回: not ours; the center re-dispatches it. */
  return: { from: ACTIVE, to: 'returned', by: 'lead', noteRequired: true },
  /** 重新派遣: another (or the same) department, with fresh time limits. */
  redispatch: { from: ['returned', 'dispatched', 'handling'], to: 'dispatched', by: 'center', noteRequired: false },
  /** 核查通过 closes it; 核查不通过 sends it back to the department with what is missing. */
  verify_pass: { from: ['reported'], to: 'closed', by: 'center', noteRequired: false },
  verify_fail: { from: ['reported'], to: 'handling', by: 'center', noteRequired: true },
  /** 催办 and 督办: recorded and pushed to the department. */
  urge: { from: ACTIVE, to: 'stay', by: 'center', noteRequired: false },
  supervise: { from: [...ACTIVE, 'reported'], to: 'stay', by: 'leaders', noteRequired: true },
  /** 撤销: ends it without a result (e.g. filed by mistake). */
  cancel: { from: ['dispatched', 'handling', 'reported', 'returned'], to: 'cancelled', by: 'leaders', noteRequired: true },
  /** 重新办理: a citizen was not satisfied; back to the lead department. */
  reopen: { from: ['closed'], to: 'dispatched', by: 'center', noteRequired: true },
  /** 回访: the agent records the citizen's rating from a phone call-back. */
  callback: { from: ['closed'], to: 'stay', by: 'center', noteRequired: false },
};

export type StaffAction = keyof typeof TRANSITIONS;
export const staffActions = Object.keys(TRANSITIONS) as StaffAction[];

const ROLES_OF: Record<StepActor, readonly Role[]> = {
  center: ['agent', 'supervisor', 'admin'],
  leaders: ['supervisor', 'admin'],
  lead: ['handler'],
};

export interface Staff {
  role: Role;
  departmentCode: string | null;
}

/**
 * Whether this staff member may see the event at all: the center sees every event, a handler only
 * those their department leads or co-handles. To anyone else it does not exist (404, never 403),
 * whether they read it or try a step on it.
 */
export function mayView(staff: Staff, event: { leadDepartmentCode: string; coDepartmentCodes: string[] }): boolean {
  return (
    staff.role !== 'handler' ||
    (!!staff.departmentCode && (event.leadDepartmentCode === staff.departmentCode || event.coDepartmentCodes.includes(staff.departmentCode)))
  );
}

/** Whether this staff member may take the step on an event led by `leadDepartmentCode` (state aside). */
export function mayAct(action: StaffAction, staff: Staff, leadDepartmentCode: string): boolean {
  const { by } = TRANSITIONS[action];
  if (!ROLES_OF[by].includes(staff.role)) return false;
  return by !== 'lead' || staff.departmentCode === leadDepartmentCode;
}

/** The state after `action` from `status`, or null when the table does not allow it. */
export function nextStatus(action: StaffAction, status: EventStatus): EventStatus | null {
  const { from, to } = TRANSITIONS[action];
  if (!from.includes(status)) return null;
  return to === 'stay' ? status : to;
}

/** The steps this staff member can take now: the console shows exactly these buttons. */
export function availableActions(staff: Staff, event: { status: EventStatus; leadDepartmentCode: string }): StaffAction[] {
  return staffActions.filter((action) => nextStatus(action, event.status) !== null && mayAct(action, staff, event.leadDepartmentCode));
}

/** States in which the department still owes work: warnings and the worklist look only at these. */
export const OPEN_STATUSES: readonly EventStatus[] = ['dispatched', 'handling'];
