import type { Context } from 'hono';
import {
  type VoiceRoutes,
  type VoiceWebhook,
  askForCaseNumber,
  askForReport,
  emptyTwiml,
  enqueueCaller,
  holdMessage,
  leaveVoicemail,
  sayAndHangUp,
  spokenDigits,
  voiceWebhookSchema,
  welcomeMenu,
} from '@hotline/channels/twilio';
import { createRouter } from '../http/index.ts';
import type { AppEnv } from '../http/index.ts';
import { actorOf } from '../http/index.ts';
import { ServiceError, describeZodError } from '../../platform/errors/index.ts';
import type { AppCtx } from '../http/index.ts';
import type { Config } from '../../platform/config/index.ts';
import { citizenTexts } from '../../platform/texts/index.ts';
import { appealOfCall, recordCall } from '../../routing/index.ts';
import { withinServiceHours } from '../../platform/config/index.ts';
import { lookupKnownCase } from '../../followup/index.ts';
import { interpretCaseDigits } from '../../intake/index.ts';
import type { Appeal } from '../../appeals/index.ts';
import { receiveInbound } from '../../appeals/index.ts';
import { callTakers } from '../../routing/index.ts';
import { twiml, verifiedTwilioParams } from './twilio-request.ts';

const BASE = '/channels/twilio/voice';
export const VOICE_QUEUE = 'hotline';

/** What the call flow says, in the hotline's language. */
const scriptOf = (config: Config) => citizenTexts(config.language).voice;

function routesFor(publicUrl: string): VoiceRoutes {
  const at = (step: string) => `${publicUrl}${BASE}/${step}`;
  return {
    menu: at('menu'),
    report: at('report'),
    lookup: at('lookup'),
    wait: at('wait'),
    queueResult: at('queue-result'),
    recorded: at('recorded'),
    transcription: at('transcription'),
  };
}

async function voiceWebhook(c: Context<AppEnv>): Promise<VoiceWebhook> {
  const parsed = voiceWebhookSchema.safeParse(await verifiedTwilioParams(c));
  if (!parsed.success) throw new ServiceError('invalid_request', describeZodError(parsed.error));
  return parsed.data;
}

/** The caller's words become a new appeal, filed before the caller hears its number. */
async function fileReport(ctx: AppCtx, call: VoiceWebhook, speech: string | undefined): Promise<Appeal> {
  const { appeal } = await receiveInbound({
    ctx,
    input: {
      channel: 'voice',
      sender: { kind: 'phone', value: call.From },
      text: speech?.trim() || '[来电未说明问题，请听语音留言]',
      providerMessageId: `${call.CallSid}:report`,
      receivedAt: new Date(),
      // Each call is its own appeal; the voicemail and its transcription then follow it up.
      startsNewAppeal: true,
    },
  });
  await recordCall({
    ctx,
    input: {
      webhook: call,
      event: 'report',
      change: { appealId: appeal.id, contactId: appeal.contactId, purpose: 'report', speechConfidence: call.Confidence ?? null },
    },
  });
  return appeal;
}

/**
 * It is service time and an agent can take a call (available, console open, under the calls
 * capacity): wait in the queue; otherwise leave a voicemail.
 */
async function routeCaller(ctx: AppCtx, call: VoiceWebhook, appeal: Appeal): Promise<string> {
  const routes = routesFor(ctx.config.publicUrl);
  const script = scriptOf(ctx.config);
  if (!withinServiceHours(new Date(), ctx.config.serviceHours, ctx.config.timezone)) return leaveVoicemail(appeal.caseNumber, 'closed', routes, script);
  if ((await callTakers(ctx)) === 0) return leaveVoicemail(appeal.caseNumber, 'busy', routes, script);
  await recordCall({ ctx, input: { webhook: call, event: 'enqueued', change: { enqueuedAt: new Date() } } });
  return enqueueCaller(appeal.caseNumber, VOICE_QUEUE, routes, script);
}

async function progressSpeech(ctx: AppCtx, digits: string | undefined): Promise<string> {
  const script = scriptOf(ctx.config);
  const asked = interpretCaseDigits(digits);
  if (asked.kind === 'incomplete') return script.incompleteCase;
  const found = await lookupKnownCase(ctx, asked.caseNumber);
  const spoken = spokenDigits(asked.caseNumber);
  return found ? script.caseStatus(spoken, found.statusText, found.rejectReason) : script.caseNotFound(spoken);
}

/** Appends a voicemail recording or its transcription to the call's appeal (a follow-up message). */
async function addToCallAppeal(ctx: AppCtx, call: VoiceWebhook, message: { text: string; providerMessageId: string; recordingUrl?: string }) {
  await receiveInbound({
    ctx,
    input: {
      channel: 'voice',
      sender: { kind: 'phone', value: call.From },
      text: message.text,
      attachments: message.recordingUrl ? [{ contentType: 'audio/wav', url: message.recordingUrl }] : [],
      providerMessageId: message.providerMessageId,
      receivedAt: new Date(),
    },
  });
}

/**
 * Twilio Voice: 欢迎语 → menu (1 or speech: report; 2: case progress) → the caller's words become
 * an appeal → queue for an agent, or voicemail with transcription. Status and queue callbacks are
 * recorded on the call.
 */
export function twilioVoiceRoutes() {
  return createRouter()
    .post(BASE, async (c) => {
      const call = await voiceWebhook(c);
      await recordCall({ ctx: actorOf(c), input: { webhook: call, event: 'incoming' } });
      return twiml(c, welcomeMenu(routesFor(c.var.deps.config.publicUrl), scriptOf(c.var.deps.config)));
    })
    .post(`${BASE}/menu`, async (c) => {
      const call = await voiceWebhook(c);
      const ctx = actorOf(c);
      const routes = routesFor(ctx.config.publicUrl);
      if (call.Digits === '2') {
        await recordCall({ ctx, input: { webhook: call, event: 'menu:lookup', change: { purpose: 'lookup' } } });
        return twiml(c, askForCaseNumber(routes, scriptOf(ctx.config)));
      }
      // Speaking straight away is a report, as the greeting promises.
      if (call.SpeechResult?.trim()) return twiml(c, await routeCaller(ctx, call, await fileReport(ctx, call, call.SpeechResult)));
      return twiml(c, askForReport(routes, scriptOf(ctx.config)));
    })
    .post(`${BASE}/report`, async (c) => {
      const call = await voiceWebhook(c);
      const ctx = actorOf(c);
      const appeal = await fileReport(ctx, call, call.SpeechResult);
      // Nothing understood: the voicemail is the report.
      if (!call.SpeechResult?.trim()) return twiml(c, leaveVoicemail(appeal.caseNumber, 'busy', routesFor(ctx.config.publicUrl), scriptOf(ctx.config)));
      return twiml(c, await routeCaller(ctx, call, appeal));
    })
    .post(`${BASE}/lookup`, async (c) => {
      const call = await voiceWebhook(c);
      const ctx = actorOf(c);
      await recordCall({ ctx, input: { webhook: call, event: 'lookup' } });
      return twiml(c, sayAndHangUp(await progressSpeech(ctx, call.Digits), scriptOf(ctx.config)));
    })
    .post(`${BASE}/wait`, async (c) => {
      const call = await voiceWebhook(c);
      return twiml(c, holdMessage(call.QueuePosition, scriptOf(c.var.deps.config)));
    })
    .post(`${BASE}/queue-result`, async (c) => {
      const call = await voiceWebhook(c);
      const ctx = actorOf(c);
      await recordCall({
        ctx,
        input: {
          webhook: call,
          event: `queue:${call.QueueResult ?? 'unknown'}`,
          change: { queueResult: call.QueueResult ?? null, queueSeconds: call.QueueTime ?? null },
        },
      });
      const appeal = await appealOfCall(ctx, call.CallSid);
      // Left the queue without an agent but still on the line: offer the voicemail instead.
      if (appeal && ['leave', 'queue-full', 'error', 'system-error'].includes(call.QueueResult ?? '')) {
        return twiml(c, leaveVoicemail(appeal.caseNumber, 'busy', routesFor(ctx.config.publicUrl), scriptOf(ctx.config)));
      }
      return twiml(c, emptyTwiml());
    })
    .post(`${BASE}/recorded`, async (c) => {
      const call = await voiceWebhook(c);
      const ctx = actorOf(c);
      if (!call.RecordingSid || !call.RecordingUrl) throw new ServiceError('invalid_request', 'RecordingSid and RecordingUrl are required');
      await recordCall({ ctx, input: { webhook: call, event: 'recorded', change: { recordingSid: call.RecordingSid, recordingUrl: call.RecordingUrl } } });
      await addToCallAppeal(ctx, call, { text: '[语音留言]', providerMessageId: call.RecordingSid, recordingUrl: call.RecordingUrl });
      const appeal = await appealOfCall(ctx, call.CallSid);
      const script = scriptOf(ctx.config);
      return twiml(c, sayAndHangUp(script.voicemailReceived(appeal && spokenDigits(appeal.caseNumber)), script));
    })
    .post(`${BASE}/transcription`, async (c) => {
      const call = await voiceWebhook(c);
      if (!call.RecordingSid) throw new ServiceError('invalid_request', 'RecordingSid is required');
      if (call.TranscriptionStatus === 'completed' && call.TranscriptionText?.trim()) {
        await addToCallAppeal(actorOf(c), call, {
          text: `[留言转写] ${call.TranscriptionText.trim()}`,
          providerMessageId: `${call.RecordingSid}:transcription`,
        });
      }
      return c.body(null, 204);
    })
    .post(`${BASE}/status`, async (c) => {
      const call = await voiceWebhook(c);
      await recordCall({ ctx: actorOf(c), input: { webhook: call, event: `status:${call.CallStatus}` } });
      return c.body(null, 204);
    });
}
