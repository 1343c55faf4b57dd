/**
 * The server `npm run bench -- ingest` loads: `npm start`'s server (no pages) plus the floor route,
 * POST /bench/floor, the cheapest useful write (one audit row) on the same HTTP stack and connection
 * pool as the webhooks, so `pipeline / floor` shows what intake costs. Production code has no such route.
 */
import { loadConfig } from '../backend/src/platform/config/index.ts';
import { recordAudit } from '../backend/src/platform/audit/index.ts';
import { startServer } from '../backend/src/server.ts';

const server = await startServer({
  config: loadConfig(process.env),
  serveConsole: false,
  extraRoutes: (app) =>
    app.post('/bench/floor', async (c) => {
      await recordAudit(c.var.deps.db, { type: 'system' }, { action: 'bench.floor', entityType: 'bench', entityId: 'floor' });
      return c.text('ok');
    }),
});

process.once('SIGTERM', () => void server.close().then(() => process.exit(0)));
