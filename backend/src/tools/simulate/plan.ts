import { Rng } from './random.ts';
import {
  type DuplicateCluster,
  type Place,
  describePlace,
  duplicateClusters,
  fillPlace,
  followUps,
  pickTemplate,
  places,
  pointIn,
  toSpoken,
  toTexting,
  toWebForm,
  voicemails,
  webNames,
} from './texts.ts';

export const channelNames = ['sms', 'voice', 'wechat', 'web'] as const;
export type ChannelName = (typeof channelNames)[number];
export type ChannelMix = Record<ChannelName, number>;

/** Relative weights of the channels; a 12345 line still gets most of its traffic by phone and SMS. */
export const defaultMix: ChannelMix = { sms: 35, voice: 20, wechat: 25, web: 20 };

/** Cluster tag: which duplicate-report scenario a scenario belongs to. */
interface Clustered {
  cluster?: string;
}

export interface SmsScenario extends Clustered {
  channel: 'sms';
  from: string;
  body: string;
  /** An MMS carries one photo. */
  mms: boolean;
  followUp: boolean;
}

export type VoiceCall =
  | {
      kind: 'report';
      speech: string;
      confidence: number;
      /** Speaks at the greeting instead of pressing 1, as the menu allows. */
      speakAtMenu: boolean;
      voicemail: string;
      transcriptionFails: boolean;
      queueResult: 'hangup' | 'bridged';
      recordingSeconds: number;
    }
  | {
      kind: 'lookup';
      /** Which case number seen earlier in the run to key in (modulo how many are known then). */
      pick: number;
    };

export interface VoiceScenario extends Clustered {
  channel: 'voice';
  from: string;
  call: VoiceCall;
  callSeconds: number;
}

export type WechatMessage =
  | { type: 'text'; content: string }
  | { type: 'voice'; recognition: string }
  | { type: 'image' }
  | { type: 'location'; latitude: number; longitude: number; label: string };

export interface WechatScenario extends Clustered {
  channel: 'wechat';
  openId: string;
  /** Sealed as in safe mode (安全模式); otherwise compatible mode (兼容模式, both forms) when the account has an EncodingAESKey, else plaintext. */
  safeMode: boolean;
  message: WechatMessage;
  followUp: boolean;
}

export interface WebForm {
  text: string;
  name?: string;
  phone?: string;
  address?: string;
  latitude?: number;
  longitude?: number;
}

export interface WebScenario extends Clustered {
  channel: 'web';
  form: WebForm;
}

export type Scenario = SmsScenario | VoiceScenario | WechatScenario | WebScenario;

const MOBILE_PREFIXES = [
  '130',
  '131',
  '132',
  '133',
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
  '155',
  '156',
  '158',
  '159',
  '177',
  '180',
  '182',
  '183',
  '185',
  '186',
  '187',
  '188',
  '189',
  '199',
];
const OPENID_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';

interface Citizen {
  id: string;
  place: Place;
}

/**
 * Who has written or called so far, so later traffic can come from the same people: a second
 * text joins the citizen's open appeal, a caller may be someone who texted earlier.
 */
class Citizens {
  readonly texters: Citizen[] = [];
  readonly callers: Citizen[] = [];
  readonly wechat: Citizen[] = [];
  private readonly used = new Set<string>();

  constructor(private readonly rng: Rng) {}

  newPhone(place: Place): Citizen {
    return this.fresh(() => `+86${this.rng.pick(MOBILE_PREFIXES)}${this.rng.chars('0123456789', 8)}`, place);
  }

  newOpenId(place: Place): Citizen {
    // An openid is 28 characters and, for accounts created lately, starts with "o".
    return this.fresh(() => `o${this.rng.chars(OPENID_CHARS, 27)}`, place);
  }

  /** One of the last few people in `list`, as follow-ups come soon after the first message. */
  recent(list: Citizen[]): Citizen | undefined {
    return list.length ? this.rng.pick(list.slice(-10)) : undefined;
  }

  private fresh(make: () => string, place: Place): Citizen {
    let id = make();
    while (this.used.has(id)) id = make();
    this.used.add(id);
    return { id, place };
  }
}

/** Picks a problem at a place and writes it in the channel's register. */
function newProblem(rng: Rng): { place: Place; text: string } {
  const place = rng.pick(places);
  return { place, text: fillPlace(pickTemplate(rng).text, describePlace(place, rng)) };
}

function followUpText(rng: Rng, citizen: Citizen): string {
  return fillPlace(rng.pick(followUps), describePlace(citizen.place, rng));
}

function smsScenario(rng: Rng, citizens: Citizens): SmsScenario {
  const mms = rng.chance(0.08);
  const earlier = rng.chance(0.2) ? citizens.recent(citizens.texters) : undefined;
  if (earlier) return { channel: 'sms', from: earlier.id, body: mms && rng.chance(0.5) ? '' : followUpText(rng, earlier), mms, followUp: true };
  const { place, text } = newProblem(rng);
  // Some callers text later: the same phone is one contact across SMS and calls.
  const citizen = (rng.chance(0.1) && citizens.recent(citizens.callers)) || citizens.newPhone(place);
  citizens.texters.push(citizen);
  return { channel: 'sms', from: citizen.id, body: toTexting(text, rng), mms, followUp: false };
}

function voiceScenario(rng: Rng, citizens: Citizens, index: number): VoiceScenario {
  const callSeconds = rng.int(40, 240);
  // Progress lookups need case numbers from earlier in the run, so not at the very start.
  if (index >= 5 && rng.chance(0.08)) {
    return {
      channel: 'voice',
      from: citizens.newPhone(rng.pick(places)).id,
      call: { kind: 'lookup', pick: rng.int(0, 1_000_000) },
      callSeconds: rng.int(20, 60),
    };
  }
  const { place, text } = newProblem(rng);
  // Never a number already in a call from this run: two calls at once from one phone would mix their voicemails.
  const texters = citizens.texters.filter((c) => !citizens.callers.includes(c));
  const citizen = (rng.chance(0.15) && citizens.recent(texters)) || citizens.newPhone(place);
  citizens.callers.push(citizen);
  return { channel: 'voice', from: citizen.id, call: reportCall(rng, toSpoken(text, rng)), callSeconds };
}

function reportCall(rng: Rng, speech: string): VoiceCall {
  return {
    kind: 'report',
    speech,
    confidence: Math.round(rng.float(0.55, 0.96) * 1000) / 1000,
    speakAtMenu: rng.chance(0.15),
    voicemail: rng.pick(voicemails),
    transcriptionFails: rng.chance(0.1),
    queueResult: rng.chance(0.7) ? 'bridged' : 'hangup',
    recordingSeconds: rng.int(5, 60),
  };
}

function wechatScenario(rng: Rng, citizens: Citizens): WechatScenario {
  const safeMode = rng.chance(0.5);
  const earlier = rng.chance(0.25) ? citizens.recent(citizens.wechat) : undefined;
  if (earlier) {
    const kind = rng.weighted({ text: 40, location: 35, image: 25 });
    const message: WechatMessage =
      kind === 'text' ? { type: 'text', content: followUpText(rng, earlier) } : kind === 'location' ? locationMessage(rng, earlier.place) : { type: 'image' };
    return { channel: 'wechat', openId: earlier.id, safeMode, message, followUp: true };
  }
  const { place, text } = newProblem(rng);
  const citizen = citizens.newOpenId(place);
  citizens.wechat.push(citizen);
  const kind = rng.weighted({ text: 75, voice: 12, image: 8, location: 5 });
  const message: WechatMessage =
    kind === 'text'
      ? { type: 'text', content: toTexting(text, rng) }
      : kind === 'voice'
        ? { type: 'voice', recognition: toSpoken(text, rng) }
        : kind === 'image'
          ? { type: 'image' }
          : locationMessage(rng, place);
  return { channel: 'wechat', openId: citizen.id, safeMode, message, followUp: false };
}

function locationMessage(rng: Rng, place: Place): WechatMessage {
  return { type: 'location', ...pointIn(place, rng), label: `青禾区${place.street}${rng.pick(place.spots)}附近` };
}

function webScenario(rng: Rng): WebScenario {
  const { place, text } = newProblem(rng);
  const form: WebForm = { text: toWebForm(text, rng) };
  if (rng.chance(0.5)) form.name = rng.pick(webNames);
  if (rng.chance(0.4)) form.phone = `1${rng.pick(['38', '39', '58', '86', '89'])}${rng.chars('0123456789', 8)}`;
  if (rng.chance(0.5)) form.address = `${place.street}${place.community}${rng.pick(place.spots)}`;
  if (rng.chance(0.4)) Object.assign(form, pointIn(place, rng));
  return { channel: 'web', form };
}

/** One cluster report, on its own channel, from a citizen nobody else in the run is. */
function clusterScenario(rng: Rng, citizens: Citizens, cluster: DuplicateCluster, report: DuplicateCluster['reports'][number], channel: ChannelName): Scenario {
  const tag = { cluster: cluster.name };
  switch (channel) {
    case 'sms':
      return { ...tag, channel, from: citizens.newPhone(cluster.place).id, body: report.text, mms: false, followUp: false };
    case 'voice':
      return { ...tag, channel, from: citizens.newPhone(cluster.place).id, call: reportCall(rng, report.text), callSeconds: rng.int(40, 180) };
    case 'wechat':
      return {
        ...tag,
        channel,
        openId: citizens.newOpenId(cluster.place).id,
        safeMode: rng.chance(0.5),
        message: { type: 'text', content: report.text },
        followUp: false,
      };
    case 'web':
      return {
        ...tag,
        channel,
        form: { text: report.text, address: cluster.address, ...cluster.point, ...(rng.chance(0.5) ? { name: rng.pick(webNames) } : {}) },
      };
  }
}

/**
 * Where the duplicate reports go: each cluster's reports spread evenly over the run (the second
 * cluster offset from the first), the second cluster only in runs long enough to carry it.
 */
export function clusterSlots(count: number): Map<number, { cluster: DuplicateCluster; report: DuplicateCluster['reports'][number] }> {
  const slots = new Map<number, { cluster: DuplicateCluster; report: DuplicateCluster['reports'][number] }>();
  const clusters = duplicateClusters.slice(0, count >= 60 ? 2 : 1);
  clusters.forEach((cluster, k) => {
    cluster.reports.forEach((report, j) => {
      let slot = Math.floor((count * (j + 0.5 + k * 0.3)) / cluster.reports.length);
      while (slots.has(slot) && slot < count) slot++;
      if (slot < count) slots.set(slot, { cluster, report });
    });
  });
  return slots;
}

/** A cluster report meant for a channel that is off goes to the most used channel still on. */
function availableChannel(wanted: ChannelName, mix: ChannelMix): ChannelName {
  if (mix[wanted] > 0) return wanted;
  return channelNames.reduce((best, c) => (mix[c] > mix[best] ? c : best));
}

/** The whole run's traffic, decided up front from the seed: the same seed, the same appeals. */
export function buildPlan(input: { count: number; seed: number; mix?: ChannelMix }): Scenario[] {
  const mix = input.mix ?? defaultMix;
  const rng = new Rng(input.seed);
  const citizens = new Citizens(rng);
  const slots = clusterSlots(input.count);
  return Array.from({ length: input.count }, (_, i) => {
    const slot = slots.get(i);
    if (slot) return clusterScenario(rng, citizens, slot.cluster, slot.report, availableChannel(slot.report.channel, mix));
    const channel = rng.weighted(mix);
    if (channel === 'sms') return smsScenario(rng, citizens);
    if (channel === 'voice') return voiceScenario(rng, citizens, i);
    if (channel === 'wechat') return wechatScenario(rng, citizens);
    return webScenario(rng);
  });
}

/** The text a scenario files as its first (or only) message, as the server will store it. */
export function scenarioText(s: Scenario): string | undefined {
  switch (s.channel) {
    case 'sms':
      return s.body || undefined;
    case 'voice':
      return s.call.kind === 'report' ? s.call.speech : undefined;
    case 'wechat':
      return s.message.type === 'text' ? s.message.content : s.message.type === 'voice' ? s.message.recognition : undefined;
    case 'web':
      return s.form.text;
  }
}
