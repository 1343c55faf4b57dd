import { randomBytes } from 'node:crypto';
import { signTwilioRequest } from '@hotline/channels/twilio';
import type { FakeProvider } from './fake-provider.ts';
import type { TestHotline } from './hotline.ts';

export const TWILIO = {
  accountSid: `AC${'a1'.repeat(16)}`,
  authToken: 'test-twilio-auth-token',
  phoneNumber: '+8657112345',
  publicUrl: 'https://hotline.example.gov.cn',
};

/** Hotline configuration pointing Twilio's REST API at a fake provider. */
export const twilioEnv = (fake: FakeProvider) => ({
  TWILIO_ACCOUNT_SID: TWILIO.accountSid,
  TWILIO_AUTH_TOKEN: TWILIO.authToken,
  TWILIO_PHONE_NUMBER: TWILIO.phoneNumber,
  TWILIO_API_BASE: fake.url,
  PUBLIC_URL: TWILIO.publicUrl,
});

export const twilioSid = (prefix: 'SM' | 'MM' | 'CA' | 'RE') => `${prefix}${randomBytes(16).toString('hex')}`;

/** The fake's answer to `messages.create`, shaped like Twilio's Message resource. */
export const fakeTwilioMessages = (request: { method: string; url: string }) =>
  request.method === 'POST' && /\/2010-04-01\/Accounts\/AC\w+\/Messages\.json$/.test(request.url)
    ? { status: 201, json: { sid: twilioSid('SM'), status: 'queued', account_sid: TWILIO.accountSid } }
    : undefined;

/** A webhook as Twilio sends it: form-encoded, signed over PUBLIC_URL + path. */
export function postTwilio(hotline: TestHotline, path: string, params: Record<string, string>, options: { signature?: string; token?: string } = {}) {
  const signature = options.signature ?? signTwilioRequest(options.token ?? TWILIO.authToken, `${TWILIO.publicUrl}${path}`, params);
  return hotline.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
    body: new URLSearchParams(params).toString(),
  });
}

/** Twilio's incoming-SMS parameters (as documented), for a message from `from`. */
export function smsParams(from: string, body: string, extra: Record<string, string> = {}) {
  return {
    ToCountry: 'CN',
    ToState: '',
    SmsMessageSid: extra.MessageSid ?? '',
    NumMedia: '0',
    ToCity: '',
    FromZip: '',
    SmsSid: extra.MessageSid ?? '',
    FromState: '',
    SmsStatus: 'received',
    FromCity: '',
    Body: body,
    FromCountry: 'CN',
    To: TWILIO.phoneNumber,
    ToZip: '',
    NumSegments: '1',
    MessageSid: twilioSid('SM'),
    AccountSid: TWILIO.accountSid,
    From: from,
    ApiVersion: '2010-04-01',
    ...extra,
  };
}

/** Twilio's voice webhook parameters for a call from `from`. */
export function callParams(callSid: string, from: string, extra: Record<string, string> = {}) {
  return {
    AccountSid: TWILIO.accountSid,
    ApiVersion: '2010-04-01',
    CallSid: callSid,
    CallStatus: 'in-progress',
    Called: TWILIO.phoneNumber,
    Caller: from,
    Direction: 'inbound',
    From: from,
    To: TWILIO.phoneNumber,
    ...extra,
  };
}
