import { randomBytes } from 'node:crypto';
import { signTwilioRequest } from '@hotline/channels/twilio';
import { type HttpAnswer, send } from './http.ts';

export interface TwilioCredentials {
  accountSid: string;
  authToken: string;
  phoneNumber: string;
}

export interface WechatCredentials {
  token: string;
  appId?: string;
  aesKey?: string;
}

/** The hotline under load and what the simulator needs to play Twilio's and WeChat's part. */
export interface Target {
  /** Where requests go. */
  url: string;
  /** What the server believes its public address is: Twilio signs over it. */
  publicUrl: string;
  twilio?: TwilioCredentials;
  wechat?: WechatCredentials;
}

export interface RunContext {
  target: Target;
  /** Case numbers acknowledged so far in this run, for callers who ask about progress. */
  caseNumbers: string[];
}

/** What one appeal (a text, a call, a push, a form) came to. */
export interface Outcome {
  caseNumber?: string;
  /** The time of the request whose answer acknowledged the appeal. */
  ackMs: number;
}

/** Counts the requests an appeal makes, so failures report them too. */
export class Requests {
  count = 0;
}

export const twilioSid = (prefix: 'SM' | 'MM' | 'CA' | 'RE' | 'TR' | 'ME' | 'QU') => `${prefix}${randomBytes(16).toString('hex')}`;

export const stripSlash = (url: string) => url.replace(/\/+$/, '');

/** A webhook as Twilio sends it: form-encoded, signed over the public URL of the path. */
export function postTwilio(ctx: RunContext, requests: Requests, step: string, path: string, params: Record<string, string>): Promise<HttpAnswer> {
  const twilio = ctx.target.twilio;
  if (!twilio) throw new Error('Twilio credentials are needed for SMS and voice');
  requests.count++;
  return send(step, `${ctx.target.url}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
      'x-twilio-signature': signTwilioRequest(twilio.authToken, `${ctx.target.publicUrl}${path}`, params),
      'user-agent': 'TwilioProxy/1.1',
    },
    body: new URLSearchParams(params).toString(),
  });
}
