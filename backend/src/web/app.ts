import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import { bodyLimit } from 'hono/body-limit';
import { serveStatic } from '@hono/node-server/serve-static';
import type { AppDeps } from './http/index.ts';
import type { DatabaseKind } from '../platform/db/index.ts';
import { createRouter } from './http/index.ts';
import { ServiceError, handleError } from '../platform/errors/index.ts';
import { sameOriginWrites } from './http/index.ts';
import { createRateLimits } from './http/index.ts';
import { authenticate } from './http/index.ts';
import { authRoutes } from './routes/index.ts';
import { accountAdminRoutes } from './routes/index.ts';
import { appealRoutes } from './routes/index.ts';
import { publicAppealRoutes } from './routes/index.ts';
import { webIntakeRoutes } from './routes/index.ts';
import { attachmentRoutes } from './routes/index.ts';
import { territoryRoutes } from './routes/index.ts';
import { wechatWebhookRoutes } from './channels/index.ts';
import { twilioSmsRoutes } from './channels/index.ts';
import { twilioVoiceRoutes } from './channels/index.ts';
import { taxonomyRoutes } from './routes/index.ts';
import { statsRoutes } from './routes/index.ts';
import { routingRoutes } from './routes/index.ts';
import { knowledgeRoutes } from './routes/index.ts';
import { departmentRoutes } from './routes/index.ts';
import { EVENT_STEPS_PATH, eventRoutes } from './routes/index.ts';
import { assessmentRoutes } from './routes/index.ts';
import { recordRoutes } from './routes/index.ts';
import { open311Routes } from './routes/index.ts';
import { webhookDeliveryRoutes } from './routes/index.ts';
import { auditRoutes } from './routes/index.ts';
import type pg from 'pg';

export const consoleDist = fileURLToPath(new URL('../../../agent-console/dist', import.meta.url));

/** API and webhook bodies beyond this are refused before parsing; the photo upload route sets its own, larger limit. */
const BODY_LIMIT = 1024 * 1024;

export interface AppOptions {
  deps: AppDeps;
  dbKind: DatabaseKind;
  ping: () => Promise<void>;
  /** Serve the built console and citizen page (off in API tests). */
  serveConsole?: boolean;
  /** PostgreSQL's pool, where instances share rate-limit counters; absent on PGlite. */
  pool?: pg.Pool;
  /** Routes a harness adds beside the API (the ingest bench's floor); production adds none. */
  extraRoutes?: (app: ReturnType<typeof createRouter>) => void;
  /** Where the process is in its life, for `/readyz`; always ready when not told. */
  readiness?: () => Readiness;
}

/** `starting` until the process is warm, `stopping` once it is shutting down. */
export type Readiness = 'starting' | 'ready' | 'stopping';

/** The whole HTTP surface: API, OpenAPI document, health, and the built pages. */
export function createApp({ deps, dbKind, ping, serveConsole = true, pool, extraRoutes, readiness = () => 'ready' }: AppOptions) {
  const app = createRouter();
  app.onError(handleError);
  app.use(requestId());
  app.use(
    secureHeaders({
      // A route's own header stands: stored files are served with a stricter CSP (web/http/stored-file.ts).
      overwrite: false,
      crossOriginEmbedderPolicy: false,
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:', 'https:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        connectSrc: ["'self'", 'ws:', 'wss:'],
      },
    }),
  );
  app.use('*', async (c, next) => {
    c.set('deps', deps);
    await next();
  });
  const oneMegabyte = bodyLimit({
    maxSize: BODY_LIMIT,
    onError: () => {
      throw new ServiceError('payload_too_large', 'The request body is larger than 1 MB');
    },
  });
  // The photo upload routes and the territory file set their own, larger limits.
  const ownBodyLimit = (path: string) => path === '/api/public/appeals' || EVENT_STEPS_PATH.test(path) || path.startsWith('/api/admin/territory');
  app.use('/api/*', async (c, next) => (ownBodyLimit(c.req.path) ? next() : oneMegabyte(c, next)));
  app.use('/channels/*', oneMegabyte);
  app.use('/open311/*', oneMegabyte);
  app.use('/api/*', sameOriginWrites(deps.config.publicUrl));
  mountRateLimits(app, createRateLimits(deps.config.rateLimits, pool));
  app.use('/api/*', authenticate);

  // Readiness, for a load balancer: 503 until the process is warm (see warm-up.ts) and once it is shutting down.
  app.get('/readyz', async (c) => {
    const state = readiness();
    if (state !== 'ready') return c.json({ status: state }, 503);
    try {
      await ping();
      return c.json({ status: 'ready' as const }, 200);
    } catch {
      return c.json({ status: 'unavailable' as const }, 503);
    }
  });

  app.get('/healthz', async (c) => {
    try {
      await ping();
      return c.json({ status: 'ok' as const, db: dbKind, triageBacklog: deps.triage.backlog }, 200);
    } catch {
      return c.json({ status: 'unavailable' as const, db: dbKind }, 503);
    }
  });

  app.route('/', authRoutes());
  app.route('/', accountAdminRoutes());
  app.route('/', appealRoutes());
  app.route('/', publicAppealRoutes());
  app.route('/', webIntakeRoutes());
  app.route('/', attachmentRoutes());
  app.route('/', territoryRoutes());
  app.route('/', wechatWebhookRoutes());
  app.route('/', twilioSmsRoutes());
  app.route('/', twilioVoiceRoutes());
  app.route('/', taxonomyRoutes());
  app.route('/', statsRoutes());
  app.route('/', routingRoutes());
  app.route('/', knowledgeRoutes());
  app.route('/', departmentRoutes());
  app.route('/', eventRoutes());
  app.route('/', assessmentRoutes());
  app.route('/', recordRoutes());
  app.route('/', open311Routes());
  app.route('/', webhookDeliveryRoutes());
  app.route('/', auditRoutes());

  extraRoutes?.(app);

  app.doc('/api/openapi.json', {
    openapi: '3.0.3',
    info: { title: 'Hotline API', version: '0.1.0', description: 'One-number citizen hotline: intake, pre-acceptance queue, agent actions.' },
  });
  app.all('/api/*', (c) => c.json({ error: { code: 'not_found', message: `No route ${c.req.method} ${c.req.path}`, requestId: c.var.requestId } }, 404));

  if (serveConsole) mountPages(app);
  return app;
}

/** Before any route reads or writes: public writes, case lookups, staff login and Open311 filings. Provider webhooks stay unlimited. */
function mountRateLimits(app: ReturnType<typeof createRouter>, limits: ReturnType<typeof createRateLimits>) {
  app.post('/api/public/*', limits.publicWrites);
  app.get('/api/public/appeals/:caseNumber', limits.caseLookups);
  app.post('/api/auth/login', limits.logins);
  app.on('POST', ['/open311/v2/requests.json', '/open311/v2/requests.xml'], limits.open311Filings);
}

/** `/` is the citizen page, `/console/` the agent console: both built by Vite into agent-console/dist. */
function mountPages(app: ReturnType<typeof createRouter>) {
  if (!existsSync(path.join(consoleDist, 'index.html'))) {
    app.get('*', (c) => c.text('The pages are not built yet: run `npm run build` (npm start does it for you).', 503));
    return;
  }
  app.use('/*', serveStatic({ root: consoleDist }));
  app.get('/console/*', serveStatic({ path: path.join(consoleDist, 'console/index.html') }));
  app.get('/console', (c) => c.redirect('/console/'));
}
