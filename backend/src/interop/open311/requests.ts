import { type SQL, and, desc, eq, gte, inArray, lte, not, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Ctx } from '../../identity/auth/index.ts';
import { appeals, isReporterConfidential, maskReporterContacts } from '../../appeals/index.ts';
import { type CitizenTexts, citizenTexts } from '../../platform/texts/index.ts';
import { departments } from '../../reference/departments/index.ts';
import { type EventStatus, eventSteps, events } from '../../linkage/index.ts';
import { attachments, messages } from '../../messaging/index.ts';
import { categories } from '../../reference/taxonomy/index.ts';
import { Open311Error } from './errors.ts';
import { SERVICE_NOTICE, requestedServiceCode } from './file-request.ts';
import { DATE_ONLY, type ExtendedStatus, type RequestQuery, type RequestStatus, type ServiceRequestView } from './views.ts';
import { instantAt } from '../../platform/config/index.ts';

/** The spec's response volume: a span of at most 90 days, at most 1000 requests. */
const WINDOW_MS = 90 * 24 * 3600_000;
const MAX_REQUESTS = 1000;

const mergedInto = alias(appeals, 'merged_into');

/** The event's category once dispatched; before that the service the client chose, else NLP's category. */
const serviceCode = sql<string | null>`coalesce(${events.categoryCode}, ${requestedServiceCode}, ${appeals.categoryCode})`;

/**
 * Closed once nothing more will happen: not accepted, answered directly, merged into another
 * case (the spec's "Duplicate request"), or its event closed or cancelled.
 */
const isClosed = sql<boolean>`(${appeals.status} in ('rejected', 'answered', 'merged') or coalesce(${events.status} in ('closed', 'cancelled'), false))`;

/** The first photo the reporter gave by URL; stored bytes stay staff-only. */
const mediaUrl = sql<string | null>`(select ${attachments.url} from ${attachments} join ${messages} on ${messages.id} = ${attachments.messageId}
  where ${messages.appealId} = ${appeals.id} and ${attachments.url} is not null order by ${attachments.createdAt} limit 1)`;

/** Why it was cancelled (撤销), from the step that did it. */
const cancelNote = sql<string | null>`(select ${eventSteps.note} from ${eventSteps}
  where ${eventSteps.eventId} = ${events.id} and ${eventSteps.action} = 'cancel' order by ${eventSteps.createdAt} desc limit 1)`;

function selectRequests(ctx: Ctx) {
  return ctx.db
    .select({
      caseNumber: appeals.caseNumber,
      appealStatus: appeals.status,
      rejectReason: appeals.rejectReason,
      appealType: appeals.appealType,
      confidential: appeals.confidential,
      summary: appeals.summary,
      filedHere: sql<boolean>`${requestedServiceCode} is not null`,
      mergedIntoCase: mergedInto.caseNumber,
      address: appeals.address,
      latitude: appeals.latitude,
      longitude: appeals.longitude,
      createdAt: appeals.createdAt,
      appealUpdatedAt: appeals.updatedAt,
      event: {
        status: events.status,
        timeLimitAt: events.timeLimitAt,
        updatedAt: events.updatedAt,
        closedAt: events.closedAt,
        result: events.result,
        address: events.address,
      },
      serviceCode: categories.code,
      serviceName: categories.name,
      agency: departments.name,
      closed: isClosed,
      mediaUrl,
      cancelNote,
    })
    .from(appeals)
    .leftJoin(events, eq(events.appealId, appeals.id))
    .leftJoin(mergedInto, eq(mergedInto.id, appeals.duplicateOfId))
    .leftJoin(departments, eq(departments.code, events.leadDepartmentCode))
    .leftJoin(categories, eq(categories.code, serviceCode));
}

type Row = Awaited<ReturnType<ReturnType<typeof selectRequests>['execute']>>[number];

/** The step the request is at, in the words its reporter is told. */
function statusNotes(row: Row, texts: CitizenTexts): string {
  const { progress, open311 } = texts;
  const unit = row.agency ?? open311.responsibleUnit;
  switch (row.appealStatus) {
    case 'rejected':
      return progress.rejectedBecause(progress.appeal.rejected, row.rejectReason);
    case 'merged':
      return row.mergedIntoCase ? progress.mergedInto(row.mergedIntoCase) : progress.appeal.merged;
    case 'pending':
    case 'answered':
      return progress.appeal[row.appealStatus];
    case 'accepted':
      switch (row.event?.status) {
        case undefined:
          return progress.appeal.accepted;
        case 'dispatched':
        case 'handling':
        case 'reported':
          return open311[row.event.status](unit);
        case 'returned':
          return open311.returned;
        case 'closed':
          return open311.closed(row.event.result);
        case 'cancelled':
          return open311.cancelled(row.cancelNote);
      }
  }
}

/** The detail behind open/closed (see `extendedStatuses`). */
export function extendedStatus(appealStatus: Row['appealStatus'], eventStatus: EventStatus | undefined): ExtendedStatus {
  switch (appealStatus) {
    case 'pending':
      return 'open';
    case 'rejected':
      return 'not_accepted';
    case 'merged':
      return 'duplicate';
    case 'answered':
      return 'answered';
    case 'accepted':
      switch (eventStatus) {
        case 'handling':
        case 'reported':
          return 'in_progress';
        case 'closed':
          return 'fixed';
        case 'cancelled':
          return 'no_further_action';
        default:
          return 'action_scheduled';
      }
  }
}

/** A request filed here carries the service at the head of its text (see `fileServiceRequest`); the description is what follows. */
const reporterWords = (row: Row) => (row.filedHere ? row.summary.replace(/^【[^】]*】/, '') : row.summary) || null;

const latest = (...dates: (Date | null | undefined)[]) => new Date(Math.max(...dates.map((d) => d?.getTime() ?? 0)));

function toView(row: Row, texts: CitizenTexts): ServiceRequestView {
  const status: RequestStatus = row.closed ? 'closed' : 'open';
  // 举报人保密: the notes (a reason, a result) and the address are staff's and the citizen's words, read by anyone here.
  const confidential = isReporterConfidential(row);
  const shown = (text: string | null) => (text && confidential ? maskReporterContacts(text) : text);
  return {
    service_request_id: row.caseNumber,
    status,
    extended_status: extendedStatus(row.appealStatus, row.event?.status),
    merged_into: row.appealStatus === 'merged' ? row.mergedIntoCase : null,
    status_notes: shown(statusNotes(row, texts)),
    // The reporter's own words, whole, unless they are a whistle-blower's: then nothing of them.
    description: confidential ? null : reporterWords(row),
    service_name: row.serviceName,
    service_code: row.serviceCode,
    agency_responsible: row.agency,
    // What happens next is only news while it waits for an agent; afterwards the notes and the time limit say it.
    service_notice: row.appealStatus === 'pending' ? SERVICE_NOTICE : null,
    requested_datetime: row.createdAt.toISOString(),
    updated_datetime: latest(row.appealUpdatedAt, row.event?.updatedAt, row.event?.closedAt).toISOString(),
    expected_datetime: row.event?.timeLimitAt.toISOString() ?? null,
    address: shown(row.event?.address ?? row.address),
    lat: row.latitude,
    long: row.longitude,
    media_url: confidential ? null : row.mediaUrl,
  };
}

/**
 * A W3C-DTF value as an instant: a date-time as written; a date alone (a year, a month or a day)
 * from its first moment in the hotline's zone, or to its last as the window's end.
 */
export function w3cInstant(value: string, edge: 'start' | 'end', timezone: string): Date {
  const date = DATE_ONLY.exec(value);
  if (!date) return new Date(value);
  const [year, month, day] = [Number(date[1]), date[2] ? Number(date[2]) : undefined, date[3] ? Number(date[3]) : undefined];
  const first = instantAt({ year, month: month ?? 1, day: day ?? 1 }, timezone);
  if (edge === 'start') return first;
  const next = instantAt({ year: month ? year : year + 1, month: month ? (day ? month : month + 1) : 1, day: day ? day + 1 : 1 }, timezone);
  return new Date(next.getTime() - 1);
}

/**
 * The date window: both ends given (at most 90 days apart), one end and 90 days from it, or the
 * most recent 90 days.
 */
export function dateWindow(query: Pick<RequestQuery, 'start_date' | 'end_date'>, now: Date, timezone: string): { from: Date; to: Date } {
  const start = query.start_date ? w3cInstant(query.start_date, 'start', timezone) : undefined;
  const end = query.end_date ? w3cInstant(query.end_date, 'end', timezone) : undefined;
  if (start && end) {
    if (start > end) throw new Open311Error(400, 'start_date is after end_date');
    if (end.getTime() - start.getTime() > WINDOW_MS) throw new Open311Error(400, 'start_date and end_date may not span more than 90 days');
    return { from: start, to: end };
  }
  if (start) return { from: start, to: new Date(start.getTime() + WINDOW_MS) };
  const to = end ?? now;
  return { from: new Date(to.getTime() - WINDOW_MS), to };
}

/** `GET requests`: the ids given override every other filter, as the spec says. */
export async function listServiceRequests({ ctx, input }: { ctx: Ctx; input: RequestQuery }): Promise<ServiceRequestView[]> {
  const filters: SQL[] = [];
  if (input.service_request_id) {
    filters.push(inArray(appeals.caseNumber, input.service_request_id));
  } else {
    const { from, to } = dateWindow(input, new Date(), ctx.config.timezone);
    filters.push(gte(appeals.createdAt, from), lte(appeals.createdAt, to));
    if (input.service_code) filters.push(inArray(serviceCode, input.service_code));
    const statuses = new Set(input.status ?? []);
    if (statuses.size === 1) filters.push(statuses.has('closed') ? isClosed : not(isClosed));
  }
  const rows = await selectRequests(ctx)
    .where(and(...filters))
    .orderBy(desc(appeals.createdAt))
    .limit(MAX_REQUESTS);
  const texts = citizenTexts(ctx.config.language);
  return rows.map((row) => toView(row, texts));
}

/** `GET requests/{id}`: one request by its case number; an unknown one is a 404. */
export async function getServiceRequest({ ctx, input }: { ctx: Ctx; input: { caseNumber: string } }): Promise<ServiceRequestView> {
  const [row] = await selectRequests(ctx).where(eq(appeals.caseNumber, input.caseNumber));
  if (!row) throw new Open311Error(404, `service_request_id ${input.caseNumber} was not found`);
  return toView(row, citizenTexts(ctx.config.language));
}
