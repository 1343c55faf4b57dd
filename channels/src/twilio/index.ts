export * from './signature.ts';
export * from './sms.ts';
export * from './voice.ts';
export * from './sender.ts';
