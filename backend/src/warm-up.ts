import type { Database } from './platform/db/index.ts';
import type { AppealTriage } from './triage/index.ts';

/** The app's `request`: a request served in process, without a socket. */
type InProcessRequest = (path: string, init: RequestInit) => Response | Promise<Response>;

/** As many connections as the pool keeps (platform/db/client.ts): the first burst should not wait to open them. */
const POOL_CONNECTIONS = 10;
/** Unsigned webhook calls run in process: each is refused (403) before anything is read into the domain. */
const WEBHOOK_ROUNDS = 50;

/**
 * What a fresh process does before `/readyz` says ready: opens its database connections, runs the
 * NLP over sample texts, and sends itself refused webhooks so the request path (routing, body
 * parsing, signature checks) is compiled. A restart in a busy hour otherwise paid for all of it
 * during the first burst, past Twilio's 15 s timeout. Nothing is stored.
 */
export async function warmUp({ database, triage, request }: { database: Database; triage: AppealTriage; request: InProcessRequest }): Promise<void> {
  await Promise.all(Array.from({ length: POOL_CONNECTIONS }, () => database.ping()));
  triage.warm();
  for (let round = 0; round < WEBHOOK_ROUNDS; round++) {
    const body = new URLSearchParams({ MessageSid: `SMwarmup${round}`, From: '+8613800000000', To: '+8613800000001', Body: '路灯不亮' });
    const res = await request('/channels/twilio/sms', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
    await res.arrayBuffer();
  }
}
