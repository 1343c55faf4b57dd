import { describe, expect, it } from 'vitest';
import type { AssessmentRow } from '@hotline/backend/api-types';
import { assessmentCsvHref, assessmentPath, byRank, formatRate, formatScore, shiftMonth } from './assessment-format.ts';

const unit = (departmentCode: string, rank: number | null) => ({ departmentCode, rank }) as AssessmentRow;

describe('assessment figures', () => {
  it('shows rates as percentages to one decimal, and nothing counted as a dash rather than 0%', () => {
    expect(formatRate(2 / 3, 'zh-CN')).toBe('66.7%');
    expect(formatRate(0.5, 'en')).toBe('50.0%');
    expect(formatRate(0, 'zh-CN')).toBe('0.0%');
    expect(formatRate(1, 'zh-CN')).toBe('100.0%');
    expect(formatRate(null, 'zh-CN')).toBe('—');
  });

  it('shows scores to one decimal', () => {
    expect(formatScore(55, 'zh-CN')).toBe('55.0');
    expect(formatScore(52.5, 'en')).toBe('52.5');
    expect(formatScore(null, 'en')).toBe('—');
  });

  it('builds the report and CSV links for a month; no month lets the server pick this one', () => {
    expect(assessmentPath(null)).toBe('/api/assessment');
    expect(assessmentPath('2026-11')).toBe('/api/assessment?month=2026-11');
    expect(assessmentCsvHref('2026-11')).toBe('/api/assessment.csv?month=2026-11');
  });

  it('steps months across year ends', () => {
    expect(shiftMonth('2026-11', 1)).toBe('2026-12');
    expect(shiftMonth('2026-12', 1)).toBe('2027-01');
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
    expect(shiftMonth('2026-03', -14)).toBe('2025-01');
  });

  it('orders ranked units best first, shared ranks and unranked units in the report order', () => {
    const rows = [unit('civil', null), unit('urban', 2), unit('water', 1), unit('police', 2), unit('market', null)];
    expect(byRank(rows).map((r) => r.departmentCode)).toEqual(['water', 'urban', 'police', 'civil', 'market']);
  });
});
