import { and, eq, inArray, lte, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Deps } from '../../identity/auth/index.ts';
import type { Job } from '../../platform/jobs/index.ts';
import { type ExternalAction, takeExternalStep } from '../../linkage/index.ts';
import { type DepartmentOpen311, departmentOpen311, open311Dispatches, open311ReceivedUpdates } from './schema.ts';

const POLL_TIMEOUT_MS = 10_000;
const ERROR_TEXT_LIMIT = 500;
/** On the first read, the feed is read from this far back. */
const FIRST_WINDOW_MS = 24 * 3600_000;

/** One update of the feed as the extension defines it; anything else in it is ignored. */
const feedSchema = z.array(
  z.object({
    update_id: z.union([z.string(), z.number()]).transform(String),
    service_request_id: z.union([z.string(), z.number()]).transform(String),
    status: z.string().transform((s) => s.toLowerCase()),
    extended_status: z.string().optional(),
    updated_datetime: z.iso.datetime({ offset: true }),
    description: z.string().nullish(),
  }),
);
type FeedUpdate = z.infer<typeof feedSchema>[number];

/**
 * What an update means for our event: the department has it (签收) as soon as it says anything;
 * closed as not accepted there is 退回; closed otherwise is its 处置反馈, for the center to verify
 * and close (结案) as with any department.
 */
function actionsFor(update: FeedUpdate): ExternalAction[] {
  if (update.status !== 'closed') return ['sign'];
  if (update.extended_status === 'not_accepted' || update.extended_status === 'not_councils_responsibility') return ['return'];
  return ['sign', 'report'];
}

/** Reads the department's feed from its cursor, with `If-Modified-Since` when it sent `Last-Modified`. */
async function readFeed(settings: DepartmentOpen311, now: Date) {
  const url = new URL(`${settings.baseUrl}/servicerequestupdates.json`);
  url.searchParams.set('api_key', settings.apiKey);
  if (settings.jurisdictionId) url.searchParams.set('jurisdiction_id', settings.jurisdictionId);
  url.searchParams.set('start_date', (settings.pollCursor ?? new Date(now.getTime() - FIRST_WINDOW_MS)).toISOString());
  const res = await fetch(url, {
    headers: { accept: 'application/json', ...(settings.lastModified ? { 'if-modified-since': settings.lastModified } : {}) },
    redirect: 'manual',
    signal: AbortSignal.timeout(POLL_TIMEOUT_MS),
  });
  if (res.status === 304) return { updates: [], lastModified: settings.lastModified };
  const text = await res.text();
  if (!res.ok) throw new Error(`HTTP ${res.status}: ${text.slice(0, ERROR_TEXT_LIMIT)}`);
  return { updates: feedSchema.parse(JSON.parse(text)), lastModified: res.headers.get('last-modified') };
}

/** Each update about a request we filed there, once: recorded, then taken as steps on the event. */
async function applyUpdates(deps: Deps, settings: DepartmentOpen311, updates: FeedUpdate[]) {
  const ids = [...new Set(updates.map((u) => u.service_request_id))];
  if (!ids.length) return;
  const dispatches = await deps.db
    .select({ eventId: open311Dispatches.eventId, serviceRequestId: open311Dispatches.serviceRequestId })
    .from(open311Dispatches)
    .where(and(eq(open311Dispatches.departmentCode, settings.departmentCode), inArray(open311Dispatches.serviceRequestId, ids)));
  const eventOf = new Map(dispatches.map((d) => [d.serviceRequestId!, d.eventId]));
  const ctx = { ...deps, actor: { type: 'system' as const } };
  for (const update of updates.sort((a, b) => a.updated_datetime.localeCompare(b.updated_datetime))) {
    const eventId = eventOf.get(update.service_request_id);
    if (!eventId) continue;
    const [fresh] = await deps.db
      .insert(open311ReceivedUpdates)
      .values({ departmentCode: settings.departmentCode, updateId: update.update_id, eventId })
      .onConflictDoNothing()
      .returning();
    if (!fresh) continue;
    for (const action of actionsFor(update)) {
      const taken = await takeExternalStep({ ctx, input: { eventId, departmentCode: settings.departmentCode, action, note: update.description ?? null } });
      if (taken) {
        await deps.db
          .update(open311ReceivedUpdates)
          .set({ stepId: taken.step.id })
          .where(and(eq(open311ReceivedUpdates.departmentCode, settings.departmentCode), eq(open311ReceivedUpdates.updateId, update.update_id)));
      }
    }
  }
}

/** Reads one department's feed and records the outcome: the new cursor, or the error the admin sees. */
async function pollDepartment(deps: Deps, settings: DepartmentOpen311, now: Date) {
  try {
    const { updates, lastModified } = await readFeed(settings, now);
    await applyUpdates(deps, settings, updates);
    const newest = updates.reduce<Date | null>(
      (max, u) => (!max || new Date(u.updated_datetime) > max ? new Date(u.updated_datetime) : max),
      settings.pollCursor,
    );
    await deps.db
      .update(departmentOpen311)
      .set({ pollCursor: newest, lastModified, lastPolledAt: now, lastPollError: null })
      .where(eq(departmentOpen311.departmentCode, settings.departmentCode));
  } catch (error) {
    const message = error instanceof z.ZodError ? `the feed is not Open311 updates: ${error.issues[0]?.message}` : String((error as Error).cause ?? error);
    await deps.db
      .update(departmentOpen311)
      .set({ lastPolledAt: now, lastPollError: message.slice(0, ERROR_TEXT_LIMIT) })
      .where(eq(departmentOpen311.departmentCode, settings.departmentCode));
  }
}

/**
 * Reads the feed of every enabled external department whose interval has passed. Each department
 * is claimed by moving its `last_polled_at` first (a conditional UPDATE), so two instances never
 * read one feed at once. Returns the departments polled.
 */
export async function pollOpen311Departments(deps: Deps, now = new Date()): Promise<string[]> {
  const due = await deps.db
    .update(departmentOpen311)
    .set({ lastPolledAt: now })
    .where(
      and(
        eq(departmentOpen311.enabled, true),
        or(
          sql`${departmentOpen311.lastPolledAt} is null`,
          lte(sql`${departmentOpen311.lastPolledAt} + make_interval(secs => ${departmentOpen311.pollIntervalSeconds})`, now),
        ),
      ),
    )
    .returning();
  for (const settings of due) await pollDepartment(deps, settings, now);
  return due.map((s) => s.departmentCode);
}

/** Every 10 s, the departments that are due (each at its own `pollIntervalSeconds`). */
export const open311PollJob: Job<Deps> = {
  name: 'open311-poll',
  everyMs: 10_000,
  run: (deps) => pollOpen311Departments(deps),
};
