import { describe, expect, it } from 'vitest';
import { dayOf, dayStart, formValuesOf, numberParam, queryOfForm, recordsPath, shareableQuery } from './records-query.ts';

describe('the 综合查询 query string', () => {
  it('reads one box as a case number, a phone number typed any way, or an openid', () => {
    expect(numberParam('20261204000123')).toEqual(['caseNumber', '20261204000123']);
    expect(numberParam('138 0013 8000')).toEqual(['phone', '138 0013 8000']);
    expect(numberParam('+86 138-0013-8000')).toEqual(['phone', '+86 138-0013-8000']);
    expect(numberParam('oABC123xyz')).toEqual(['openid', 'oABC123xyz']);
    expect(numberParam('  ')).toBeNull();
  });

  it('turns the form into the API query: lists joined, days as instants with the "to" day included, blanks left out', () => {
    const form = new FormData();
    form.append('q', ' 路灯 ');
    form.append('overdue', 'yellow');
    form.append('overdue', 'red');
    form.append('street', 'sf-s1');
    form.append('receivedFromDay', '2026-12-01');
    form.append('receivedToDay', '2026-12-03');
    form.append('number', '138 0013 8000');
    form.append('department', '');
    const params = new URLSearchParams(queryOfForm(form));
    expect(params.get('q')).toBe('路灯');
    expect(params.get('overdue')).toBe('yellow,red');
    expect(params.get('phone')).toBe('138 0013 8000');
    expect(params.has('department')).toBe(false);
    expect(params.get('receivedFrom')).toBe(dayStart('2026-12-01'));
    expect(params.get('receivedTo')).toBe(dayStart('2026-12-04'));
    const back = formValuesOf(params.toString());
    expect([back.day('receivedFromDay'), back.day('receivedToDay'), back.number, back.list('overdue')]).toEqual([
      '2026-12-01',
      '2026-12-03',
      '138 0013 8000',
      ['yellow', 'red'],
    ]);
  });

  it('keeps the cursor out of what is shared, and adds it only to the API call', () => {
    expect(shareableQuery('q=a&cursor=xyz&limit=5')).toBe('q=a');
    expect(recordsPath('q=a', 'xyz')).toBe('/api/records?q=a&cursor=xyz');
    expect(recordsPath('', null, '.xlsx')).toBe('/api/records.xlsx');
    expect(dayOf(dayStart('2026-02-28', 1), 1)).toBe('2026-02-28');
  });
});
