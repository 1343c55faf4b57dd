export { claimNonce } from './nonces.ts';
export { webhookNonces } from './schema.ts';
