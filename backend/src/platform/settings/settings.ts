import { z } from 'zod';
import type { Config } from '../config/index.ts';
import { SERVICE_HOURS_PATTERN } from '../config/index.ts';
import type { ActorRef } from '../context/index.ts';
import { transact } from '../context/index.ts';
import type { Db, DbOrTx } from '../db/index.ts';
import type { DomainEventBus } from '../domain-events/index.ts';
import { recordAudit } from '../audit/index.ts';
import { ServiceError } from '../errors/index.ts';
import { runtimeSettings } from './schema.ts';

/** What an admin may change while the hotline runs; each has an environment variable as its default. */
export const settingsSchema = z.object({
  serviceHours: z.string().regex(SERVICE_HOURS_PATTERN, 'must be HH:MM-HH:MM, e.g. 08:30-17:30'),
  routingMode: z.enum(['auto', 'manual']),
  chatCapacity: z.number().int().min(1).max(50),
  callCapacity: z.number().int().min(0).max(10),
  serviceLevelTargetSeconds: z.number().int().min(1).max(86_400),
  warnWaitingCount: z.number().int().min(1).max(100_000),
  warnLongestWaitSeconds: z.number().int().min(1).max(86_400),
  slaFirstResponseSeconds: z.number().int().min(1).max(604_800),
});
export type RuntimeSettings = z.infer<typeof settingsSchema>;
export type SettingKey = keyof RuntimeSettings;
const KEYS = Object.keys(settingsSchema.shape) as SettingKey[];

/** The settings as the configuration holds them now. */
export function settingsOf(config: Config): RuntimeSettings {
  return {
    serviceHours: config.serviceHours,
    routingMode: config.routing.mode,
    chatCapacity: config.routing.capacity.chats,
    callCapacity: config.routing.capacity.calls,
    serviceLevelTargetSeconds: config.wall.serviceLevelTargetSeconds,
    warnWaitingCount: config.wall.warnWaitingCount,
    warnLongestWaitSeconds: config.wall.warnLongestWaitSeconds,
    slaFirstResponseSeconds: config.wall.slaFirstResponseSeconds,
  };
}

/**
 * Writes settings into the configuration object every verb reads (`ctx.config` is this one object,
 * shared by reference), so the next request, routing pass or wall refresh uses them: no restart.
 */
function applyTo(config: Config, s: RuntimeSettings): void {
  config.serviceHours = s.serviceHours;
  config.routing.mode = s.routingMode;
  config.routing.capacity.chats = s.chatCapacity;
  config.routing.capacity.calls = s.callCapacity;
  Object.assign(config.wall, {
    serviceLevelTargetSeconds: s.serviceLevelTargetSeconds,
    warnWaitingCount: s.warnWaitingCount,
    warnLongestWaitSeconds: s.warnLongestWaitSeconds,
    slaFirstResponseSeconds: s.slaFirstResponseSeconds,
  });
}

/** Stored settings by key; a stored value that no longer validates (an older release's) is ignored. */
async function storedSettings(db: DbOrTx): Promise<Partial<RuntimeSettings>> {
  const rows = await db.select().from(runtimeSettings);
  const stored: Record<string, unknown> = {};
  for (const row of rows) {
    const field = settingsSchema.shape[row.key as SettingKey];
    const parsed = field?.safeParse(row.value);
    if (parsed?.success) stored[row.key] = parsed.data;
  }
  return stored as Partial<RuntimeSettings>;
}

/**
 * Keeps a configuration in step with the database: the environment's values are the defaults, the
 * stored settings override them. `reload` is called at start and whenever any instance changed them.
 */
export class LiveSettings {
  readonly #defaults: RuntimeSettings;

  constructor(
    private readonly db: Db,
    private readonly config: Config,
  ) {
    this.#defaults = settingsOf(config);
  }

  get defaults(): RuntimeSettings {
    return { ...this.#defaults };
  }

  async reload(): Promise<RuntimeSettings> {
    const effective = { ...this.#defaults, ...(await storedSettings(this.db)) };
    applyTo(this.config, effective);
    return effective;
  }
}

interface UpdateDeps {
  db: DbOrTx;
  domainEvents: DomainEventBus;
  config: Config;
  actor: ActorRef;
}

/** Stores the settings sent, audited with before and after; `settings.changed` tells every instance to reload. */
export async function updateSettings(ctx: UpdateDeps, patch: Partial<RuntimeSettings>): Promise<void> {
  const changed = KEYS.filter((key) => patch[key] !== undefined);
  if (!changed.length) throw new ServiceError('invalid_request', 'Send at least one setting');
  await transact(ctx, async (tx, publish) => {
    const before = settingsOf(ctx.config);
    for (const key of changed) {
      await tx.db
        .insert(runtimeSettings)
        .values({ key, value: patch[key] })
        .onConflictDoUpdate({ target: runtimeSettings.key, set: { value: patch[key], updatedAt: new Date() } });
    }
    const pick = (s: Partial<RuntimeSettings>) => Object.fromEntries(changed.map((k) => [k, s[k]]));
    await recordAudit(tx.db, tx.actor, { action: 'settings.updated', entityType: 'settings', entityId: 'runtime', before: pick(before), after: pick(patch) });
    publish({ name: 'settings.changed', payload: { keys: changed } });
  });
}
