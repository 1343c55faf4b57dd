import { type Config, loadConfig } from '../../platform/config/index.ts';
import { withDemoChannels } from '../../platform/config/index.ts';
import { type CliArgs, parseCliArgs, signingUrl, usage } from './args.ts';
import { randomSeed } from './random.ts';
import { formatProgress, formatReport } from './report.ts';
import { SimulatorSetupError, simulate } from './simulate.ts';

/** The server's configuration as `npm start` computes it, so the simulator signs with the same secrets. */
function serverConfig(args: CliArgs): Config {
  const env = { ...process.env, ...(args.dataDir ? { DATA_DIR: args.dataDir } : {}) };
  return loadConfig(withDemoChannels(env));
}

async function main(argv: string[]): Promise<number> {
  const parsed = parseCliArgs(argv);
  if (!parsed.ok) {
    console.error(`${parsed.message}\n\n${usage}`);
    return 2;
  }
  const { args } = parsed;
  if (args.help) {
    console.log(usage);
    return 0;
  }
  let config: Config;
  try {
    config = serverConfig(args);
  } catch (error) {
    console.error((error as Error).message);
    return 2;
  }
  // With --json, stdout carries only the JSON line, so a script can read it as is.
  const say = args.json ? (line: string) => console.error(line) : (line: string) => console.log(line);
  const stop = new AbortController();
  process.once('SIGINT', () => {
    say('\nSIGINT: no new appeals; waiting for those in flight…');
    stop.abort();
  });
  const seed = args.seed ?? randomSeed();
  const url = args.url ?? `http://localhost:${config.port}`;
  say(`Simulating ${args.rate}/s for ${args.durationSeconds} s against ${url}, seed ${seed}…`);
  try {
    const report = await simulate({
      url,
      publicUrl: signingUrl(args, process.env, config.publicUrl),
      rate: args.rate,
      durationSeconds: args.durationSeconds,
      seed,
      maxInFlight: args.maxInFlight,
      twilio: config.twilio && {
        accountSid: config.twilio.accountSid,
        authToken: config.twilio.authToken,
        phoneNumber: config.twilio.phoneNumber ?? '+8657112345',
      },
      wechat: config.wechat && { token: config.wechat.token, appId: config.wechat.appId, aesKey: config.wechat.aesKey },
      onProgress: (p) => say(formatProgress(p)),
      onNote: (note) => say(`note: ${note}`),
      signal: stop.signal,
    });
    say(formatReport(report));
    if (args.json) console.log(JSON.stringify(report));
    return report.errors > 0 ? 1 : 0;
  } catch (error) {
    if (!(error instanceof SimulatorSetupError)) throw error;
    console.error(error.message);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
