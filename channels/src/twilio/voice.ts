import twilio from 'twilio';
import { z } from 'zod';
import { storableString } from '../types.ts';

const { VoiceResponse } = twilio.twiml;
type GatherAttributes = Parameters<InstanceType<typeof VoiceResponse>['gather']>[0];

/** Chinese prompts are spoken and recognised in Mandarin. */
const SAY = { language: 'zh-CN', voice: 'Polly.Zhiyu' } as const;
// The SDK's type lists 'cmn-Hans-CN' but not 'zh-CN', which Twilio's speech recognition accepts as well.
const GATHER_LANGUAGE = 'zh-CN' as GatherAttributes extends { language?: infer L } ? L : never;

/** The voice webhooks' parameters that matter here; Twilio sends them form-encoded on every step. Free text is stored: see `storableString`. */
export const voiceWebhookSchema = z.object({
  CallSid: z.string().regex(/^CA[0-9a-fA-F]{32}$/, 'CallSid is not a Twilio call SID'),
  AccountSid: z.string().regex(/^AC[0-9a-fA-F]{32}$/),
  From: storableString().min(1).max(40),
  To: storableString().min(1).max(40),
  CallStatus: z.enum(['queued', 'ringing', 'in-progress', 'completed', 'busy', 'no-answer', 'failed', 'canceled']),
  Digits: storableString().max(40).optional(),
  SpeechResult: storableString().max(4000).optional(),
  Confidence: z.coerce.number().min(0).max(1).optional(),
  RecordingUrl: z.url().optional(),
  RecordingSid: storableString().optional(),
  RecordingDuration: z.coerce.number().int().optional(),
  TranscriptionText: storableString().max(4000).optional(),
  TranscriptionStatus: storableString().optional(),
  QueueResult: storableString().optional(),
  QueueTime: z.coerce.number().int().optional(),
  QueuePosition: z.coerce.number().int().optional(),
  CallDuration: z.coerce.number().int().optional(),
});
export type VoiceWebhook = z.infer<typeof voiceWebhookSchema>;

/** Where each step of the call flow posts next (absolute URLs, as Twilio needs). */
export interface VoiceRoutes {
  menu: string;
  report: string;
  lookup: string;
  wait: string;
  queueResult: string;
  recorded: string;
  transcription: string;
}

/** A case number read digit by digit, so a caller can write it down. */
export const spokenDigits = (caseNumber: string) => caseNumber.split('').join(' ');

/** 欢迎语: press 1 or just speak to report a problem, press 2 to hear a case's progress. */
export function welcomeMenu(routes: VoiceRoutes): string {
  const response = new VoiceResponse();
  const gather = response.gather({ input: ['speech', 'dtmf'], language: GATHER_LANGUAGE, numDigits: 1, action: routes.menu, timeout: 6, speechTimeout: 'auto' });
  gather.say(SAY, '您好，这里是12345市民服务热线。反映问题请按1，或直接说出您的问题；查询办理进度请按2。');
  // No answer at all: treat it as a report, so the caller is not dropped.
  response.redirect({ method: 'POST' }, routes.menu);
  return response.toString();
}

export function askForReport(routes: VoiceRoutes): string {
  const response = new VoiceResponse();
  const gather = response.gather({ input: ['speech'], language: GATHER_LANGUAGE, action: routes.report, timeout: 8, speechTimeout: 'auto' });
  gather.say(SAY, '请说出您要反映的问题和发生的地点，说完请稍候。');
  response.redirect({ method: 'POST' }, routes.report);
  return response.toString();
}

export function askForCaseNumber(routes: VoiceRoutes): string {
  const response = new VoiceResponse();
  const gather = response.gather({ input: ['dtmf'], finishOnKey: '#', numDigits: 20, action: routes.lookup, timeout: 10 });
  gather.say(SAY, '请输入案件流水号，以井号键结束。');
  response.say(SAY, '没有收到您的输入，再见。');
  response.hangup();
  return response.toString();
}

/** An agent is free: the caller hears the case number and waits in the queue for them. */
export function enqueueCaller(caseNumber: string, queueName: string, routes: VoiceRoutes): string {
  const response = new VoiceResponse();
  response.say(SAY, `您的诉求已登记，案件流水号 ${spokenDigits(caseNumber)}。正在为您转接坐席，请稍候。`);
  response.enqueue({ waitUrl: routes.wait, waitUrlMethod: 'POST', action: routes.queueResult, method: 'POST' }, queueName);
  return response.toString();
}

/** Nobody free, or outside service hours: the caller hears the case number and may leave a voicemail. */
export function leaveVoicemail(caseNumber: string, reason: 'closed' | 'busy', routes: VoiceRoutes): string {
  const response = new VoiceResponse();
  const why = reason === 'closed' ? '现在是非人工服务时间。' : '坐席正忙。';
  response.say(SAY, `${why}您的诉求已登记，案件流水号 ${spokenDigits(caseNumber)}。如需补充，请在提示音后留言，按井号键结束。`);
  response.record({
    maxLength: 120,
    finishOnKey: '#',
    playBeep: true,
    transcribe: true,
    transcribeCallback: routes.transcription,
    action: routes.recorded,
    method: 'POST',
  });
  return response.toString();
}

/** Played to a caller while they wait in the queue; Twilio repeats the wait URL. */
export function holdMessage(position: number | undefined): string {
  const response = new VoiceResponse();
  response.say(SAY, position ? `您前面还有 ${Math.max(0, position - 1)} 位，请稍候。` : '坐席正忙，请稍候。');
  response.pause({ length: 10 });
  return response.toString();
}

/** Says `text` and ends the call. */
export function sayAndHangUp(text: string): string {
  const response = new VoiceResponse();
  response.say(SAY, text);
  response.hangup();
  return response.toString();
}

/** An empty TwiML document: acknowledges a callback that needs no instructions. */
export function emptyTwiml(): string {
  return new VoiceResponse().toString();
}
