import { wechatSignature } from '@hotline/channels/wechat';
import { perform } from './channels.ts';
import { type HttpAnswer, StepFailure, networkErrorCode, send } from './http.ts';
import { type ChannelMix, type ChannelName, type Scenario, buildPlan, channelNames, defaultMix } from './plan.ts';
import { runOpenLoop } from './schedule.ts';
import { type ChannelCounts, type FailureSample, Tally } from './stats.ts';
import { Requests, type RunContext, type Target, type TwilioCredentials, type WechatCredentials, postTwilio, stripSlash } from './target.ts';

export interface SimulateOptions {
  /** Where requests go. */
  url: string;
  /** The server's PUBLIC_URL: Twilio signatures are computed over it. */
  publicUrl: string;
  /** Appeals started per second. */
  rate: number;
  durationSeconds: number;
  seed: number;
  twilio?: TwilioCredentials;
  wechat?: WechatCredentials;
  mix?: ChannelMix;
  maxInFlight?: number;
  progressEveryMs?: number;
  onProgress?: (progress: Progress) => void;
  /** Things the user should know that are not errors, e.g. a channel left out. */
  onNote?: (note: string) => void;
  /** Stops starting new appeals; those in flight are finished and counted. */
  signal?: AbortSignal;
}

export interface Progress {
  elapsedSeconds: number;
  planned: number;
  started: number;
  ok: number;
  errors: number;
  inFlight: number;
}

export interface SimulationReport {
  seed: number;
  url: string;
  publicUrl: string;
  targetRate: number;
  durationSeconds: number;
  mix: ChannelMix;
  planned: number;
  started: number;
  ok: number;
  errors: number;
  requests: number;
  elapsedSeconds: number;
  /** Arrivals per second actually started (the target unless the in-flight cap held some back). */
  achievedRate: number;
  /** Acknowledged appeals per second over the whole run, including waiting for the last answers. */
  throughput: number;
  lateStarts: number;
  maxStartLagMs: number;
  aborted: boolean;
  channels: Record<ChannelName, ChannelCounts>;
  overall: ChannelCounts;
  firstErrors: FailureSample[];
}

/** The run cannot start: the server is unreachable or refuses the simulator's credentials. */
export class SimulatorSetupError extends Error {
  override name = 'SimulatorSetupError';
}

const DEFAULT_MAX_IN_FLIGHT = 64;

// ---- Before the run: is the server there, and does it accept our signatures? ---------------

async function checkReachable(url: string): Promise<void> {
  let answer: HttpAnswer;
  try {
    answer = await send('healthz', `${url}/healthz`, {});
  } catch (error) {
    const reason = error instanceof StepFailure ? error.message : String(error);
    if (networkErrorCode(error instanceof StepFailure ? error.cause : error) === 'ECONNREFUSED') {
      throw new SimulatorSetupError(
        `Cannot reach the hotline at ${url}: connection refused.\nStart it first with \`npm start\` (or point --url at a running hotline).`,
      );
    }
    throw new SimulatorSetupError(`Cannot reach the hotline at ${url}: ${reason}`);
  }
  if (answer.status !== 200)
    throw new SimulatorSetupError(`The hotline at ${url} is not healthy: GET /healthz answered ${answer.status} ${answer.body.slice(0, 200)}`);
}

/** WeChat's own server-URL check: a signed GET echoed back proves the token matches. */
async function checkWechat(target: Target, wechat: WechatCredentials): Promise<boolean> {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const nonce = String(Date.now() % 1e9);
  const echostr = `sim${timestamp}`;
  const query = new URLSearchParams({ signature: wechatSignature(wechat.token, timestamp, nonce), timestamp, nonce, echostr });
  const answer = await send('wechat check', `${target.url}/channels/wechat?${query}`, {});
  if (answer.status === 200 && answer.body === echostr) return true;
  if (answer.status === 503) return false;
  if (answer.status === 403) {
    throw new SimulatorSetupError(
      "The hotline refused the simulator's WeChat signature: its WECHAT_TOKEN is not the one the simulator has.\nRun the simulator with the server's environment, or for the embedded demo with the same --data-dir.",
    );
  }
  throw new SimulatorSetupError(`The WeChat URL check answered ${answer.status} ${answer.body.slice(0, 200)}`);
}

/**
 * A signed delivery-status callback for a message that does not exist: 404 means the signature
 * and account were accepted and nothing was written.
 */
async function checkTwilio(target: Target): Promise<boolean> {
  const ctx: RunContext = { target, caseNumbers: [] };
  const params = { MessageSid: `SM${'0'.repeat(32)}`, MessageStatus: 'delivered', AccountSid: target.twilio!.accountSid };
  const answer = await postTwilio(ctx, new Requests(), 'twilio check', '/channels/twilio/sms/status', params);
  if (answer.status === 404) return true;
  if (answer.status === 503) return false;
  if (answer.status === 403) {
    throw new SimulatorSetupError(
      `The hotline refused the simulator's Twilio signature. Signatures cover PUBLIC_URL + path, so the server's PUBLIC_URL must be --public-url (now ${target.publicUrl}),\n` +
        "and TWILIO_ACCOUNT_SID/TWILIO_AUTH_TOKEN must be the server's: run the simulator with the same environment, or for the embedded demo with the same --data-dir.",
    );
  }
  throw new SimulatorSetupError(`The Twilio check answered ${answer.status} ${answer.body.slice(0, 200)}`);
}

/** The channels the run can use: those the simulator has credentials for and the server has configured. */
async function usableMix(target: Target, wanted: ChannelMix, note: (n: string) => void): Promise<ChannelMix> {
  const mix = { ...wanted };
  const twilioOk = target.twilio ? await checkTwilio(target) : false;
  if (!twilioOk && (mix.sms || mix.voice))
    note(target.twilio ? 'Twilio is not configured on the server: no SMS or voice traffic.' : 'No Twilio credentials: no SMS or voice traffic.');
  const wechatOk = target.wechat ? await checkWechat(target, target.wechat) : false;
  if (!wechatOk && mix.wechat) note(target.wechat ? 'WeChat is not configured on the server: no WeChat traffic.' : 'No WeChat credentials: no WeChat traffic.');
  if (!twilioOk) mix.sms = mix.voice = 0;
  if (!wechatOk) mix.wechat = 0;
  if (channelNames.every((c) => mix[c] <= 0)) throw new SimulatorSetupError('No channel left to simulate.');
  return mix;
}

// ---- The run ------------------------------------------------------------------------------

function failureOf(error: unknown): Omit<FailureSample, 'channel'> {
  if (error instanceof StepFailure) return { step: error.step, status: error.status ?? null, message: error.message, body: error.body };
  return { step: 'simulator', status: null, message: error instanceof Error ? error.message : String(error), body: '' };
}

async function runOne(ctx: RunContext, tally: Tally, s: Scenario): Promise<void> {
  const requests = new Requests();
  tally.started(s.channel);
  try {
    const outcome = await perform(ctx, requests, s);
    if (outcome.caseNumber && !ctx.caseNumbers.includes(outcome.caseNumber)) ctx.caseNumbers.push(outcome.caseNumber);
    tally.succeeded(s.channel, outcome.ackMs, requests.count);
  } catch (error) {
    tally.failed(s.channel, failureOf(error), requests.count);
  }
}

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

/**
 * Plays citizens on every channel against a running hotline: `rate` appeals per second for
 * `durationSeconds`, open loop, each through the channel's real protocol, every answer checked.
 */
export async function simulate(options: SimulateOptions): Promise<SimulationReport> {
  const target: Target = { url: stripSlash(options.url), publicUrl: stripSlash(options.publicUrl), twilio: options.twilio, wechat: options.wechat };
  await checkReachable(target.url);
  const mix = await usableMix(target, options.mix ?? defaultMix, options.onNote ?? (() => {}));
  const plan = buildPlan({ count: Math.max(1, Math.round(options.rate * options.durationSeconds)), seed: options.seed, mix });

  const ctx: RunContext = { target, caseNumbers: [] };
  const tally = new Tally();
  const startedAt = performance.now();
  const progress = (): Progress => {
    const t = tally.totals();
    return {
      elapsedSeconds: round((performance.now() - startedAt) / 1000, 1),
      planned: plan.length,
      started: t.sent,
      ok: t.ok,
      errors: t.errors,
      inFlight: t.sent - t.ok - t.errors,
    };
  };
  const ticker = options.onProgress ? setInterval(() => options.onProgress!(progress()), options.progressEveryMs ?? 3000) : undefined;
  ticker?.unref();
  let loop;
  try {
    loop = await runOpenLoop({
      count: plan.length,
      rate: options.rate,
      maxInFlight: options.maxInFlight ?? DEFAULT_MAX_IN_FLIGHT,
      task: (i) => runOne(ctx, tally, plan[i]!),
      signal: options.signal,
    });
  } finally {
    clearInterval(ticker);
  }
  const elapsedSeconds = (performance.now() - startedAt) / 1000;
  const totals = tally.totals();
  return {
    seed: options.seed,
    url: target.url,
    publicUrl: target.publicUrl,
    targetRate: options.rate,
    durationSeconds: options.durationSeconds,
    mix,
    planned: plan.length,
    started: totals.sent,
    ok: totals.ok,
    errors: totals.errors,
    requests: totals.requests,
    elapsedSeconds: round(elapsedSeconds),
    // N arrivals at an even pace take (N - 1) intervals plus the last one's own slot.
    achievedRate: round(loop.started / (loop.spanMs / 1000 + 1 / options.rate)),
    throughput: round(totals.ok / elapsedSeconds),
    lateStarts: loop.late,
    maxStartLagMs: round(loop.maxLagMs, 1),
    aborted: loop.aborted,
    channels: tally.channels(),
    overall: tally.overall(),
    firstErrors: tally.failures,
  };
}
