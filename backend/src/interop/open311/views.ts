import { z } from '@hono/zod-openapi';
import { MAX_TEXT_LENGTH, inputDate, inputText } from '@hotline/channels';

/**
 * GeoReport v2 arguments as the spec names them. "Optional" there means an empty parameter is the
 * same as an absent one, so blank strings become undefined before anything else is checked.
 */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());
const text = (max: number) => inputText().trim().max(max);
/** Form fields arrive as text, JSON as numbers: both become a number in range. */
const coordinate = (min: number, max: number) => z.union([z.number(), inputText().trim().transform(Number)]).pipe(z.number().min(min).max(max));
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
    phone: optional(
      inputText()
        .trim()
        .regex(/^\+?[0-9][0-9 -]{4,19}$/, 'phone is not a phone number'),
    ),
    description: optional(text(MAX_TEXT_LENGTH)),
    media_url: optional(z.url({ protocol: /^https?$/ }).max(1000)),
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

/** `GET requests` filters: https://wiki.open311.org/GeoReport_v2/#get-service-requests */
export const requestQuerySchema = z.object({
  jurisdiction_id: optional(text(200)),
  service_request_id: optional(commaList(z.string().regex(/^[A-Za-z0-9-]{1,40}$/, 'service_request_id is a case number'), 1000)),
  service_code: optional(commaList(inputText().max(100), 100)),
  start_date: optional(inputDate('start_date must be a w3 datetime with a zone, e.g. 2026-01-01T00:00:00Z')),
  end_date: optional(inputDate('end_date must be a w3 datetime with a zone, e.g. 2026-01-01T00:00:00Z')),
  status: optional(commaList(z.enum(requestStatuses, { error: 'status is open or closed' }), 2)),
});
export type RequestQuery = z.infer<typeof requestQuerySchema>;

/** What a service request shows anyone who asks: the matter and its progress, never who reported it or their words. */
export const serviceRequestViewSchema = z
  .object({
    service_request_id: z.string().openapi({ description: 'The case number (案件流水号)', example: '20261122000123' }),
    status: z.enum(requestStatuses),
    status_notes: z.string().nullable().openapi({ description: 'The current step in words: the rejection reason, the department handling it, the result' }),
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
