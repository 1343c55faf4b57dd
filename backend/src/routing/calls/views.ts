import { z } from 'zod';

/** A phone call behind an appeal, as the agent sees it live. */
export const callViewSchema = z.object({
  callSid: z.string(),
  appealId: z.uuid().nullable(),
  status: z.enum(['queued', 'ringing', 'in-progress', 'completed', 'busy', 'no-answer', 'failed', 'canceled']),
  /** When the caller started waiting for an agent, if they did. */
  enqueuedAt: z.iso.datetime().nullable(),
  /** bridged (answered), hangup (abandoned while waiting), leave, queue-full… */
  queueResult: z.string().nullable(),
  durationSeconds: z.number().int().nullable(),
  startedAt: z.iso.datetime(),
  endedAt: z.iso.datetime().nullable(),
});
export type CallView = z.infer<typeof callViewSchema>;
