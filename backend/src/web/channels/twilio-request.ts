import type { Context } from 'hono';
import { verifyTwilioSignature } from '@hotline/channels/twilio';
import { ServiceError } from '../../platform/errors/index.ts';
import type { AppEnv } from '../http/index.ts';

/**
 * The form parameters of a Twilio webhook, once its signature has been checked against the
 * public URL Twilio called (PUBLIC_URL + path + query). Anything else is refused before it is read further.
 */
export async function verifiedTwilioParams(c: Context<AppEnv>): Promise<Record<string, string>> {
  const twilio = c.var.deps.config.twilio;
  if (!twilio) throw new ServiceError('unavailable', 'Twilio is not configured (TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN)');
  const type = c.req.header('content-type') ?? '';
  if (!type.startsWith('application/x-www-form-urlencoded')) {
    throw new ServiceError('invalid_request', 'A Twilio webhook is an application/x-www-form-urlencoded POST');
  }
  const params = Object.fromEntries(new URLSearchParams(await c.req.text()));
  const query = new URL(c.req.url).search;
  const url = `${c.var.deps.config.publicUrl}${c.req.path}${query}`;
  if (!verifyTwilioSignature({ authToken: twilio.authToken, url, params, signature: c.req.header('x-twilio-signature') })) {
    throw new ServiceError('forbidden', 'The X-Twilio-Signature does not match this request');
  }
  if (params.AccountSid !== twilio.accountSid) throw new ServiceError('forbidden', 'The request is for another Twilio account');
  return params;
}

export const twiml = (c: Context, xml: string) => c.body(xml, 200, { 'content-type': 'text/xml; charset=utf-8' });
