export { assessmentCsv, csvFileName } from './csv.ts';
export { assessmentReport } from './report.ts';
export { type AssessmentReport, assessmentReportSchema, type AssessmentRow, monthSchema } from './views.ts';
