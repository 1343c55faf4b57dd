import twilio from 'twilio';
import { z } from 'zod';
import { inputText } from '../types.ts';

const { VoiceResponse } = twilio.twiml;
type GatherAttributes = Parameters<InstanceType<typeof VoiceResponse>['gather']>[0];

type SayAttributes = Parameters<InstanceType<typeof VoiceResponse>['say']>[0];
type GatherLanguage = GatherAttributes extends { language?: infer L } ? L : never;

/**
 * What the call flow says, in the hotline's language: the backend's catalogue of citizen texts fills
 * it, so no wording lives in this adapter.
 */
export interface VoiceScript {
  language: 'zh-CN' | 'en-US';
  welcome: string;
  askReport: string;
  askCaseNumber: string;
  noInput: string;
  /** `spokenCase` is the case number read digit by digit. */
  queued(spokenCase: string): string;
  voicemail(reason: 'closed' | 'busy', spokenCase: string): string;
  /** `ahead`: callers before this one, when Twilio says. */
  hold(ahead: number | undefined): string;
}

/** Prompts are spoken (Polly) and recognised in the script's language. */
const sayIn = (script: VoiceScript): SayAttributes =>
  script.language === 'zh-CN' ? { language: 'zh-CN', voice: 'Polly.Zhiyu' } : { language: 'en-US', voice: 'Polly.Joanna' };
// The SDK's type lists 'cmn-Hans-CN' but not 'zh-CN', which Twilio's speech recognition accepts as well.
const gatherIn = (script: VoiceScript) => script.language as GatherLanguage;

/** The voice webhooks' parameters that matter here; Twilio sends them form-encoded on every step. Free text is stored: see `inputText`. */
export const voiceWebhookSchema = z.object({
  CallSid: z.string().regex(/^CA[0-9a-fA-F]{32}$/, 'CallSid is not a Twilio call SID'),
  AccountSid: z.string().regex(/^AC[0-9a-fA-F]{32}$/),
  From: inputText().min(1).max(40),
  To: inputText().min(1).max(40),
  CallStatus: z.enum(['queued', 'ringing', 'in-progress', 'completed', 'busy', 'no-answer', 'failed', 'canceled']),
  Digits: inputText().max(40).optional(),
  SpeechResult: inputText().max(4000).optional(),
  Confidence: z.coerce.number().min(0).max(1).optional(),
  RecordingUrl: z.url().optional(),
  RecordingSid: inputText().optional(),
  RecordingDuration: z.coerce.number().int().optional(),
  TranscriptionText: inputText().max(4000).optional(),
  TranscriptionStatus: inputText().optional(),
  QueueResult: inputText().optional(),
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
export function welcomeMenu(routes: VoiceRoutes, script: VoiceScript): string {
  const response = new VoiceResponse();
  const gather = response.gather({
    input: ['speech', 'dtmf'],
    language: gatherIn(script),
    numDigits: 1,
    action: routes.menu,
    timeout: 6,
    speechTimeout: 'auto',
  });
  gather.say(sayIn(script), script.welcome);
  // No answer at all: treat it as a report, so the caller is not dropped.
  response.redirect({ method: 'POST' }, routes.menu);
  return response.toString();
}

export function askForReport(routes: VoiceRoutes, script: VoiceScript): string {
  const response = new VoiceResponse();
  const gather = response.gather({ input: ['speech'], language: gatherIn(script), action: routes.report, timeout: 8, speechTimeout: 'auto' });
  gather.say(sayIn(script), script.askReport);
  response.redirect({ method: 'POST' }, routes.report);
  return response.toString();
}

export function askForCaseNumber(routes: VoiceRoutes, script: VoiceScript): string {
  const response = new VoiceResponse();
  const gather = response.gather({ input: ['dtmf'], finishOnKey: '#', numDigits: 20, action: routes.lookup, timeout: 10 });
  gather.say(sayIn(script), script.askCaseNumber);
  response.say(sayIn(script), script.noInput);
  response.hangup();
  return response.toString();
}

/** An agent is free: the caller hears the case number and waits in the queue for them. */
export function enqueueCaller(caseNumber: string, queueName: string, routes: VoiceRoutes, script: VoiceScript): string {
  const response = new VoiceResponse();
  response.say(sayIn(script), script.queued(spokenDigits(caseNumber)));
  response.enqueue({ waitUrl: routes.wait, waitUrlMethod: 'POST', action: routes.queueResult, method: 'POST' }, queueName);
  return response.toString();
}

/** Nobody free, or outside service hours: the caller hears the case number and may leave a voicemail. */
export function leaveVoicemail(caseNumber: string, reason: 'closed' | 'busy', routes: VoiceRoutes, script: VoiceScript): string {
  const response = new VoiceResponse();
  response.say(sayIn(script), script.voicemail(reason, spokenDigits(caseNumber)));
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
export function holdMessage(position: number | undefined, script: VoiceScript): string {
  const response = new VoiceResponse();
  response.say(sayIn(script), script.hold(position ? Math.max(0, position - 1) : undefined));
  response.pause({ length: 10 });
  return response.toString();
}

/** Says `text` and ends the call. */
export function sayAndHangUp(text: string, script: VoiceScript): string {
  const response = new VoiceResponse();
  response.say(sayIn(script), text);
  response.hangup();
  return response.toString();
}

/** An empty TwiML document: acknowledges a callback that needs no instructions. */
export function emptyTwiml(): string {
  return new VoiceResponse().toString();
}
