import { describe, expect, it } from 'vitest';
import { type EventForm, eventFormProblems, formFromDraft, inputFromForm } from './event-form.ts';

describe('the accept dialog’s form', () => {
  const draft = {
    categoryCode: 'sanitation-facilities',
    urgency: 'urgent' as const,
    address: '湖滨路18号',
    gridCode: 'QH-01-01-04',
    leadDepartmentCode: 'urban',
    coDepartmentCodes: ['urban', 'sc-donghu'],
    timeLimitAt: '2026-11-25T10:30:00.000Z',
  };

  it('fills the form from the draft and sends it back unchanged', () => {
    const form = formFromDraft(draft);
    expect(form.coDepartmentCodes).toEqual(['sc-donghu']);
    expect(inputFromForm(form)).toEqual({ ...draft, coDepartmentCodes: ['sc-donghu'] });
  });

  it('sends blanks as null and never the lead as a co-department', () => {
    const form: EventForm = { ...formFromDraft(draft), address: '  ', gridCode: '', leadDepartmentCode: 'sc-donghu' };
    const body = inputFromForm(form);
    expect(body.address).toBeNull();
    expect(body.gridCode).toBeNull();
    expect(body.coDepartmentCodes).toEqual([]);
  });

  it('fills blanks from an empty draft and says what is missing', () => {
    const form = formFromDraft({
      categoryCode: null,
      urgency: 'normal',
      address: null,
      gridCode: null,
      leadDepartmentCode: null,
      coDepartmentCodes: [],
      timeLimitAt: '',
    });
    expect(form).toEqual({ categoryCode: '', urgency: 'normal', address: '', gridCode: '', leadDepartmentCode: '', coDepartmentCodes: [], timeLimit: '' });
    expect(eventFormProblems(form)).toEqual(['category', 'leadDepartment', 'timeLimit']);
    const now = Date.parse('2026-11-26T00:00:00.000Z');
    expect(eventFormProblems(formFromDraft(draft), now)).toEqual(['timeLimitPast']);
    expect(eventFormProblems(formFromDraft(draft), Date.parse('2026-11-22T00:00:00.000Z'))).toEqual([]);
  });
});
