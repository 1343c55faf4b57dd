import { deliveryStateOf, parseSms, smsReply, smsStatusSchema } from '@hotline/channels/twilio';
import { createRouter } from '../http/index.ts';
import { actorOf } from '../http/index.ts';
import { ServiceError, describeZodError } from '../../platform/errors/index.ts';
import type { Config } from '../../platform/config/index.ts';
import { citizenTexts } from '../../platform/texts/index.ts';
import { recordDeliveryStatus } from '../../messaging/index.ts';
import { surveyReply } from '../../followup/index.ts';
import { type InboundOutcome, handleInbound } from './inbound.ts';
import { twiml, verifiedTwilioParams } from './twilio-request.ts';

/** The SMS answer to each outcome; none for a sender who opted out. */
function smsAnswer(outcome: InboundOutcome, config: Config): string | undefined {
  const { sms } = citizenTexts(config.language);
  switch (outcome.kind) {
    case 'keyword':
      return outcome.keyword === 'help' ? sms.help(config.publicUrl) : outcome.keyword === 'stop' ? sms.stopped : sms.started;
    case 'lookup':
      return outcome.found ? sms.progress(outcome.caseNumber, outcome.found.statusText) : sms.notFound(outcome.caseNumber);
    case 'rated':
      return sms.signed(surveyReply(config.language, outcome.answer));
    case 'filed':
      return outcome.filed.senderOptedOut ? undefined : sms.received(outcome.filed.appeal.caseNumber);
  }
}

/**
 * Twilio SMS: verify, parse, hand to the one inbound step, answer with TwiML. A retry of the same
 * MessageSid stores nothing new and gets the same answer; an opted-out number is stored but not answered.
 */
export function twilioSmsRoutes() {
  return createRouter()
    .post('/channels/twilio/sms', async (c) => {
      const ctx = actorOf(c);
      const outcome = await handleInbound(ctx, parseSms(await verifiedTwilioParams(c), new Date()));
      return twiml(c, smsReply(smsAnswer(outcome, ctx.config)));
    })
    .post('/channels/twilio/sms/status', async (c) => {
      const parsed = smsStatusSchema.safeParse(await verifiedTwilioParams(c));
      if (!parsed.success) throw new ServiceError('invalid_request', describeZodError(parsed.error));
      const status = deliveryStateOf(parsed.data.MessageStatus);
      if (status) {
        await recordDeliveryStatus({
          ctx: actorOf(c),
          input: {
            channels: ['sms', 'voice'],
            providerMessageId: parsed.data.MessageSid,
            status,
            error: parsed.data.ErrorCode ? `Twilio error ${parsed.data.ErrorCode}` : undefined,
          },
        });
      }
      return c.body(null, 204);
    });
}
