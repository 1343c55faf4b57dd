import { loadConfig } from './platform/config/index.ts';
import { demoChannelsFile, withDemoChannels } from './platform/config/index.ts';
import { startServer } from './server.ts';
import { rememberDemoPassword } from './demo/index.ts';

const env = withDemoChannels(process.env);
const config = loadConfig(env);
const usesDemoChannels = env.TWILIO_AUTH_TOKEN !== process.env.TWILIO_AUTH_TOKEN || env.WECHAT_TOKEN !== process.env.WECHAT_TOKEN;
const server = await startServer({ config });
const demo = await rememberDemoPassword(config, server.database.kind, server.demoAccounts);

console.log(`
  Hotline is running on ${server.database.kind === 'pglite' ? `embedded PostgreSQL (PGlite) in ${config.dataDir}` : 'PostgreSQL'}

  Citizen page   ${config.publicUrl}/
  Agent console  ${config.publicUrl}/console/
  API docs       ${config.publicUrl}/api/openapi.json

  Webhooks       ${config.publicUrl}/channels/twilio/sms · /channels/twilio/voice · /channels/wechat
${channelNote()}
${demo}`);

/** Which channels take traffic, and whether they run on the demo's generated credentials. */
function channelNote(): string {
  const state = (on: unknown) => (on ? 'on' : 'off (not configured)');
  const demo = usesDemoChannels ? `\n                 demo credentials in ${demoChannelsFile(config.dataDir)}: try \`npm run simulate\`` : '';
  return `  Channels       web on · SMS/voice ${state(config.twilio)} · WeChat ${state(config.wechat)}${demo}`;
}

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: shutting down…`);
    server.close().then(
      () => process.exit(0),
      (error) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}
