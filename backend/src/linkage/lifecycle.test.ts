import { describe, expect, it } from 'vitest';
import { eventStatuses, type EventStatus } from './schema.ts';
import { type Staff, type StaffAction, TRANSITIONS, availableActions, mayAct, nextStatus, staffActions } from './lifecycle.ts';
import { stepInputSchema } from './views.ts';

/**
 * The closed loop written out once more, by hand, as the specification the table must match:
 * for every step, the state it leads to from each state it is allowed in ('=' stays put).
 */
const EXPECTED_MOVES: Record<StaffAction, Partial<Record<EventStatus, EventStatus | '='>>> = {
  sign: { dispatched: 'handling' },
  report: { handling: 'reported' },
  request_extension: { dispatched: '=', handling: '=' },
  approve_extension: { dispatched: '=', handling: '=' },
  deny_extension: { dispatched: '=', handling: '=' },
  return: { dispatched: 'returned', handling: 'returned' },
  redispatch: { returned: 'dispatched', dispatched: 'dispatched', handling: 'dispatched' },
  verify_pass: { reported: 'closed' },
  verify_fail: { reported: 'handling' },
  urge: { dispatched: '=', handling: '=' },
  supervise: { dispatched: '=', handling: '=', reported: '=' },
  cancel: { dispatched: 'cancelled', handling: 'cancelled', reported: 'cancelled', returned: 'cancelled' },
  reopen: { closed: 'dispatched' },
  callback: { closed: '=' },
};

const LEAD = 'urban';
const PEOPLE = {
  agent: { role: 'agent', departmentCode: null },
  supervisor: { role: 'supervisor', departmentCode: null },
  admin: { role: 'admin', departmentCode: null },
  'lead handler': { role: 'handler', departmentCode: LEAD },
  'other handler': { role: 'handler', departmentCode: 'water' },
  'handler without department': { role: 'handler', departmentCode: null },
} satisfies Record<string, Staff>;
type Person = keyof typeof PEOPLE;

/** Who may take each step: departments do the work, the center checks it, leaders decide. */
const EXPECTED_ACTORS: Record<StaffAction, Person[]> = {
  sign: ['lead handler'],
  report: ['lead handler'],
  request_extension: ['lead handler'],
  return: ['lead handler'],
  approve_extension: ['supervisor', 'admin'],
  deny_extension: ['supervisor', 'admin'],
  supervise: ['supervisor', 'admin'],
  cancel: ['supervisor', 'admin'],
  redispatch: ['agent', 'supervisor', 'admin'],
  verify_pass: ['agent', 'supervisor', 'admin'],
  verify_fail: ['agent', 'supervisor', 'admin'],
  urge: ['agent', 'supervisor', 'admin'],
  reopen: ['agent', 'supervisor', 'admin'],
  callback: ['agent', 'supervisor', 'admin'],
};

const people = Object.keys(PEOPLE) as Person[];

describe('the event lifecycle table (六步闭环)', () => {
  it('covers every staff step of the schema, and only those', () => {
    expect([...staffActions].sort()).toEqual(Object.keys(EXPECTED_MOVES).sort());
  });

  describe.each(staffActions)('%s', (action) => {
    it.each(eventStatuses)('from %s', (status) => {
      const expected = EXPECTED_MOVES[action][status];
      expect(nextStatus(action, status)).toBe(expected === undefined ? null : expected === '=' ? status : expected);
    });

    it.each(people)('by %s', (person) => {
      expect(mayAct(action, PEOPLE[person], LEAD)).toBe(EXPECTED_ACTORS[action].includes(person));
    });

    it('asks for a note exactly when the table says so', () => {
      const bare = {
        action,
        leadDepartmentCode: 'water',
        timeLimitAt: '2030-01-01T00:00:00+08:00',
        appealId: '00000000-0000-4000-8000-000000000000',
        satisfaction: 3,
      };
      expect(stepInputSchema.safeParse(bare).success).toBe(!TRANSITIONS[action].noteRequired);
      expect(stepInputSchema.safeParse({ ...bare, note: '说明' }).success).toBe(true);
    });
  });

  describe.each(people)('the buttons of %s', (person) => {
    it.each(eventStatuses)('on a %s event', (status) => {
      const expected = staffActions.filter((a) => EXPECTED_MOVES[a][status] !== undefined && EXPECTED_ACTORS[a].includes(person));
      expect(availableActions(PEOPLE[person], { status, leadDepartmentCode: LEAD })).toEqual(expected);
    });
  });

  it('gives nobody anything to do on a cancelled event, and the department nothing once it reported', () => {
    for (const person of people) expect(availableActions(PEOPLE[person], { status: 'cancelled', leadDepartmentCode: LEAD })).toEqual([]);
    expect(availableActions(PEOPLE['lead handler'], { status: 'reported', leadDepartmentCode: LEAD })).toEqual([]);
  });
});
