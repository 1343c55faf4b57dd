import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { decryptMessage, encryptMessage, verifyMessageSignature, wechatSignature } from '@hotline/channels/wechat';
import type { Scenario, SmsScenario, WebScenario, WechatMessage, WechatScenario } from './plan.ts';
import { type HttpAnswer, StepFailure, caseNumberIn, expectStatus, send } from './http.ts';
import { type Outcome, type Requests, type RunContext, type WechatCredentials, postTwilio, twilioSid } from './target.ts';
import { placeCall } from './voice.ts';

/** The acknowledgement must carry a case number, or the citizen has nothing to track. */
function acknowledged(step: string, answer: HttpAnswer, text: string): Outcome {
  const caseNumber = caseNumberIn(text);
  if (!caseNumber) throw new StepFailure(step, answer.status, answer.body, 'expected a case number (案件流水号) in the answer');
  return { caseNumber, ackMs: answer.ms };
}

// ---- SMS ----------------------------------------------------------------------------------

/** Twilio's incoming-message parameters, as documented (it sends these and more). */
function smsParams(ctx: RunContext, s: SmsScenario): Record<string, string> {
  const twilio = ctx.target.twilio!;
  const sid = twilioSid(s.mms ? 'MM' : 'SM');
  const params: Record<string, string> = {
    ToCountry: 'CN',
    ToState: '',
    SmsMessageSid: sid,
    NumMedia: s.mms ? '1' : '0',
    ToCity: '',
    FromZip: '',
    SmsSid: sid,
    FromState: '',
    SmsStatus: 'received',
    FromCity: '',
    Body: s.body,
    FromCountry: 'CN',
    To: twilio.phoneNumber,
    ToZip: '',
    NumSegments: String(Math.max(1, Math.ceil(s.body.length / 70))),
    MessageSid: sid,
    AccountSid: twilio.accountSid,
    From: s.from,
    ApiVersion: '2010-04-01',
  };
  if (s.mms) {
    params.MediaUrl0 = `https://api.twilio.com/2010-04-01/Accounts/${twilio.accountSid}/Messages/${sid}/Media/${twilioSid('ME')}`;
    params.MediaContentType0 = 'image/jpeg';
  }
  return params;
}

export async function sendSms(ctx: RunContext, requests: Requests, s: SmsScenario): Promise<Outcome> {
  const answer = await postTwilio(ctx, requests, 'sms', '/channels/twilio/sms', smsParams(ctx, s));
  expectStatus('sms', answer, 200);
  const message = /<Message>([\s\S]*?)<\/Message>/.exec(answer.body)?.[1];
  if (!message) throw new StepFailure('sms', answer.status, answer.body, 'expected a TwiML <Message> reply');
  return acknowledged('sms', answer, message);
}

// ---- WeChat -------------------------------------------------------------------------------

const cdata = (value: string) => `<![CDATA[${value.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;
const mediaId = () => randomBytes(48).toString('base64url');

/** The official account's original id (gh_…): any stable value serves, the server echoes it back. */
const accountIdOf = (wechat: WechatCredentials) =>
  `gh_${createHash('sha1')
    .update(wechat.appId ?? wechat.token)
    .digest('hex')
    .slice(0, 12)}`;

/** MsgId: a 64-bit number, unique per message; time-based like WeChat's, with a counter for this process. */
let msgSequence = 0;
const msgIdBase = Date.now();
const nextMsgId = () => `${msgIdBase}${String(++msgSequence).padStart(6, '0')}`;

function messageFields(message: WechatMessage): string {
  switch (message.type) {
    case 'text':
      return `<MsgType>${cdata('text')}</MsgType><Content>${cdata(message.content)}</Content>`;
    case 'voice':
      return `<MsgType>${cdata('voice')}</MsgType><MediaId>${cdata(mediaId())}</MediaId><Format>${cdata('amr')}</Format><Recognition>${cdata(message.recognition)}</Recognition>`;
    case 'image':
      return `<MsgType>${cdata('image')}</MsgType><PicUrl>${cdata(`http://mmbiz.qpic.cn/mmbiz_jpg/${randomBytes(30).toString('base64url')}/0`)}</PicUrl><MediaId>${cdata(mediaId())}</MediaId>`;
    case 'location':
      return `<MsgType>${cdata('location')}</MsgType><Location_X>${message.latitude}</Location_X><Location_Y>${message.longitude}</Location_Y><Scale>15</Scale><Label>${cdata(message.label)}</Label>`;
  }
}

/** A push as WeChat documents it (接收普通消息). */
function pushXml(accountId: string, s: WechatScenario): string {
  const createTime = Math.floor(Date.now() / 1000);
  return `<xml><ToUserName>${cdata(accountId)}</ToUserName><FromUserName>${cdata(s.openId)}</FromUserName><CreateTime>${createTime}</CreateTime>${messageFields(s.message)}<MsgId>${nextMsgId()}</MsgId></xml>`;
}

const field = (xml: string, name: string) =>
  new RegExp(`<${name}>(?:<!\\[CDATA\\[([\\s\\S]*?)\\]\\]>|([^<]*))</${name}>`)
    .exec(xml)
    ?.slice(1)
    .find((v) => v !== undefined);

/**
 * A safe-mode push: the XML sealed in an Encrypt envelope, msg_signature over the ciphertext. In
 * compatible mode (兼容模式) WeChat sends the plaintext fields beside Encrypt in the same body.
 */
function sealPush(wechat: Required<WechatCredentials>, accountId: string, xml: string, query: URLSearchParams, compatible: boolean): string {
  const encrypted = encryptMessage({ aesKey: wechat.aesKey, appId: wechat.appId, xml });
  query.set('encrypt_type', 'aes');
  query.set('msg_signature', wechatSignature(wechat.token, query.get('timestamp')!, query.get('nonce')!, encrypted));
  if (compatible) return xml.replace(/<\/xml>$/, `<Encrypt>${cdata(encrypted)}</Encrypt></xml>`);
  return `<xml><ToUserName>${cdata(accountId)}</ToUserName><Encrypt>${cdata(encrypted)}</Encrypt></xml>`;
}

/** A safe-mode reply must be signed by the server and decrypt for our AppID. */
function openReply(wechat: Required<WechatCredentials>, answer: HttpAnswer): string {
  const [encrypted, msgSignature, timestamp, nonce] = ['Encrypt', 'MsgSignature', 'TimeStamp', 'Nonce'].map((name) => field(answer.body, name));
  if (!encrypted || !verifyMessageSignature({ token: wechat.token, timestamp, nonce, encrypted, msgSignature })) {
    throw new StepFailure('wechat', answer.status, answer.body, 'expected a sealed reply with a valid MsgSignature');
  }
  try {
    return decryptMessage({ aesKey: wechat.aesKey, appId: wechat.appId, encrypted });
  } catch (error) {
    throw new StepFailure('wechat', answer.status, answer.body, `the sealed reply does not decrypt: ${(error as Error).message}`);
  }
}

const safeModeKeys = (w: WechatCredentials): Required<WechatCredentials> | undefined =>
  w.aesKey && w.appId ? { token: w.token, aesKey: w.aesKey, appId: w.appId } : undefined;

/**
 * The hotline accepts each timestamp and nonce once (and only within minutes of its clock): every
 * push is signed now, with a nonce that is random and, within this process, never repeats.
 */
let nonceSequence = 0;
const nextNonce = () => `${randomBytes(4).readUInt32BE()}${++nonceSequence}`;

export async function pushWechat(ctx: RunContext, requests: Requests, s: WechatScenario): Promise<Outcome> {
  const wechat = ctx.target.wechat;
  if (!wechat) throw new Error('WeChat credentials are needed for WeChat');
  const accountId = accountIdOf(wechat);
  const xml = pushXml(accountId, s);
  const timestamp = String(Math.floor(Date.now() / 1000));
  const nonce = nextNonce();
  // WeChat sends the plain signature in every mode, and the citizen's openid in the query.
  const query = new URLSearchParams({ signature: wechatSignature(wechat.token, timestamp, nonce), timestamp, nonce, openid: s.openId });
  // An account with an EncodingAESKey takes safe-mode pushes only (unless in compatible mode), so
  // there the plaintext variant is played as compatible mode, which carries both; without a key, plaintext.
  const sealed = safeModeKeys(wechat);
  const body = sealed ? sealPush(sealed, accountId, xml, query, !s.safeMode) : xml;
  requests.count++;
  const answer = await send('wechat', `${ctx.target.url}/channels/wechat?${query}`, { method: 'POST', headers: { 'content-type': 'text/xml' }, body });
  expectStatus('wechat', answer, 200);
  const reply = sealed ? openReply(sealed, answer) : answer.body;
  if (field(reply, 'ToUserName') !== s.openId) throw new StepFailure('wechat', answer.status, reply, 'expected a passive reply to the sender');
  return acknowledged('wechat', answer, field(reply, 'Content') ?? '');
}

// ---- Web ----------------------------------------------------------------------------------

export async function submitWeb(ctx: RunContext, requests: Requests, s: WebScenario): Promise<Outcome> {
  requests.count++;
  const answer = await send('web', `${ctx.target.url}/api/public/appeals`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    // The page sends one id per submission, so a double click files one appeal.
    body: JSON.stringify({ ...s.form, clientSubmissionId: randomUUID() }),
  });
  expectStatus('web', answer, 201);
  let caseNumber: unknown;
  try {
    caseNumber = (JSON.parse(answer.body) as { caseNumber?: unknown }).caseNumber;
  } catch {
    caseNumber = undefined;
  }
  if (typeof caseNumber !== 'string' || !/^\d{14,20}$/.test(caseNumber)) throw new StepFailure('web', answer.status, answer.body, 'expected {"caseNumber": …}');
  return { caseNumber, ackMs: answer.ms };
}

// ---- Any channel --------------------------------------------------------------------------

/** Performs one scenario through its channel's protocol; rejects with StepFailure on a wrong answer. */
export function perform(ctx: RunContext, requests: Requests, s: Scenario): Promise<Outcome> {
  switch (s.channel) {
    case 'sms':
      return sendSms(ctx, requests, s);
    case 'voice':
      return placeCall(ctx, requests, s);
    case 'wechat':
      return pushWechat(ctx, requests, s);
    case 'web':
      return submitWeb(ctx, requests, s);
  }
}
