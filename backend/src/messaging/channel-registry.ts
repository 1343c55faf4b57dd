import type { Channel, ChannelSender } from '@hotline/channels';

/** channel → the adapter that sends on it. The backend never talks to a provider any other way. */
export type ChannelRegistry = Partial<Record<Channel, ChannelSender>>;

export function senderFor(registry: ChannelRegistry, channel: Channel): ChannelSender | undefined {
  return registry[channel];
}
