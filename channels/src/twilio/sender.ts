import twilio from 'twilio';
import type TwilioRequestClient from 'twilio/lib/base/RequestClient.js';
import type { ChannelSender, OutboundMessage } from '../types.ts';

export interface TwilioSenderOptions {
  accountSid: string;
  authToken: string;
  /** The hotline's own number, sending the SMS. */
  from: string;
  /** REST base URL: Twilio's in production, a local fake provider in tests and demos. */
  apiBase: string;
  /** Where Twilio reports delivery states of each message. */
  statusCallback: string;
}

const TWILIO_API = 'https://api.twilio.com';

/**
 * Twilio's own request client, with every URI moved onto `apiBase`: the SDK builds and signs the
 * real REST request, only its destination changes (Twilio's edge/region settings cannot point at a host of our choosing).
 */
class BaseUrlRequestClient extends twilio.RequestClient {
  constructor(private readonly apiBase: string) {
    super();
  }

  override request<TData>(opts: TwilioRequestClient.RequestOptions<TData>) {
    return super.request<TData>({ ...opts, uri: opts.uri.replace(TWILIO_API, this.apiBase) });
  }
}

/** SMS through Twilio's REST API (`messages.create`); a voice caller is answered by SMS too. */
export function createTwilioSmsSender(options: TwilioSenderOptions): ChannelSender {
  const client = twilio(options.accountSid, options.authToken, { httpClient: new BaseUrlRequestClient(options.apiBase) });
  return {
    async send(message: OutboundMessage) {
      if (message.to.kind !== 'phone') throw new Error(`Twilio SMS cannot reach a ${message.to.kind} identity`);
      const sent = await client.messages.create({ to: message.to.value, from: options.from, body: message.text, statusCallback: options.statusCallback });
      return { providerMessageId: sent.sid };
    },
  };
}
