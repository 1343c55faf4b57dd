import { z } from 'zod';
import { channels } from '@hotline/channels';

/**
 * What the supervisor wall shows (GET /api/stats/wall, and `wall:updated` over socket.io).
 * Plain zod with no server imports, so the console shares these types (see `api-types.ts`).
 */
const presenceStatus = z.enum(['available', 'busy', 'away', 'offline']);

export const wallChannelSchema = z.object({
  channel: z.enum(channels),
  /** Pending appeals nobody holds yet (待受理). */
  waiting: z.number().int(),
  /** Seconds the oldest of those has waited at `generatedAt`; 0 when none waits. */
  longestWaitSeconds: z.number().int(),
  /** Pending appeals an agent holds. */
  inProgress: z.number().int(),
  /** Appeals that arrived today and got a first staff response or a decision. */
  answeredToday: z.number().int(),
  /** Of those, answered within `serviceLevelTargetSeconds` of arrival. */
  answeredWithinTarget: z.number().int(),
  /** answeredWithinTarget / answeredToday, a share from 0 to 1; null when none was answered. */
  serviceLevel: z.number().nullable(),
  /** Voice only (0 elsewhere): today's callers who hung up while waiting in the queue. */
  abandonedCalls: z.number().int(),
  /** Voice only (0 elsewhere): today's callers who waited in the queue. */
  enqueuedCalls: z.number().int(),
  /** abandonedCalls / enqueuedCalls, a share from 0 to 1; null when nobody was queued (and for written channels). */
  abandonRate: z.number().nullable(),
});
export type WallChannel = z.infer<typeof wallChannelSchema>;

export const wallAgentSchema = z.object({
  id: z.uuid(),
  displayName: z.string(),
  status: presenceStatus,
  /** Has a console open now. */
  online: z.boolean(),
  /** Pending appeals held: calls apart from written chats. */
  load: z.object({ chats: z.number().int(), calls: z.number().int() }),
  /** Appeals this agent decided today (accepted, rejected, merged, answered). */
  handledToday: z.number().int(),
  /** Mean seconds from assignment (or arrival) to decision over those; null when none. */
  averageHandlingSeconds: z.number().int().nullable(),
});
export type WallAgent = z.infer<typeof wallAgentSchema>;

export const wallWarningKinds = ['waiting_count', 'longest_wait', 'emergency', 'sla_breach'] as const;

/** 待受理预警 and friends; `message` is Chinese and shown as given. Linked warnings name the appeal. */
export const wallWarningSchema = z.object({
  kind: z.enum(wallWarningKinds),
  severity: z.enum(['warning', 'critical']),
  message: z.string(),
  appealId: z.uuid().optional(),
  caseNumber: z.string().optional(),
});
export type WallWarning = z.infer<typeof wallWarningSchema>;

export const wallSnapshotSchema = z.object({
  generatedAt: z.iso.datetime(),
  serviceLevelTargetSeconds: z.number().int(),
  /** Always the four channels, in the order voice, sms, wechat, web. */
  channels: z.array(wallChannelSchema),
  /** Agents by chosen presence; an agent who never set one counts as offline. */
  agents: z.object({ available: z.number().int(), busy: z.number().int(), away: z.number().int(), offline: z.number().int() }),
  perAgent: z.array(wallAgentSchema),
  /** Emergencies first, then the queue-wide warnings, then SLA breaches (oldest first, at most 20). */
  warnings: z.array(wallWarningSchema),
});
export type WallSnapshot = z.infer<typeof wallSnapshotSchema>;

export const wallChartsSchema = z.object({
  /** Today's arrivals per hour of the hotline's day (HOTLINE_TIMEZONE), always 24 rows, hour 0 to 23. */
  intakeByHour: z.array(z.object({ hour: z.number().int(), voice: z.number().int(), sms: z.number().int(), wechat: z.number().int(), web: z.number().int() })),
  /** Today's appeals per matter category, most first; not yet classified as `unclassified`. */
  categoryMix: z.array(z.object({ categoryCode: z.string(), count: z.number().int() })),
  /** Today's appeals per grid, most first; appeals without a grid are left out. */
  gridHeat: z.array(z.object({ gridCode: z.string(), count: z.number().int() })),
});
export type WallCharts = z.infer<typeof wallChartsSchema>;

/** Hot words and hot issues (热词, 热点问题) for supervisors, per day or week and per street. */
export const hotReportSchema = z.object({
  period: z.enum(['day', 'week']),
  from: z.iso.datetime(),
  streetCode: z.string().nullable(),
  appeals: z.number().int(),
  terms: z.array(
    z.object({
      term: z.string(),
      docs: z.number().int(),
      count: z.number().int(),
      /** Appeals that used the word in the same stretch of the period before (yesterday, last week, up to the same time). */
      previousDocs: z.number().int(),
      trend: z.enum(['new', 'up', 'down', 'steady']),
    }),
  ),
  issues: z.array(
    z.object({
      period: z.string(),
      street: z.string(),
      size: z.number().int(),
      terms: z.array(z.string()),
      category: z.string().nullable(),
      /** A cluster of emergencies: they never join a routine hot issue. */
      emergency: z.boolean(),
      caseNumbers: z.array(z.string()),
      first: z.iso.datetime(),
      last: z.iso.datetime(),
    }),
  ),
});
export type HotReport = z.infer<typeof hotReportSchema>;
