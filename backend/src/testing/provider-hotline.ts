import type { DatabaseKind } from '../platform/db/index.ts';
import { type TestHotline, startTestHotline } from './hotline.ts';
import { type FakeProvider, startFakeProvider } from './fake-provider.ts';
import { fakeTwilioMessages, twilioEnv } from './twilio.ts';
import { fakeWechatApi, wechatEnv } from './wechat.ts';

/**
 * A hotline whose Twilio and WeChat APIs are one fake provider, so every citizen channel can be
 * told and heard; `env` adds the spec's own settings (small rate limits, Open311 keys…).
 */
export async function startProviderHotline(
  kind: DatabaseKind,
  env: Record<string, string> = {},
): Promise<{ hotline: TestHotline; fake: FakeProvider; close(): Promise<void> }> {
  const fake = await startFakeProvider([fakeTwilioMessages, ...fakeWechatApi]);
  const hotline = await startTestHotline(kind, { env: { ...twilioEnv(fake), ...wechatEnv(fake), ...env } });
  return {
    hotline,
    fake,
    async close() {
      await hotline.close();
      await fake.close();
    },
  };
}

/** The bodies of the texts sent to `phone`, in order. */
export const smsSentTo = (fake: FakeProvider, phone: string) => fake.requests.filter((r) => r.form?.get('To') === phone).map((r) => r.form!.get('Body')!);
