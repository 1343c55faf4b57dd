import { describe, expect, it } from 'vitest';
import { insertText } from './insert-text.ts';

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
