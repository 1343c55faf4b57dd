import { z } from '@hono/zod-openapi';
import { assessmentMetrics } from './definitions.ts';
import { MONTH_PATTERN } from './month.ts';

const count = z.number().int().min(0);
/** A share in [0, 1]; null when its denominator is 0. */
const share = z.number().min(0).max(1).nullable();
const localized = z.object({ 'zh-CN': z.string(), en: z.string() });

export const monthSchema = z.string().regex(MONTH_PATTERN, 'a month such as 2026-11');

/** One department's or sub-center's month. */
export const assessmentRowSchema = z.object({
  departmentCode: z.string(),
  name: z.string(),
  nameEn: z.string(),
  kind: z.enum(['department', 'sub_center']),
  new: count,
  signed: count,
  signRate: share,
  signedOnTime: count,
  returns: count,
  transferRate: share,
  handled: count,
  handlingRate: share,
  closed: count,
  closureRate: share,
  closedOnTime: count,
  onTimeRate: share,
  rated: count,
  /** Ratings of 4–5. */
  satisfied: count,
  satisfactionRate: share,
  extensions: count,
  overdue: count,
  urges: count,
  score: z.number().min(0).max(100).nullable(),
  rank: z.number().int().min(1).nullable(),
});
export type AssessmentRow = z.infer<typeof assessmentRowSchema>;

/** `GET /api/assessment`: every department and sub-center for the month, with what each figure means. */
export const assessmentReportSchema = z
  .object({
    month: monthSchema,
    timezone: z.string(),
    /** The month's bounds on the hotline's clock, as instants: [from, to). */
    from: z.iso.datetime(),
    to: z.iso.datetime(),
    departments: z.array(assessmentRowSchema),
    definitions: z.array(z.object({ metric: z.enum(assessmentMetrics), name: localized, definition: localized })),
    weights: z.record(z.string(), z.number()),
  })
  .openapi('AssessmentReport');
export type AssessmentReport = z.infer<typeof assessmentReportSchema>;
