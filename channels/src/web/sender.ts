import type { ChannelSender, OutboundMessage } from '../types.ts';

/** What the citizen's browser receives for each reply, over its own socket room. */
export interface WebChatPush {
  messageId: string;
  text: string;
  caseNumber: string | null;
  sentAt: string;
}

/**
 * The web channel has no provider: a reply reaches the citizen's open page through
 * the realtime layer, which the backend hands in as `push`.
 */
export function createWebChatSender(push: (sessionHash: string, payload: WebChatPush) => void): ChannelSender {
  return {
    async send(message: OutboundMessage) {
      if (message.to.kind !== 'web_session') throw new Error(`web chat cannot reach a ${message.to.kind} identity`);
      push(message.to.value, { messageId: message.messageId, text: message.text, caseNumber: message.caseNumber ?? null, sentAt: new Date().toISOString() });
      return {};
    },
  };
}
