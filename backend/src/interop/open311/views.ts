import { z } from '@hono/zod-openapi';
import { MAX_INBOUND_TEXT_LENGTH, inputDate, inputText } from '@hotline/channels';

/**
 * GeoReport v2 arguments as the spec names them. "Optional" there means an empty parameter is the
 * same as an absent one, so blank strings become undefined before anything else is checked.
 */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());
const text = (max: number) => inputText().trim().max(max);
/** Form fields arrive as text, JSON as numbers: both become a number in range. */
const coordinate = (min: number, max: number) => z.union([z.number(), inputText().trim().transform(Number)]).pipe(z.number().min(min).max(max));
/** One value or the same field repeated: always a list. */
const oneOrMany = <T extends z.ZodType>(item: T, max: number) =>
  z.union([item, z.array(item).max(max, `at most ${max} of them`)]).transform((v): z.output<T>[] => (Array.isArray(v) ? v : [v]));
const mediaUrl = z.url({ protocol: /^https?$/, error: 'media_url must be an http(s) URL' }).max(1000);
/** Photos one request or update carries, by URL and attached together. */
export const MAX_MEDIA = 8;

/** `a,b,c` → ['a', 'b', 'c'], each checked; the spec's way of passing several values. */
const commaList = <T extends z.ZodType<unknown, string>>(item: T, maxItems: number) =>
  inputText()
    .transform((s) =>
      s
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean),
    )
    .pipe(z.array(item).min(1).max(maxItems));

/** Where each argument of `POST requests` is documented: https://wiki.open311.org/GeoReport_v2/#post-service-request */
export const serviceRequestInputSchema = z
  .object({
    api_key: optional(text(200)),
    jurisdiction_id: optional(text(200)),
    service_code: inputText('service_code was not provided').trim().min(1, 'service_code was not provided').max(100),
    lat: optional(coordinate(-90, 90)),
    long: optional(coordinate(-180, 180)),
    address_string: optional(text(300)),
    address_id: optional(text(100)),
    email: optional(z.email().max(150)),
    device_id: optional(text(100)),
    account_id: optional(text(100)),
    first_name: optional(text(50)),
    last_name: optional(text(50)),
    // Kept as given (`+44 (0)20 7946 0000`, `0571-8765 4321 ext. 12`); normalised to digits where it can be (see `phoneIdentity`).
    phone: optional(text(60)),
    // The spec sets no limit: long descriptions are stored whole.
    description: optional(text(MAX_INBOUND_TEXT_LENGTH)),
    // Repeated (`media_url=…&media_url=…`) for several photos.
    media_url: optional(oneOrMany(mediaUrl, MAX_MEDIA)),
  })
  .refine((r) => (r.lat === undefined) === (r.long === undefined), { message: 'lat and long go together', path: ['long'] })
  .refine((r) => r.lat !== undefined || r.address_string !== undefined, {
    message: 'a location was not provided: send lat and long, or address_string (address_id is not used here)',
    path: ['address_string'],
  })
  .openapi('Open311ServiceRequestInput');
export type ServiceRequestInput = z.infer<typeof serviceRequestInputSchema>;

export const requestStatuses = ['open', 'closed'] as const;
export type RequestStatus = (typeof requestStatuses)[number];

/**
 * The detail behind open/closed, for clients that opt into it (FixMyStreet's extended statuses):
 * `open` waiting for an agent; `action_scheduled` accepted and dispatched; `in_progress` signed for
 * and being handled; `fixed` closed with a result; `not_accepted` 不予受理; `duplicate` merged into
 * another case (`merged_into` names it); `answered` 直接答复; `no_further_action` cancelled (撤销).
 */
export const extendedStatuses = ['open', 'action_scheduled', 'in_progress', 'fixed', 'not_accepted', 'duplicate', 'answered', 'no_further_action'] as const;
export type ExtendedStatus = (typeof extendedStatuses)[number];

/** A W3C-DTF date alone (`2026`, `2026-11`, `2026-11-22`): the whole year, month or day in the hotline's zone. */
export const DATE_ONLY = /^(20\d{2})(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?$/;

/** W3C-DTF as the spec asks: a date-time with its zone, or a date alone. */
const w3cDate = (field: string) =>
  z.union([inputText().regex(DATE_ONLY), inputDate()], {
    error: `${field} must be a w3 date or datetime, e.g. 2026-01-01 or 2026-01-01T00:00:00Z`,
  });

/** `GET requests` filters: https://wiki.open311.org/GeoReport_v2/#get-service-requests */
export const requestQuerySchema = z.object({
  jurisdiction_id: optional(text(200)),
  service_request_id: optional(commaList(z.string().regex(/^[A-Za-z0-9-]{1,40}$/, 'service_request_id is a case number'), 1000)),
  service_code: optional(commaList(inputText().max(100), 100)),
  start_date: optional(w3cDate('start_date')),
  end_date: optional(w3cDate('end_date')),
  status: optional(commaList(z.enum(requestStatuses, { error: 'status is open or closed' }), 2)),
});
export type RequestQuery = z.infer<typeof requestQuerySchema>;

/** What a service request shows anyone who asks: the matter, its progress and the reporter's words, never who reported it; of a confidential one (举报人保密) not the words either. */
export const serviceRequestViewSchema = z
  .object({
    service_request_id: z.string().openapi({ description: 'The case number (案件流水号)', example: '20261122000123' }),
    status: z.enum(requestStatuses),
    extended_status: z.enum(extendedStatuses).openapi({ description: 'The detail behind open/closed (an extension: clients that do not know it ignore it)' }),
    merged_into: z.string().nullable().openapi({ description: 'The case number it was merged into, when extended_status is duplicate' }),
    status_notes: z.string().nullable().openapi({ description: 'The current step in words: the rejection reason, the department handling it, the result' }),
    description: z.string().nullable().openapi({ description: 'What the reporter wrote; null when the appeal is confidential (举报人保密)' }),
    service_name: z.string().nullable(),
    service_code: z.string().nullable(),
    agency_responsible: z.string().nullable().openapi({ description: 'The lead department, once dispatched' }),
    service_notice: z.string().nullable(),
    requested_datetime: z.string(),
    updated_datetime: z.string(),
    expected_datetime: z.string().nullable().openapi({ description: 'The time limit (办结时限), once dispatched' }),
    address: z.string().nullable(),
    lat: z.number().nullable(),
    long: z.number().nullable(),
    media_url: z.string().nullable(),
  })
  .openapi('Open311ServiceRequest');
export type ServiceRequestView = z.infer<typeof serviceRequestViewSchema>;

export const createdRequestSchema = z
  .object({ service_request_id: z.string(), service_notice: z.string(), account_id: z.string().nullable() })
  .openapi('Open311CreatedRequest');
export type CreatedRequest = z.infer<typeof createdRequestSchema>;

export const serviceSchema = z
  .object({
    service_code: z.string(),
    service_name: z.string(),
    description: z.string(),
    metadata: z.boolean(),
    type: z.literal('realtime'),
    keywords: z.string(),
    group: z.string(),
  })
  .openapi('Open311Service');
export type Open311Service = z.infer<typeof serviceSchema>;

export const serviceDefinitionSchema = z
  .object({
    service_code: z.string(),
    attributes: z.array(z.record(z.string(), z.unknown())).openapi({ description: 'Always empty: our services take no extra attributes' }),
  })
  .openapi('Open311ServiceDefinition');

export const open311ErrorsSchema = z.array(z.object({ code: z.number().int(), description: z.string() })).openapi('Open311Errors');

/** `GET servicerequestupdates` filters: the window of `updated_datetime`, as `GET requests` has it. */
export const updateQuerySchema = z.object({
  jurisdiction_id: optional(text(200)),
  start_date: optional(w3cDate('start_date')),
  end_date: optional(w3cDate('end_date')),
});
export type UpdateQuery = z.infer<typeof updateQuerySchema>;

/** One step of a request's progress (the update extension FixMyStreet and others read). */
export const requestUpdateViewSchema = z
  .object({
    update_id: z.string().openapi({ description: 'Stable: the same step always has the same id' }),
    service_request_id: z.string(),
    status: z.enum(requestStatuses),
    extended_status: z.enum(extendedStatuses),
    updated_datetime: z.string(),
    description: z.string().nullable().openapi({ description: 'The step in words; contacts in it are masked' }),
    media_url: z.string().nullable(),
    external_status_code: z.string().openapi({ description: 'Our step: dispatch, sign, report, verify_pass, reject, merge…' }),
  })
  .openapi('Open311RequestUpdate');
export type RequestUpdateView = z.infer<typeof requestUpdateViewSchema>;

/** `POST servicerequestupdates`: a citizen's follow-up through the client that filed the request. */
export const requestUpdateInputSchema = z
  .object({
    api_key: optional(text(200)),
    jurisdiction_id: optional(text(200)),
    service_request_id: inputText('service_request_id was not provided')
      .trim()
      .regex(/^[A-Za-z0-9-]{1,40}$/, 'service_request_id is a case number'),
    update_id: inputText('update_id was not provided').trim().min(1, 'update_id was not provided').max(100),
    updated_datetime: optional(w3cDate('updated_datetime')),
    status: optional(z.enum(requestStatuses, { error: 'status is open or closed' })),
    description: inputText('description was not provided').trim().min(1, 'description was not provided').max(MAX_INBOUND_TEXT_LENGTH),
    media_url: optional(oneOrMany(mediaUrl, MAX_MEDIA)),
    email: optional(z.email().max(150)),
    first_name: optional(text(50)),
    last_name: optional(text(50)),
    account_id: optional(text(100)),
  })
  .openapi('Open311RequestUpdateInput');
export type RequestUpdateInput = z.infer<typeof requestUpdateInputSchema>;

export const createdUpdateSchema = z.object({ update_id: z.string() }).openapi('Open311CreatedUpdate');
