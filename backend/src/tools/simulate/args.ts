import { parseArgs } from 'node:util';
import { z } from 'zod';

export const usage = `Usage: npm run simulate -- [options]

Plays citizens on every channel (Twilio SMS and voice, WeChat, the web form) against a running
hotline, through the real protocols, and reports errors and acknowledgement latency.

  --url URL            where to send requests          (default http://localhost:$PORT, PORT as the server reads it)
  --public-url URL     the server's PUBLIC_URL, which Twilio signatures cover (default: PUBLIC_URL, else localhost on the --url port, as a server on that port signs)
  --rate N             appeals started per second      (default 2)
  --duration SECONDS   how long to keep starting them  (default 30)
  --data-dir DIR       the embedded demo's DATA_DIR, whose demo-channels.json holds the credentials (default ./data)
  --seed N             replay the same traffic         (default: random, printed)
  --max-in-flight N    cap on appeals in progress at once (default 64)
  --json               print the summary as one JSON object on the last line of stdout (the rest goes to stderr)
  --help               this text

Credentials come from TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_PHONE_NUMBER, WECHAT_TOKEN,
WECHAT_APPID, WECHAT_AES_KEY as for the server, or from the embedded demo's generated ones.
Exit code: 0 all answered correctly, 1 any request failed (or the server is unreachable), 2 bad arguments.`;

const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });

const argsSchema = z.object({
  url: httpUrl.optional(),
  'public-url': httpUrl.optional(),
  rate: z.coerce.number().positive().max(10_000).default(2),
  duration: z.coerce.number().positive().max(86_400).default(30),
  'data-dir': z.string().min(1).optional(),
  seed: z.coerce
    .number()
    .int()
    .min(0)
    .max(2 ** 32 - 1)
    .optional(),
  'max-in-flight': z.coerce.number().int().min(1).max(10_000).default(64),
  json: z.boolean().default(false),
  help: z.boolean().default(false),
});

export interface CliArgs {
  url?: string;
  publicUrl?: string;
  rate: number;
  durationSeconds: number;
  dataDir?: string;
  seed?: number;
  maxInFlight: number;
  json: boolean;
  help: boolean;
}

const options = {
  url: { type: 'string' },
  'public-url': { type: 'string' },
  rate: { type: 'string' },
  duration: { type: 'string' },
  'data-dir': { type: 'string' },
  seed: { type: 'string' },
  'max-in-flight': { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** The command line, checked; a message naming the bad option otherwise. */
export function parseCliArgs(argv: string[]): { ok: true; args: CliArgs } | { ok: false; message: string } {
  let values: Record<string, unknown>;
  try {
    ({ values } = parseArgs({ args: argv, options, strict: true, allowPositionals: false }));
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
  const parsed = argsSchema.safeParse(values);
  if (!parsed.success) return { ok: false, message: parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('\n') };
  const v = parsed.data;
  return {
    ok: true,
    args: {
      url: v.url,
      publicUrl: v['public-url'],
      rate: v.rate,
      durationSeconds: v.duration,
      dataDir: v['data-dir'],
      seed: v.seed,
      maxInFlight: v['max-in-flight'],
      json: v.json,
      help: v.help,
    },
  };
}

/**
 * The address the simulator signs webhooks for (signatures cover the server's PUBLIC_URL + path):
 * --public-url, else PUBLIC_URL as the server reads it; without either, the server signs for
 * `http://localhost:$PORT`, so a local --url is signed for localhost on the port given — no PORT needed.
 */
export function signingUrl(args: Pick<CliArgs, 'url' | 'publicUrl'>, env: { PUBLIC_URL?: string }, serverPublicUrl: string): string {
  if (args.publicUrl) return args.publicUrl;
  if (env.PUBLIC_URL || !args.url) return serverPublicUrl;
  const given = new URL(args.url);
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(given.hostname);
  return loopback ? `http://localhost:${given.port || (given.protocol === 'https:' ? 443 : 80)}` : given.origin;
}
