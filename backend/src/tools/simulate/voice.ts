import type { VoiceScenario } from './plan.ts';
import { type HttpAnswer, StepFailure, caseNumberIn, expectBody, expectStatus } from './http.ts';
import { type Outcome, type Requests, type RunContext, postTwilio, twilioSid } from './target.ts';

const BASE = '/channels/twilio/voice';
type ReportCall = Extract<VoiceScenario['call'], { kind: 'report' }>;

/** One call's webhooks: Twilio repeats the call's identity on every step. */
class Call {
  readonly sid = twilioSid('CA');

  get accountSid(): string {
    return this.ctx.target.twilio!.accountSid;
  }

  constructor(
    private readonly ctx: RunContext,
    private readonly requests: Requests,
    private readonly from: string,
  ) {}

  post(step: string, extra: Record<string, string>): Promise<HttpAnswer> {
    const twilio = this.ctx.target.twilio!;
    const params = {
      AccountSid: twilio.accountSid,
      ApiVersion: '2010-04-01',
      CallSid: this.sid,
      CallStatus: 'in-progress',
      Called: twilio.phoneNumber,
      Caller: this.from,
      Direction: 'inbound',
      From: this.from,
      FromCountry: 'CN',
      To: twilio.phoneNumber,
      ToCountry: 'CN',
      ...extra,
    };
    return postTwilio(this.ctx, this.requests, `voice${step || ' (incoming)'}`, `${BASE}${step}`, params);
  }

  /** A step whose answer is TwiML, checked for what the flow expects next. */
  async twiml(step: string, extra: Record<string, string>, expected: RegExp, what: string): Promise<HttpAnswer> {
    const answer = await this.post(step, extra);
    expectStatus(`voice${step}`, answer, 200);
    expectBody(`voice${step}`, answer, expected, what);
    return answer;
  }

  async hangUp(seconds: number): Promise<void> {
    const answer = await this.post('/status', { CallStatus: 'completed', CallDuration: String(seconds) });
    expectStatus('voice/status', answer, 204);
  }
}

/** A caller speaks the problem, hears the case number, then waits for an agent or leaves a voicemail. */
async function report(call: Call, s: VoiceScenario, spoken: ReportCall): Promise<Outcome> {
  const speech = { SpeechResult: spoken.speech, Confidence: String(spoken.confidence) };
  let answer: HttpAnswer;
  if (spoken.speakAtMenu) {
    answer = await call.twiml('/menu', speech, /案件流水号/, 'the case number after speaking at the greeting');
  } else {
    await call.twiml('/menu', { Digits: '1' }, /<Gather[^>]*input="speech"/, 'a speech <Gather> after pressing 1');
    answer = await call.twiml('/report', speech, /案件流水号/, 'the case number');
  }
  const caseNumber = caseNumberIn(answer.body);
  if (!caseNumber) throw new StepFailure('voice/report', answer.status, answer.body, 'expected a readable case number');
  if (/<Record\b/.test(answer.body)) await leaveVoicemail(call, spoken);
  else if (/<Enqueue\b/.test(answer.body)) await leaveQueue(call, spoken);
  else throw new StepFailure('voice/report', answer.status, answer.body, 'expected <Record> or <Enqueue> after the case number');
  await call.hangUp(s.callSeconds);
  return { caseNumber, ackMs: answer.ms };
}

async function leaveVoicemail(call: Call, spoken: ReportCall): Promise<void> {
  const recording = { RecordingSid: twilioSid('RE'), RecordingDuration: String(spoken.recordingSeconds) };
  const recordingUrl = `https://api.twilio.com/2010-04-01/Accounts/${call.accountSid}/Recordings/${recording.RecordingSid}`;
  await call.twiml('/recorded', { ...recording, RecordingUrl: recordingUrl }, /留言已收到/, 'the voicemail confirmation');
  // Twilio transcribes after the recording ends; the callback carries the recording's identity.
  const transcription: Record<string, string> = spoken.transcriptionFails
    ? { TranscriptionStatus: 'failed' }
    : { TranscriptionStatus: 'completed', TranscriptionText: spoken.voicemail };
  const answer = await call.post('/transcription', {
    ...recording,
    RecordingUrl: recordingUrl,
    TranscriptionSid: twilioSid('TR'),
    CallStatus: 'completed',
    ...transcription,
  });
  expectStatus('voice/transcription', answer, 204);
}

/** The caller was connected to an agent ("bridged") or gave up waiting ("hangup"). */
async function leaveQueue(call: Call, spoken: ReportCall): Promise<void> {
  const answer = await call.post('/queue-result', { QueueResult: spoken.queueResult, QueueTime: String(spoken.recordingSeconds), QueueSid: twilioSid('QU') });
  expectStatus('voice/queue-result', answer, 200);
}

/** Press 2, key in a case number from earlier in the run, hear its progress. */
async function lookup(call: Call, s: VoiceScenario, pick: number, ctx: RunContext): Promise<Outcome> {
  await call.twiml('/menu', { Digits: '2' }, /<Gather[^>]*input="dtmf"/, 'a keypad <Gather> after pressing 2');
  // Before any appeal of the run is acknowledged there is nothing to ask about: the caller mistypes.
  const known = ctx.caseNumbers.length ? ctx.caseNumbers[pick % ctx.caseNumbers.length]! : '20000101000001';
  const answer = await call.twiml('/lookup', { Digits: known }, /当前状态|未找到案件/, 'the case progress');
  await call.hangUp(s.callSeconds);
  return { ackMs: answer.ms };
}

/** A whole call through the real flow: ringing → menu → report or lookup → … → completed. */
export async function placeCall(ctx: RunContext, requests: Requests, s: VoiceScenario): Promise<Outcome> {
  const call = new Call(ctx, requests, s.from);
  await call.twiml('', { CallStatus: 'ringing' }, /<Gather[^>]*input="speech dtmf"/, 'the greeting menu');
  return s.call.kind === 'lookup' ? lookup(call, s, s.call.pick, ctx) : report(call, s, s.call);
}
