import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import type { InboundAttachment, SenderIdentity } from '@hotline/channels';
import { normalizePhone } from '@hotline/channels/web';
import { sql } from 'drizzle-orm';
import type { Ctx } from '../../identity/auth/index.ts';
import { appeals } from '../../appeals/index.ts';
import { messages } from '../../messaging/index.ts';
import { receiveInbound } from '../../appeals/index.ts';
import { Open311Error } from './errors.ts';
import { findService } from './services.ts';
import type { CreatedRequest, ServiceRequestInput } from './views.ts';

/** What a client is told once the request is filed: it waits for an agent in the pre-acceptance queue. */
export const SERVICE_NOTICE = '诉求已登记，进入预受理；坐席受理后派遣至责任单位办理，可凭案件流水号查询进度。';

/**
 * The configured key the client sent, compared in constant time; none configured means posting
 * is off. Returns the key's short hash, which names the client without storing the key itself.
 */
export function clientOfApiKey(configured: readonly string[], given: string | undefined): string {
  if (!configured.length) throw new Open311Error(403, 'Posting service requests is not enabled on this server (no api_key is configured)');
  if (!given) throw new Open311Error(403, 'api_key was not provided');
  const digest = (key: string) => createHash('sha256').update(key).digest();
  const match = configured.find((key) => timingSafeEqual(digest(key), digest(given)));
  if (!match) throw new Open311Error(403, 'Invalid api_key received -- cannot create the request');
  return digest(match).toString('hex').slice(0, 12);
}

/**
 * A phone as digits (with its + when international), so it is the same contact as the number's
 * SMS and calls: `+44 (0)20 7946 0000` → `+442079460000` (the trunk 0 in brackets goes). Null when
 * it does not read as a number (too few or too many digits, words in it): it is then kept as written.
 */
export function phoneIdentity(raw: string): string | null {
  const withoutTrunk = raw.replace(/^(\s*\+\s*\d{1,3})\s*\(0\)/, '$1');
  if (!/^[\s+\d().\-/]+$/.test(withoutTrunk)) return null;
  const normalized = normalizePhone(withoutTrunk);
  const digits = normalized.replace('+', '').length;
  return digits >= 5 && digits <= 20 ? normalized : null;
}

/**
 * The web identity an Open311 submitter is known by, namespaced by client so it can never be a
 * citizen's browser session: by email, phone, device or account when given, else a fresh one.
 */
function submitterIdentity(client: string, input: ServiceRequestInput): SenderIdentity {
  const who = input.email
    ? `email:${input.email.toLowerCase()}`
    : input.phone
      ? `phone:${phoneIdentity(input.phone) ?? input.phone}`
      : input.device_id
        ? `device:${input.device_id}`
        : input.account_id
          ? `account:${input.account_id}`
          : `anonymous:${randomUUID()}`;
  return { kind: 'web_session', value: `open311:${client}:${who}` };
}

/**
 * The message id of a filed request carries the service the client chose: NLP re-classifies every
 * new appeal, and until an agent decides, `GET requests` reports the client's own choice back.
 */
const REQUEST_MESSAGE_PREFIX = 'open311:';
const requestMessageId = (serviceCode: string) => `${REQUEST_MESSAGE_PREFIX}${serviceCode}:${randomUUID()}`;

/** The service chosen for an appeal filed here (see `requestMessageId`), or null. */
export const requestedServiceCode = sql<string | null>`(select split_part(${messages.providerMessageId}, ':', 2) from ${messages}
  where ${messages.appealId} = ${appeals.id} and ${messages.providerMessageId} like ${`${REQUEST_MESSAGE_PREFIX}%`} order by ${messages.createdAt} limit 1)`;

const IMAGE_TYPES: Record<string, string> = { jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', gif: 'image/gif', webp: 'image/webp' };

/** media_url stays where the client keeps it; its type is read from the file name, when there is one. */
export function mediaAttachment(mediaUrl: string) {
  const extension = new URL(mediaUrl).pathname.split('.').pop()?.toLowerCase() ?? '';
  return { contentType: IMAGE_TYPES[extension] ?? 'application/octet-stream', url: mediaUrl };
}

/**
 * `POST requests`: a service request becomes an appeal in the pre-acceptance queue through the
 * one intake verb, on the web channel. NLP classifies every new appeal itself, so the client's
 * service is put at the head of the text, where the agent and the classifier both read it.
 */
export async function fileServiceRequest({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { request: ServiceRequestInput; client: string; files?: InboundAttachment[] };
}): Promise<CreatedRequest> {
  const { request } = input;
  const phone = request.phone === undefined ? undefined : phoneIdentity(request.phone);
  const service = await findService(ctx.db, request.service_code);
  const point = request.lat !== undefined && request.long !== undefined ? { latitude: request.lat, longitude: request.long } : undefined;
  if (point && !ctx.territory.locateGrid(point)) throw new Open311Error(400, 'lat/long is outside the area this hotline serves');
  const name = [request.first_name, request.last_name].filter(Boolean).join(' ');
  const { appeal } = await receiveInbound({
    ctx,
    input: {
      channel: 'web',
      sender: submitterIdentity(input.client, request),
      otherIdentities: phone ? [{ kind: 'phone', value: phone }] : [],
      senderName: name || undefined,
      // A phone that is not a number is still the citizen's words to the agent: kept as written.
      text: `【${service.name}】${request.description ?? ''}${request.phone && !phone ? `\n（电话：${request.phone}）` : ''}`,
      attachments: [...(request.media_url ?? []).map(mediaAttachment), ...(input.files ?? [])],
      location: point,
      address: request.address_string,
      providerMessageId: requestMessageId(service.code),
      receivedAt: new Date(),
      startsNewAppeal: true,
    },
  });
  return { service_request_id: appeal.caseNumber, service_notice: SERVICE_NOTICE, account_id: request.account_id ?? null };
}
