import { randomUUID } from 'node:crypto';
import { and, eq, gte, inArray, isNull } from 'drizzle-orm';
import type { PlatformDeps } from '../../platform/context/index.ts';
import type { Job } from '../../platform/jobs/index.ts';
import { type DeliveryOutcome, type OutboxHandler, type OutboxItem, dispatchOutbox, enqueueOutbox } from '../../platform/outbox/index.ts';
import { appeals, isReporterConfidential, maskReporterContacts } from '../../appeals/index.ts';
import { eventSteps, events } from '../../linkage/index.ts';
import { departmentOpen311, open311Dispatches } from './schema.ts';

export const OPEN311_REQUEST = 'open311-request';
/** One attempt may take this long; a slow system is a failed attempt, retried later. */
const REQUEST_TIMEOUT_MS = 10_000;
const ERROR_TEXT_LIMIT = 500;
const BATCH = 50;

/** The steps that hand an event to a department: each one to an external department is a new request there. */
const HANDING_OVER = ['dispatch', 'redispatch', 'reopen'] as const;

/**
 * The request filed in the department's system: the service its mapping names, the place, and the
 * citizen's words with our case number, as our own departments read them (a confidential appeal's
 * masked); never the citizen's name or contact identities.
 */
function requestForm(row: DispatchRow): Record<string, string> {
  const { settings, event, appeal } = row;
  const summary = isReporterConfidential(appeal) ? maskReporterContacts(appeal.summary) : appeal.summary;
  const address = event.address && isReporterConfidential(appeal) ? maskReporterContacts(event.address) : event.address;
  return {
    api_key: settings.apiKey,
    ...(settings.jurisdictionId ? { jurisdiction_id: settings.jurisdictionId } : {}),
    service_code: settings.serviceCodes[event.categoryCode] ?? event.categoryCode,
    ...(appeal.latitude !== null && appeal.longitude !== null ? { lat: String(appeal.latitude), long: String(appeal.longitude) } : {}),
    ...(address ? { address_string: address } : {}),
    description: `【12345 案件 ${event.caseNumber}】${summary}`,
  };
}

type DispatchRow = Awaited<ReturnType<typeof stepsOwed>>[number];

/** Hand-over steps to enabled external departments, taken since the department was set so, not yet sent. */
function stepsOwed(tx: Parameters<Parameters<PlatformDeps['db']['transaction']>[0]>[0]) {
  return tx
    .select({
      step: { id: eventSteps.id, departmentCode: eventSteps.departmentCode },
      event: { id: events.id, caseNumber: events.caseNumber, categoryCode: events.categoryCode, address: events.address },
      appeal: {
        summary: appeals.summary,
        latitude: appeals.latitude,
        longitude: appeals.longitude,
        appealType: appeals.appealType,
        confidential: appeals.confidential,
      },
      settings: departmentOpen311,
    })
    .from(eventSteps)
    .innerJoin(departmentOpen311, and(eq(departmentOpen311.departmentCode, eventSteps.departmentCode), eq(departmentOpen311.enabled, true)))
    .innerJoin(events, eq(events.id, eventSteps.eventId))
    .innerJoin(appeals, eq(appeals.id, events.appealId))
    .leftJoin(open311Dispatches, eq(open311Dispatches.stepId, eventSteps.id))
    .where(and(inArray(eventSteps.action, HANDING_OVER), gte(eventSteps.createdAt, departmentOpen311.createdAt), isNull(open311Dispatches.stepId)))
    .limit(BATCH);
}

/**
 * Each hand-over to an external department becomes an outbox item posting the request there, in
 * one transaction with its `open311_dispatches` row. The row's key is the step: an instance that
 * races another waits on it and writes nothing, so each step is sent once. (No row lock on the
 * steps: the linkage webhook feed skips locked ones.)
 */
export async function queueOpen311Dispatches(deps: PlatformDeps): Promise<string[]> {
  return deps.db.transaction(async (tx) => {
    const owed = await stepsOwed(tx);
    if (!owed.length) return [];
    const rows = owed.map((row) => ({ row, outboxId: randomUUID() }));
    const claimed = await tx
      .insert(open311Dispatches)
      .values(rows.map(({ row, outboxId }) => ({ stepId: row.step.id, eventId: row.event.id, departmentCode: row.step.departmentCode!, outboxId })))
      .onConflictDoNothing()
      .returning({ stepId: open311Dispatches.stepId });
    const mine = rows.filter(({ row }) => claimed.some((c) => c.stepId === row.step.id));
    await enqueueOutbox(
      tx,
      mine.map(({ row, outboxId }) => ({
        id: outboxId,
        kind: OPEN311_REQUEST,
        topic: 'requests',
        subjectId: row.event.id,
        target: `${row.settings.baseUrl}/requests.json`,
        payload: requestForm(row),
      })),
    );
    return mine.map(({ row }) => row.event.id);
  });
}

/** The id in the spec's answer, `[{"service_request_id": …}]`; a `token` alone (requests queued there) is not one yet. */
function serviceRequestIdOf(body: unknown): string | undefined {
  const first = Array.isArray(body) ? body[0] : undefined;
  const id = first && typeof first === 'object' ? (first as Record<string, unknown>).service_request_id : undefined;
  return typeof id === 'string' || typeof id === 'number' ? String(id) : undefined;
}

/** One POST of the form; the id the department's system answers is kept on the dispatch. */
async function post(deps: PlatformDeps, item: OutboxItem): Promise<DeliveryOutcome> {
  try {
    const res = await fetch(item.target, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8', accept: 'application/json' },
      body: new URLSearchParams(item.payload as Record<string, string>).toString(),
      redirect: 'manual',
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const text = await res.text();
    if (res.status < 200 || res.status >= 300) return { ok: false, statusCode: res.status, error: `HTTP ${res.status}: ${text.slice(0, ERROR_TEXT_LIMIT)}` };
    const id = serviceRequestIdOf(JSON.parse(text));
    if (!id) return { ok: false, statusCode: res.status, error: `no service_request_id in the answer: ${text.slice(0, ERROR_TEXT_LIMIT)}`, final: true };
    await deps.db.update(open311Dispatches).set({ serviceRequestId: id }).where(eq(open311Dispatches.outboxId, item.id));
    return { ok: true, statusCode: res.status };
  } catch (error) {
    const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
    return { ok: false, statusCode: null, error: timedOut ? `no answer within ${REQUEST_TIMEOUT_MS / 1000} s` : String((error as Error).cause ?? error) };
  }
}

/** The outbox's handler for requests filed in departments' own systems. */
export const open311Requests: OutboxHandler = {
  kind: OPEN311_REQUEST,
  deliver: (deps, items) => Promise.all(items.map((item) => post(deps, item))),
};

/** Soon after every step: the hand-overs to external departments are queued and posted at once; the outbox retries the rest. */
export const open311DispatchJob: Job = {
  name: 'open311-dispatch',
  everyMs: 30_000,
  wakeOn: ['event.changed'],
  async run(deps) {
    const subjectIds = await queueOpen311Dispatches(deps);
    if (subjectIds.length) await dispatchOutbox(deps, [open311Requests], { subjectIds });
  },
};
