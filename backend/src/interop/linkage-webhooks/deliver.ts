import { createHmac } from 'node:crypto';
import type { DeliveryOutcome, OutboxHandler, OutboxItem } from '../../platform/outbox/index.ts';

/** One attempt may take this long; a slow platform is a failed attempt, retried later. */
export const DELIVERY_TIMEOUT_MS = 10_000;
const ERROR_TEXT_LIMIT = 500;
export const LINKAGE_WEBHOOK = 'linkage-webhook';

/**
 * `sha256=` + HMAC-SHA256(secret, "<timestamp>.<body>") in hex: the timestamp is signed with the
 * body, so a receiver can refuse a replayed notice by its age.
 */
export function webhookSignature(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** One signed POST; redirects are not followed (a signed notice goes where it was configured to, or fails). */
async function post(item: OutboxItem, secret: string): Promise<DeliveryOutcome> {
  const body = JSON.stringify(item.payload);
  const timestamp = String(Math.floor(Date.now() / 1000));
  try {
    const res = await fetch(item.target, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-hotline-topic': item.topic,
        'x-hotline-delivery': item.id,
        'x-hotline-timestamp': timestamp,
        'x-hotline-signature': webhookSignature(secret, timestamp, body),
      },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
    });
    const answer = (await res.text()).slice(0, ERROR_TEXT_LIMIT);
    if (res.status >= 200 && res.status < 300) return { ok: true, statusCode: res.status };
    return { ok: false, statusCode: res.status, error: `HTTP ${res.status}${answer ? `: ${answer}` : ''}` };
  } catch (error) {
    const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
    return { ok: false, statusCode: null, error: timedOut ? `no answer within ${DELIVERY_TIMEOUT_MS / 1000} s` : String((error as Error).cause ?? error) };
  }
}

/**
 * The outbox's handler for notices to the linkage platform: signed POSTs, side by side. Without the
 * secret nothing can be signed, so the notices wait until the platform is configured again.
 */
export const linkageWebhooks: OutboxHandler = {
  kind: LINKAGE_WEBHOOK,
  ready: (deps) => Boolean(deps.config.linkageWebhook),
  deliver: (deps, items) => Promise.all(items.map((item) => post(item, deps.config.linkageWebhook!.secret))),
};
