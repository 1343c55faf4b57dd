import { deliveryStateOf, parseSms, smsReply, smsStatusSchema } from '@hotline/channels/twilio';
import { createRouter } from '../http/router.ts';
import { actorOf } from '../http/actor.ts';
import { ServiceError, describeZodError } from '../../platform/errors/index.ts';
import type { AppCtx } from '../http/deps.ts';
import { setOptOut } from '../../identity/contacts/opt-out.ts';
import { receiveInbound } from '../../appeals/receive-inbound.ts';
import { lookupKnownCase, trackingQueryOf } from '../../followup/public-lookup.ts';
import { surveyThanks } from '../../followup/survey.ts';
import { recordDeliveryStatus } from '../../messaging/delivery-status.ts';
import { twiml, verifiedTwilioParams } from './twilio-request.ts';

/** What the citizen reads back by SMS. 【12345】 is how hotline texts are signed in China. */
export const smsReplies = {
  received: (caseNumber: string) => `【12345】您的诉求已收到，案件流水号 ${caseNumber}。直接回复本短信可补充情况，回复TD退订。`,
  stopped: '【12345】您已退订本热线短信，回复START可恢复接收。',
  started: '【12345】您已恢复接收本热线短信。',
  help: (publicUrl: string) => `【12345】直接回复短信即可反映问题；查询办理进度请回复「查询 案件流水号」、访问 ${publicUrl} 或致电本号码按2。回复TD退订。`,
  progress: (caseNumber: string, words: string) => `【12345】案件 ${caseNumber}：${words}。`,
  notFound: (caseNumber: string) => `【12345】未找到案件 ${caseNumber}，请核对案件流水号后重新发送。`,
  thanks: (rating: number) => `【12345】${surveyThanks(rating)}`,
};

/** 「查询 <案件号>」 / 「CX <案件号>」: the current step, as every channel words it; files nothing. */
async function answerTracking(ctx: AppCtx, caseNumber: string): Promise<string> {
  const found = await lookupKnownCase(ctx, caseNumber);
  return found ? smsReplies.progress(caseNumber, found.statusText) : smsReplies.notFound(caseNumber);
}

async function answerKeyword(ctx: AppCtx, keyword: 'stop' | 'start' | 'help', phone: string): Promise<string> {
  if (keyword === 'help') return smsReplies.help(ctx.config.publicUrl);
  await setOptOut({ ctx, input: { identity: { kind: 'phone', value: phone }, optedOut: keyword === 'stop' } });
  return keyword === 'stop' ? smsReplies.stopped : smsReplies.started;
}

/**
 * Twilio SMS: verify, parse, persist, answer with TwiML. A retry of the same MessageSid stores
 * nothing new and gets the same answer; an opted-out number is stored but not answered. A progress
 * query is answered without filing; a bare 1–5 answering a 回访 survey is recorded and thanked.
 */
export function twilioSmsRoutes() {
  return createRouter()
    .post('/channels/twilio/sms', async (c) => {
      const params = await verifiedTwilioParams(c);
      const ctx = actorOf(c);
      const sms = parseSms(params, new Date());
      if (sms.kind === 'keyword') return twiml(c, smsReply(await answerKeyword(ctx, sms.keyword, sms.from)));
      const queried = sms.inbound.attachments.length ? undefined : trackingQueryOf(sms.inbound.text);
      if (queried) return twiml(c, smsReply(await answerTracking(ctx, queried)));
      const { appeal, rating, senderOptedOut } = await receiveInbound({ ctx, input: sms.inbound });
      if (senderOptedOut) return twiml(c, smsReply());
      return twiml(c, smsReply(rating ? smsReplies.thanks(rating) : smsReplies.received(appeal.caseNumber)));
    })
    .post('/channels/twilio/sms/status', async (c) => {
      const parsed = smsStatusSchema.safeParse(await verifiedTwilioParams(c));
      if (!parsed.success) throw new ServiceError('invalid_request', describeZodError(parsed.error));
      const status = deliveryStateOf(parsed.data.MessageStatus);
      if (status) {
        await recordDeliveryStatus({
          ctx: actorOf(c),
          input: { channels: ['sms', 'voice'], providerMessageId: parsed.data.MessageSid, status, error: parsed.data.ErrorCode ? `Twilio error ${parsed.data.ErrorCode}` : undefined },
        });
      }
      return c.body(null, 204);
    });
}
