import { METRIC_DEFINITIONS, RATE_METRICS, type RateMetric } from './definitions.ts';
import type { AssessmentReport, AssessmentRow } from './views.ts';

/** Excel reads a UTF-8 file as the system code page (GBK on Chinese Windows) unless it starts with a BOM. */
const BOM = '\uFEFF';

const isRate = (metric: string): metric is RateMetric => (RATE_METRICS as readonly string[]).includes(metric);

/** A share as a percentage to one decimal ("66.7%"), which Excel reads as a percentage; empty when there is none. */
export function percent(share: number | null): string {
  return share === null ? '' : `${(Math.round(share * 1000) / 10).toFixed(1)}%`;
}

/** RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled. */
function field(value: string | number | null): string {
  const text = value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function cells(row: AssessmentRow): (string | number | null)[] {
  return [row.rank, row.name, row.departmentCode, ...METRIC_DEFINITIONS.map(({ metric }) => (isRate(metric) ? percent(row[metric]) : row[metric]))];
}

/** The month as a spreadsheet: a Chinese header row, then one row per department in the report's order. */
export function assessmentCsv(report: AssessmentReport): string {
  const header = ['排名', '单位', '单位编码', ...METRIC_DEFINITIONS.map((d) => d.name['zh-CN'])];
  const lines = [header, ...report.departments.map(cells)].map((line) => line.map(field).join(','));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

export const csvFileName = (month: string) => `assessment-${month}.csv`;
