import { and, asc, eq, gte, inArray, like, lte } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { InboundAttachment } from '@hotline/channels';
import type { Ctx } from '../../identity/auth/index.ts';
import { appeals, maskReporterContacts, receiveFollowUp } from '../../appeals/index.ts';
import { contactIdentities } from '../../identity/contacts/index.ts';
import { type EventAction, type EventStatus, eventSteps, events } from '../../linkage/index.ts';
import { type CitizenTexts, citizenTexts } from '../../platform/texts/index.ts';
import { departments } from '../../reference/departments/index.ts';
import { Open311Error } from './errors.ts';
import { mediaAttachment } from './file-request.ts';
import { dateWindow, extendedStatus } from './requests.ts';
import type { RequestUpdateInput, RequestUpdateView, UpdateQuery } from './views.ts';

/** The steps a reporter's app is told of; warnings, urging, extensions and 回访 are the center's own business. */
const PUBLIC_ACTIONS = [
  'dispatch',
  'redispatch',
  'reopen',
  'sign',
  'report',
  'return',
  'verify_fail',
  'verify_pass',
  'cancel',
] as const satisfies EventAction[];
const MAX_UPDATES = 1000;

const mergedInto = alias(appeals, 'merged_into');

/** A step in the words its reporter is told; a department's note (the result, the reason) follows. */
function stepWords(step: { action: EventAction; toStatus: EventStatus; note: string | null; unit: string | null; result: string | null }, texts: CitizenTexts) {
  const { open311 } = texts;
  const unit = step.unit ?? open311.responsibleUnit;
  const withNote = (words: string) => (step.note ? `${words}：${step.note}` : words);
  switch (step.toStatus) {
    case 'dispatched':
      return open311.dispatched(unit);
    case 'handling':
      return withNote(open311.handling(unit));
    case 'reported':
      return withNote(open311.reported(unit));
    case 'returned':
      return open311.returned;
    case 'closed':
      return open311.closed(step.result);
    case 'cancelled':
      return open311.cancelled(step.note);
  }
}

async function stepUpdates(ctx: Ctx, from: Date, to: Date, texts: CitizenTexts): Promise<RequestUpdateView[]> {
  const rows = await ctx.db
    .select({
      id: eventSteps.id,
      action: eventSteps.action,
      toStatus: eventSteps.toStatus,
      note: eventSteps.note,
      createdAt: eventSteps.createdAt,
      caseNumber: events.caseNumber,
      result: events.result,
      unit: departments.name,
    })
    .from(eventSteps)
    .innerJoin(events, eq(events.id, eventSteps.eventId))
    .leftJoin(departments, eq(departments.code, eventSteps.departmentCode))
    .where(and(inArray(eventSteps.action, PUBLIC_ACTIONS), gte(eventSteps.createdAt, from), lte(eventSteps.createdAt, to)))
    .orderBy(asc(eventSteps.createdAt))
    .limit(MAX_UPDATES);
  return rows.map((row) => ({
    update_id: row.id,
    service_request_id: row.caseNumber,
    status: row.toStatus === 'closed' || row.toStatus === 'cancelled' ? 'closed' : 'open',
    extended_status: extendedStatus('accepted', row.toStatus),
    updated_datetime: row.createdAt.toISOString(),
    description: maskReporterContacts(stepWords(row, texts)),
    media_url: null,
    external_status_code: row.action,
  }));
}

/** The pre-acceptance queue's own endings (不予受理, 合并, 直接答复): a request that never became an event learns it too. */
async function decisionUpdates(ctx: Ctx, from: Date, to: Date, texts: CitizenTexts): Promise<RequestUpdateView[]> {
  const rows = await ctx.db
    .select({
      id: appeals.id,
      caseNumber: appeals.caseNumber,
      status: appeals.status,
      reason: appeals.rejectReason,
      decidedAt: appeals.decidedAt,
      mergedInto: mergedInto.caseNumber,
    })
    .from(appeals)
    .leftJoin(mergedInto, eq(mergedInto.id, appeals.duplicateOfId))
    .where(and(inArray(appeals.status, ['rejected', 'merged', 'answered']), gte(appeals.decidedAt, from), lte(appeals.decidedAt, to)))
    .orderBy(asc(appeals.decidedAt))
    .limit(MAX_UPDATES);
  const { progress } = texts;
  return rows.map((row) => {
    const words =
      row.status === 'rejected'
        ? progress.rejectedBecause(progress.appeal.rejected, row.reason)
        : row.status === 'merged' && row.mergedInto
          ? progress.mergedInto(row.mergedInto)
          : progress.appeal[row.status];
    return {
      update_id: `${row.id}:${row.status}`,
      service_request_id: row.caseNumber,
      status: 'closed',
      extended_status: extendedStatus(row.status, undefined),
      updated_datetime: row.decidedAt!.toISOString(),
      description: maskReporterContacts(words),
      media_url: null,
      external_status_code: row.status === 'rejected' ? 'reject' : row.status === 'merged' ? 'merge' : 'answer',
    };
  });
}

/**
 * `GET servicerequestupdates`: every step of every request whose time falls in the window, oldest
 * first (a poller takes the last `updated_datetime` as its next `start_date`), at most 1000. The
 * words are the steps' own, never the reporter's, with any contact in them masked.
 */
export async function listRequestUpdates({ ctx, input }: { ctx: Ctx; input: UpdateQuery }): Promise<RequestUpdateView[]> {
  const { from, to } = dateWindow(input, new Date(), ctx.config.timezone);
  const texts = citizenTexts(ctx.config.language);
  const [steps, decisions] = await Promise.all([stepUpdates(ctx, from, to, texts), decisionUpdates(ctx, from, to, texts)]);
  return [...steps, ...decisions].sort((a, b) => a.updated_datetime.localeCompare(b.updated_datetime)).slice(0, MAX_UPDATES);
}

/** A client may add to the requests it filed, and to no other: anyone else's is not found. */
async function filedBy(ctx: Ctx, client: string, caseNumber: string) {
  const [appeal] = await ctx.db
    .select({ id: appeals.id })
    .from(appeals)
    .innerJoin(contactIdentities, eq(contactIdentities.contactId, appeals.contactId))
    .where(and(eq(appeals.caseNumber, caseNumber), like(contactIdentities.value, `open311:${client}:%`)))
    .limit(1);
  if (!appeal) throw new Open311Error(404, `service_request_id ${caseNumber} was not found`);
  return appeal;
}

/**
 * `POST servicerequestupdates`: the citizen's follow-up (their words, photos, name) joins the
 * appeal's conversation, where the agent reads it. Once per client and `update_id`: a retry answers
 * the same id and stores nothing new.
 */
export async function fileRequestUpdate({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { update: RequestUpdateInput; client: string; files?: InboundAttachment[] };
}): Promise<{ update_id: string }> {
  const { update, client } = input;
  const appeal = await filedBy(ctx, client, update.service_request_id);
  const name = [update.first_name, update.last_name].filter(Boolean).join(' ');
  const who = update.email
    ? `email:${update.email.toLowerCase()}`
    : update.account_id
      ? `account:${update.account_id}`
      : `request:${update.service_request_id}`;
  const { message } = await receiveFollowUp({
    ctx,
    input: {
      appealId: appeal.id,
      inbound: {
        channel: 'web',
        sender: { kind: 'web_session', value: `open311:${client}:${who}` },
        senderName: name || undefined,
        text: update.description,
        attachments: [...(update.media_url ?? []).map(mediaAttachment), ...(input.files ?? [])],
        providerMessageId: `open311-update:${client}:${update.update_id}`,
        receivedAt: new Date(),
      },
    },
  });
  return { update_id: message.id };
}
