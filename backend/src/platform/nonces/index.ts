export { claimNonce, isNonceClaimed } from './nonces.ts';
export { webhookNonces } from './schema.ts';
