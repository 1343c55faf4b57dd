import { describe, expect, it } from 'vitest';
import { appealFixture } from './common/appeal-fixture.ts';
import { ApiRequestError } from '../shared/api.ts';
import {
  type EventForm,
  inputFromForm,
  eventFormProblems,
  formFromDraft,
  holderOf,
  insertText,
  isNewAssignment,
  withMine,
} from './work-helpers.ts';

const appeal = appealFixture;

const ME = { id: '11111111-1111-4111-8111-111111111111', displayName: '坐席 李娜' };
const OTHER = { id: '22222222-2222-4222-8222-222222222222', displayName: '坐席 王强' };

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

describe('who holds an appeal', () => {
  it('reads the holder from a claim conflict', () => {
    const conflict = new ApiRequestError(409, 'conflict', 'already assigned', 'r1', { assignee: OTHER });
    expect(holderOf(conflict)).toBe('坐席 王强');
    expect(holderOf(new ApiRequestError(409, 'conflict', 'decided'))).toBeUndefined();
    expect(holderOf(new ApiRequestError(404, 'not_found', 'gone', undefined, { assignee: OTHER }))).toBeUndefined();
    expect(holderOf(new Error('boom'))).toBeUndefined();
  });
});

describe('我的: the agent’s own pending work', () => {
  it('takes in what is assigned to the agent, in queue order', () => {
    const older = appeal({ assignee: ME });
    const newer = appeal({ assignee: ME });
    const urgent = appeal({ assignee: ME, urgency: 'urgent' });
    let mine = withMine([], newer, ME.id);
    mine = withMine(mine, older, ME.id);
    mine = withMine(mine, urgent, ME.id);
    expect(mine.map((a) => a.id)).toEqual([urgent.id, older.id, newer.id]);
  });

  it('lets go of what is transferred, decided or someone else’s', () => {
    const a = appeal({ assignee: ME });
    const b = appeal({ assignee: ME });
    const list = [a, b];
    expect(withMine(list, { ...a, assignee: OTHER }, ME.id)).toEqual([b]);
    expect(withMine(list, { ...a, status: 'accepted' }, ME.id)).toEqual([b]);
    expect(withMine(list, { ...a, assignee: null }, ME.id)).toEqual([b]);
    const unrelated = appeal({ assignee: OTHER });
    expect(withMine(list, unrelated, ME.id)).toBe(list);
  });

  it('updates a row in place', () => {
    const a = appeal({ assignee: ME });
    const updated = { ...a, summary: '更新' };
    expect(withMine([a], updated, ME.id)).toEqual([updated]);
  });

  it('calls routing and transfers new work, but not the agent’s own claim', () => {
    const routed = appeal({ assignee: ME });
    expect(isNewAssignment(routed, ME.id, null, new Set())).toBe(true);
    expect(isNewAssignment(routed, ME.id, OTHER.id, new Set())).toBe(true);
    expect(isNewAssignment(routed, ME.id, undefined, new Set())).toBe(true);
    expect(isNewAssignment(routed, ME.id, ME.id, new Set())).toBe(false);
    expect(isNewAssignment(routed, ME.id, null, new Set([routed.id]))).toBe(false);
    expect(isNewAssignment({ ...routed, assignee: OTHER }, ME.id, null, new Set())).toBe(false);
    expect(isNewAssignment({ ...routed, status: 'accepted' }, ME.id, null, new Set())).toBe(false);
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
