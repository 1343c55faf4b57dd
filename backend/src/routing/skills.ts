import type { Channel } from '@hotline/channels';

/** What an agent can take (a row of `agent_skills`); an empty list does not restrict that dimension. */
export interface AgentSkills {
  channels: string[];
  languages: string[];
  /** The four platforms: governance, market, enforcement, services. */
  platforms: string[];
}

/** What routing must know of an appeal to match it to an agent. */
export interface RoutableAppeal {
  channel: Channel;
  summary: string;
  /** The platform of the appeal's category; null while it has no category. */
  platform: string | null;
  /** 特急 written appeals go over the chat capacity (see `mayExceedCapacity`). */
  urgency?: 'normal' | 'urgent' | 'emergency';
}

export interface WorkLoad {
  chats: number;
  calls: number;
}

/** A phone call weighs on the calls capacity; every written channel on the chats capacity. */
export const workKind = (channel: Channel): keyof WorkLoad => (channel === 'voice' ? 'calls' : 'chats');

/** Whether an agent with this load can take one more piece of work of this kind. */
export const hasRoom = (load: WorkLoad, capacity: WorkLoad, kind: keyof WorkLoad): boolean => load[kind] < capacity[kind];

/**
 * A 特急 written appeal (someone hurt, a road collapsing) must reach a person even when every agent
 * is at the chat limit: it goes over the chat capacity. A call cannot: nobody holds two calls at once.
 */
export const mayExceedCapacity = (appeal: Pick<RoutableAppeal, 'channel' | 'urgency'>): boolean =>
  appeal.urgency === 'emergency' && workKind(appeal.channel) === 'chats';

/** Whether an agent with this load can take this appeal: room for its kind, or an emergency over the chat limit. */
export const hasRoomFor = (load: WorkLoad, capacity: WorkLoad, appeal: Pick<RoutableAppeal, 'channel' | 'urgency'>): boolean =>
  mayExceedCapacity(appeal) || hasRoom(load, capacity, workKind(appeal.channel));

/**
 * The language an appeal is written in, as routing needs it: Chinese when it has any Han
 * character (a Chinese sentence with a Latin street name is still Chinese), English when it has
 * Latin letters only. Appeals store no language; the text is the evidence.
 */
export function appealLanguage(text: string): 'zh' | 'en' {
  if (/\p{Script=Han}/u.test(text)) return 'zh';
  return /[A-Za-z]/.test(text) ? 'en' : 'zh';
}

/** `zh-CN` and `zh` are the same language for routing. */
const primaryTag = (language: string) => language.toLowerCase().split(/[-_]/)[0];

/**
 * Whether an agent with these skills may take the appeal. No skills row means anything; an appeal
 * without a category yet is not held back by the platform rule (nobody could take it otherwise).
 */
export function canTake(skills: AgentSkills | null | undefined, appeal: RoutableAppeal): boolean {
  if (!skills) return true;
  if (skills.channels.length && !skills.channels.includes(appeal.channel)) return false;
  if (skills.languages.length && !skills.languages.map(primaryTag).includes(appealLanguage(appeal.summary))) return false;
  if (skills.platforms.length && appeal.platform && !skills.platforms.includes(appeal.platform)) return false;
  return true;
}
