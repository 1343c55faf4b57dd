export { handleInbound } from './inbound.ts';
export { twilioSmsRoutes } from './twilio-sms.ts';
export { twilioVoiceRoutes } from './twilio-voice.ts';
export { wechatWebhookRoutes } from './wechat.ts';
