import { describe, expect, it } from 'vitest';
import {
  type EventForm,
  inputFromForm,
  eventFormProblems,
  formFromDraft,
  insertText,
} from './work-helpers.ts';

describe('inserting a canned reply or an article', () => {
  it('fills an empty draft', () => {
    expect(insertText('', '您好')).toEqual({ value: '您好', cursor: 2 });
    expect(insertText('  \n', '您好')).toEqual({ value: '您好', cursor: 2 });
  });

  it('goes on a new line after what the agent wrote', () => {
    expect(insertText('已收到', '请稍候')).toEqual({ value: '已收到\n请稍候', cursor: 7 });
    expect(insertText('已收到\n', '请稍候')).toEqual({ value: '已收到\n请稍候', cursor: 7 });
  });

  it('goes where the cursor is, replacing a selection', () => {
    expect(insertText('您好，。', 'XX', { start: 3, end: 3 })).toEqual({ value: '您好，XX。', cursor: 5 });
    expect(insertText('您好，张三。', '市民', { start: 3, end: 5 })).toEqual({ value: '您好，市民。', cursor: 5 });
    // A selection that does not fit the draft (stale) falls back to appending.
    expect(insertText('abc', 'd', { start: 5, end: 9 })).toEqual({ value: 'abc\nd', cursor: 5 });
  });
});

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
    const form = formFromDraft({ categoryCode: null, urgency: 'normal', address: null, gridCode: null, leadDepartmentCode: null, coDepartmentCodes: [], timeLimitAt: '' });
    expect(form).toEqual({ categoryCode: '', urgency: 'normal', address: '', gridCode: '', leadDepartmentCode: '', coDepartmentCodes: [], timeLimit: '' });
    expect(eventFormProblems(form)).toEqual(['category', 'leadDepartment', 'timeLimit']);
    const now = Date.parse('2026-11-26T00:00:00.000Z');
    expect(eventFormProblems(formFromDraft(draft), now)).toEqual(['timeLimitPast']);
    expect(eventFormProblems(formFromDraft(draft), Date.parse('2026-11-22T00:00:00.000Z'))).toEqual([]);
  });
});
