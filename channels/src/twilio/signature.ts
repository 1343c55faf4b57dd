import twilio from 'twilio';

/**
 * Twilio signs each webhook with HMAC-SHA1 over the exact public URL it called plus the sorted
 * POST parameters. Behind a proxy that URL is PUBLIC_URL + path, never what the server sees.
 */
export function verifyTwilioSignature(input: { authToken: string; url: string; params: Record<string, string>; signature: string | undefined }): boolean {
  if (!input.signature) return false;
  return twilio.validateRequest(input.authToken, input.signature, input.url, input.params);
}

/** The signature Twilio would send: for the simulator and tests, which play Twilio's part. */
export function signTwilioRequest(authToken: string, url: string, params: Record<string, string>): string {
  return twilio.getExpectedTwilioSignature(authToken, url, params);
}
