import { z } from '@hono/zod-openapi';
import { appealRecordSchema, getAppealRecord } from '../../appeals/index.ts';
import { callViewSchema, callsOfAppeal } from '../../routing/index.ts';
import { eventOfAppeal, eventViewSchema } from '../../linkage/index.ts';
import type { AppCtx } from '../http/index.ts';

/** The console's appeal screen: the appeal as agents work it, the phone calls behind it and the event (事件) it became. */
export const appealDetailSchema = appealRecordSchema.extend({
  calls: z.array(callViewSchema),
  /** The event (事件) the appeal became when accepted. */
  event: eventViewSchema.nullable(),
});
export type AppealDetail = z.infer<typeof appealDetailSchema>;

export async function getAppealDetail({ ctx, input }: { ctx: AppCtx; input: { id: string } }): Promise<AppealDetail> {
  const [record, calls, event] = await Promise.all([getAppealRecord({ ctx, input }), callsOfAppeal(ctx.db, input.id), eventOfAppeal(ctx.db, input.id)]);
  return { ...record, calls, event };
}
