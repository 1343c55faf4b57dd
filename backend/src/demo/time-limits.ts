import type { Db } from '../platform/db/index.ts';
import { type TimeLimitRule, addTimeLimitRules } from '../linkage/index.ts';

type SeedRule = Omit<TimeLimitRule, 'id'>;

const hours = (sign: number, complete: number) => ({ signForAmount: sign, signForUnit: 'hours', completionAmount: complete, completionUnit: 'hours' }) as const;
const workingDays = (sign: number, complete: number) =>
  ({ signForAmount: sign, signForUnit: 'working_days', completionAmount: complete, completionUnit: 'working_days' }) as const;

/**
 * Default 时限: emergencies in hours around the clock, normal matters in working days by the
 * holiday calendar; pollution needs monitoring and mediation needs the parties, so they get longer.
 */
export const defaultTimeLimitRules: SeedRule[] = [
  { categoryCode: '*', urgency: 'emergency', ...hours(1, 2) },
  { categoryCode: '*', urgency: 'urgent', ...hours(2, 24) },
  { categoryCode: '*', urgency: 'normal', ...workingDays(1, 5) },
  { categoryCode: 'pollution', urgency: 'normal', ...workingDays(1, 3) },
  { categoryCode: 'dispute-mediation', urgency: 'normal', ...workingDays(1, 10) },
];

/** Adds any missing default rule; rules already there (possibly edited) are kept as they are. */
export async function seedTimeLimitRules(db: Db): Promise<void> {
  await addTimeLimitRules(db, defaultTimeLimitRules);
}
