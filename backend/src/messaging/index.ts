// The domain events this layer publishes join the one catalogue (declaration merging).
import './domain-events.ts';
export { type ChannelActivity, channelActivity } from './channel-activity.ts';
export { closeConversations } from './conversations.ts';
export { recordDeliveryStatus } from './delivery-status.ts';
export { findStoredInbound, openConversations, setCurrentAppeals, storeInboundMessages } from './inbound.ts';
export { citizenMessages, deliver, deliverAll, storeOutbound, storeOutbounds } from './outbound.ts';
export { loadMessageViews, messagesOfAppeal, toMessageView } from './queries.ts';
export { attachments, channelEnum, conversations, type Message, messages } from './schema.ts';
export { type ChatLine, chatLineSchema, type MessageView, messageViewSchema } from './views.ts';
