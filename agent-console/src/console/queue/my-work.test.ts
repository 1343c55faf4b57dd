import { describe, expect, it } from 'vitest';
import { appealFixture as appeal } from '../common/appeal-fixture.ts';
import { isNewAssignment, withMine } from './my-work.ts';

const ME = { id: '11111111-1111-4111-8111-111111111111', displayName: '坐席 李娜' };
const OTHER = { id: '22222222-2222-4222-8222-222222222222', displayName: '坐席 王强' };

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
