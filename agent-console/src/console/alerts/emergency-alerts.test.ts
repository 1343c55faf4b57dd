import { describe, expect, it } from 'vitest';
import type { AppealSummary, EmergencyAlert } from '@hotline/backend/api-types';
import { MAX_ALERTS, withAlert, withoutAlert } from './useEmergencyAlerts.ts';

const alert = (n: number, evidence = ['着火']): EmergencyAlert => ({
  appeal: { id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`, caseNumber: `2026112200000${n}`, summary: `火情 ${n}` } as AppealSummary,
  evidence,
});

describe('the emergency alert stack', () => {
  it('shows the newest first and keeps a few', () => {
    let stack: EmergencyAlert[] = [];
    for (let n = 1; n <= MAX_ALERTS + 2; n++) stack = withAlert(stack, alert(n));
    expect(stack).toHaveLength(MAX_ALERTS);
    expect(stack[0]!.appeal.summary).toBe(`火情 ${MAX_ALERTS + 2}`);
    expect(stack.at(-1)!.appeal.summary).toBe('火情 3');
  });

  it('replaces a repeated alert for the same appeal and moves it to the top', () => {
    const stack = withAlert(withAlert(withAlert([], alert(1)), alert(2)), alert(1, ['被困']));
    expect(stack.map((a) => a.appeal.summary)).toEqual(['火情 1', '火情 2']);
    expect(stack[0]!.evidence).toEqual(['被困']);
  });

  it('drops a dismissed alert only', () => {
    const stack = withAlert(withAlert([], alert(1)), alert(2));
    expect(withoutAlert(stack, alert(1).appeal.id).map((a) => a.appeal.summary)).toEqual(['火情 2']);
  });
});
