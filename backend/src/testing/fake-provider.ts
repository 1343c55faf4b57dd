import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CapturedRequest {
  method: string;
  /** Path and query, e.g. `/cgi-bin/token?grant_type=client_credential&…`. */
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
  /** The body parsed as a form or JSON when it is one. */
  form?: URLSearchParams;
  json?: unknown;
}

export type FakeReply = { status?: number; json: unknown };
export type FakeRoute = (request: CapturedRequest) => FakeReply | undefined;

/**
 * A provider API (Twilio REST, WeChat) on loopback. Outbound calls made through the real SDKs
 * land here: tests read `requests` and choose the answers with `routes` (first match wins).
 */
export async function startFakeProvider(routes: FakeRoute[] = []) {
  const requests: CapturedRequest[] = [];
  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const type = req.headers['content-type'] ?? '';
    const request: CapturedRequest = {
      method: req.method ?? 'GET',
      url: req.url ?? '/',
      headers: req.headers,
      body,
      form: type.includes('application/x-www-form-urlencoded') ? new URLSearchParams(body) : undefined,
      json: type.includes('json') && body ? JSON.parse(body) : undefined,
    };
    requests.push(request);
    const reply = routes.map((route) => route(request)).find(Boolean) ?? {
      status: 404,
      json: { message: `fake provider: no route for ${request.method} ${request.url}` },
    };
    res.writeHead(reply.status ?? 200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(reply.json));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    routes,
    /** Resolves when a request matching `match` has arrived (it may have already). */
    async waitFor(match: (r: CapturedRequest) => boolean, timeoutMs = 5_000): Promise<CapturedRequest> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = requests.find(match);
        if (found) return found;
        if (Date.now() > deadline)
          throw new Error(`fake provider: no matching request within ${timeoutMs} ms; got ${requests.map((r) => `${r.method} ${r.url}`).join(', ') || 'none'}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type FakeProvider = Awaited<ReturnType<typeof startFakeProvider>>;
