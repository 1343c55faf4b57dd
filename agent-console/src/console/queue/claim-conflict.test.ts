import { describe, expect, it } from 'vitest';
import { ApiRequestError } from '../../shared/api.ts';
import { holderOf } from './claim-conflict.ts';

const OTHER = { id: '22222222-2222-4222-8222-222222222222', displayName: '坐席 王强' };

describe('who holds an appeal', () => {
  it('reads the holder from a claim conflict', () => {
    const conflict = new ApiRequestError(409, 'conflict', 'already assigned', 'r1', { assignee: OTHER });
    expect(holderOf(conflict)).toBe('坐席 王强');
    expect(holderOf(new ApiRequestError(409, 'conflict', 'decided'))).toBeUndefined();
    expect(holderOf(new ApiRequestError(404, 'not_found', 'gone', undefined, { assignee: OTHER }))).toBeUndefined();
    expect(holderOf(new Error('boom'))).toBeUndefined();
  });
});
