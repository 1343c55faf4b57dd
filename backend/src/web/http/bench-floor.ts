import { Hono } from 'hono';
import type { AppEnv } from './router.ts';
import { recordAudit } from '../../platform/audit/record.ts';

/**
 * The ingest benchmark's floor: the cheapest useful write this server can do (one audit row), on the
 * same HTTP stack and connection pool as the webhooks, so `pipeline / floor` shows what intake costs.
 * Mounted only when HOTLINE_BENCH_FLOOR=1.
 */
export function benchFloorRoutes() {
  return new Hono<AppEnv>().post('/bench/floor', async (c) => {
    await recordAudit(c.var.deps.db, { type: 'system' }, { action: 'bench.floor', entityType: 'bench', entityId: 'floor' });
    return c.text('ok');
  });
}
