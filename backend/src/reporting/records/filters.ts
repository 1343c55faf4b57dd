import { type SQL, type SQLWrapper, and, eq, gte, inArray, isNotNull, isNull, or, sql } from 'drizzle-orm';
import type { Channel } from '@hotline/channels';
import { normalizePhone } from '@hotline/channels/web';
import type { Territory } from '../../reference/territory/index.ts';
import { categories } from '../../reference/taxonomy/index.ts';
import { contactIdentities } from '../../identity/contacts/index.ts';
import { messages } from '../../messaging/index.ts';
import { type AppealStatus, appealNotes, appeals, type appealTypes, type urgencies } from '../../appeals/index.ts';
import { type EventStatus, eventSteps, events } from '../../linkage/index.ts';
import { UNSATISFIED_AT_MOST } from '../../linkage/index.ts';
import { ServiceError } from '../../platform/errors/index.ts';
import type { Viewer } from './viewer.ts';

export const overdueKinds = ['sign', 'yellow', 'red'] as const;
export const ratingKinds = ['satisfied', 'neutral', 'unsatisfied', 'none'] as const;
export const platforms = ['governance', 'market', 'enforcement', 'services'] as const;
export const recordSorts = ['received', 'urgency', 'timeLeft'] as const;

interface Range {
  from?: Date;
  to?: Date;
}

/** What 综合查询 filters by; every field narrows, none widens. */
export interface RecordFilters {
  received?: Range;
  decided?: Range;
  closed?: Range;
  channel?: Channel[];
  status?: AppealStatus[];
  eventStatus?: EventStatus[];
  type?: (typeof appealTypes)[number][];
  /** Matter categories; `platform` is the tree's top (the four platforms), both narrow together. */
  category?: string[];
  platform?: (typeof platforms)[number][];
  urgency?: (typeof urgencies)[number][];
  /** A street, community or grid code: every grid under it. */
  street?: string;
  community?: string;
  grid?: string;
  department?: string;
  overdue?: (typeof overdueKinds)[number][];
  rating?: (typeof ratingKinds)[number][];
  reportersMin?: number;
  agent?: string;
  /** Words anywhere in the appeal's texts; several words must all be there. */
  q?: string;
  caseNumber?: string;
  phone?: string;
  openid?: string;
}

/** `[from, to)`: a day picked as "to" in the console is sent as the next day's start. */
function inRange(column: SQLWrapper, range: Range | undefined): SQL | undefined {
  if (!range) return undefined;
  return and(
    range.from ? sql`${column} >= ${range.from.toISOString()}::timestamptz` : undefined,
    range.to ? sql`${column} < ${range.to.toISOString()}::timestamptz` : undefined,
  );
}

/** The grids under a territory unit; an unknown code (or one of another level) is a 400 naming the field. */
function gridsUnder(territory: Territory, code: string, level: 'street' | 'community' | 'grid'): string[] {
  const unit = territory.units.find((u) => u.code === code);
  if (!unit || unit.level !== level) throw new ServiceError('invalid_request', `${level}: no ${level} has the code ${code}`, { field: level });
  return territory.units.filter((u) => u.level === 'grid' && territory.ancestry(u.code).some((a) => a.code === code)).map((u) => u.code);
}

function territoryCondition(filters: RecordFilters, territory: Territory): SQL | undefined {
  const levels = (['street', 'community', 'grid'] as const).filter((level) => filters[level]);
  return and(...levels.map((level) => inArray(appeals.gridCode, gridsUnder(territory, filters[level]!, level))));
}

const reporterCount = sql<number>`(1 + (select count(*)::int from ${appeals} as merged where merged.duplicate_of_id = ${appeals.id} and merged.status = 'merged'))`;

function ratingCondition(rating: RecordFilters['rating']): SQL | undefined {
  if (!rating?.length) return undefined;
  const one = {
    satisfied: gte(appeals.satisfaction, 4),
    neutral: eq(appeals.satisfaction, UNSATISFIED_AT_MOST + 1),
    unsatisfied: sql`${appeals.satisfaction} <= ${UNSATISFIED_AT_MOST}`,
    none: isNull(appeals.satisfaction),
  };
  return or(...rating.map((r) => one[r]));
}

function overdueCondition(overdue: RecordFilters['overdue']): SQL | undefined {
  if (!overdue?.length) return undefined;
  const raised = { sign: events.signOverdueRaisedAt, yellow: events.yellowRaisedAt, red: events.redRaisedAt };
  return or(...overdue.map((o) => isNotNull(raised[o])));
}

/**
 * The spellings one phone number is stored under: typed with spaces or dashes, with or without +86
 * (Twilio sends +86…, the web form keeps what the citizen typed as digits).
 */
export function phoneVariants(typed: string): string[] {
  const normal = normalizePhone(typed);
  const digits = normal.replace(/^\+/, '');
  const national = digits.replace(/^(?:0086|86)(?=1\d{10}$)/, '');
  return [...new Set([normal, digits, national, `+86${national}`, `86${national}`])].filter((v) => v.replace('+', '').length > 0);
}

function identityCondition(kind: 'phone' | 'wechat_openid', values: string[]): SQL {
  return inArray(
    appeals.contactId,
    sql`(select ${contactIdentities.contactId} from ${contactIdentities} where ${contactIdentities.kind} = ${kind} and ${inArray(contactIdentities.value, values)})`,
  );
}

/** Contact data only: a term of letters and digits could find a masked number in a confidential text. */
const MAY_REVEAL_CONTACT = /[A-Za-z0-9Ａ-Ｚａ-ｚ０-９@＠]/;

/** Where a word may be found: the center searches every text; a department only what it is shown of an event. */
function textCondition(term: string, viewer: Viewer): SQL {
  const grams = sql`record_grams(${term})`;
  const found = (text: SQLWrapper) => sql`record_grams(${text}) @> ${grams} and strpos(lower(${text}), lower(${term})) > 0`;
  const appealText = sql`${appeals.summary} || ' ' || coalesce(${appeals.address}, '')`;
  const inSteps = sql`exists (select 1 from ${eventSteps} where ${eventSteps.eventId} = ${events.id} and ${found(eventSteps.note)})`;
  if (!viewer.seesCenterTexts) {
    const own = or(found(appealText), inSteps)!;
    // 举报人保密: what a department reads of a confidential appeal is masked, so it may find only what the mask leaves.
    return MAY_REVEAL_CONTACT.test(term) ? and(own, sql`not ${viewer.confidential}`)! : own;
  }
  return or(
    found(appealText),
    inArray(appeals.id, sql`(select ${messages.appealId} from ${messages} where ${found(messages.text)})`),
    inArray(appeals.id, sql`(select ${appealNotes.appealId} from ${appealNotes} where ${found(appealNotes.text)})`),
    inSteps,
  )!;
}

/** The search's WHERE: filters, then what the viewer may see at all. */
export function recordConditions(filters: RecordFilters, viewer: Viewer, territory: Territory): SQL | undefined {
  if (!viewer.seesContacts && (filters.phone || filters.openid)) {
    throw new ServiceError('forbidden', 'Only the center searches by phone number or openid', { field: filters.phone ? 'phone' : 'openid' });
  }
  const terms = (filters.q ?? '').split(/\s+/).filter(Boolean);
  return and(
    viewer.scope,
    inRange(appeals.createdAt, filters.received),
    inRange(appeals.decidedAt, filters.decided),
    inRange(events.closedAt, filters.closed),
    filters.channel?.length ? inArray(appeals.channel, filters.channel) : undefined,
    filters.status?.length ? inArray(appeals.status, filters.status) : undefined,
    filters.eventStatus?.length ? inArray(events.status, filters.eventStatus) : undefined,
    filters.type?.length ? inArray(appeals.appealType, filters.type) : undefined,
    filters.category?.length ? inArray(appeals.categoryCode, filters.category) : undefined,
    filters.platform?.length
      ? inArray(appeals.categoryCode, sql`(select ${categories.code} from ${categories} where ${inArray(categories.platform, filters.platform)})`)
      : undefined,
    filters.urgency?.length ? inArray(appeals.urgency, filters.urgency) : undefined,
    territoryCondition(filters, territory),
    filters.department ? eq(events.leadDepartmentCode, filters.department) : undefined,
    overdueCondition(filters.overdue),
    ratingCondition(filters.rating),
    filters.reportersMin !== undefined ? gte(reporterCount, filters.reportersMin) : undefined,
    filters.agent ? eq(appeals.assigneeId, filters.agent) : undefined,
    filters.caseNumber ? eq(appeals.caseNumber, filters.caseNumber.trim()) : undefined,
    filters.phone ? identityCondition('phone', phoneVariants(filters.phone)) : undefined,
    filters.openid ? identityCondition('wechat_openid', [filters.openid.trim()]) : undefined,
    ...terms.map((term) => textCondition(term, viewer)),
  );
}

export { reporterCount };
