import { randomUUID } from 'node:crypto';
import type { InboundMessage } from '@hotline/channels';
import { type WebAppealForm, type WebChatMessage, type WebPhoto, parseWebAppeal, parseWebChat, readWebPhotos } from '@hotline/channels/web';
import { ServiceError } from '../platform/errors/index.ts';
import type { Territory } from '../reference/territory/index.ts';

/** The citizen page's form as an inbound message: checks what only the backend knows (the territory), and reads the photos. */
export async function webAppealInbound(territory: Territory, input: { form: WebAppealForm; photos: WebPhoto[]; sessionHash: string }): Promise<InboundMessage> {
  const { form } = input;
  if (form.latitude !== undefined && form.longitude !== undefined && !territory.locateGrid({ latitude: form.latitude, longitude: form.longitude })) {
    throw new ServiceError('invalid_request', 'The point is outside the territory the hotline serves');
  }
  return parseWebAppeal(form, {
    sessionHash: input.sessionHash,
    submissionId: form.clientSubmissionId ?? randomUUID(),
    receivedAt: new Date(),
    attachments: await readWebPhotos(input.photos),
  });
}

/** A line from the page's live chat as an inbound message: it follows up the visitor's current appeal, or opens one. */
export function webChatInbound(input: { chat: WebChatMessage; sessionHash: string }): InboundMessage {
  return parseWebChat(input.chat, { sessionHash: input.sessionHash, messageId: input.chat.clientMessageId ?? randomUUID(), receivedAt: new Date() });
}
