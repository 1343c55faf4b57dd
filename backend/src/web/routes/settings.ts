import { createRoute, z } from '@hono/zod-openapi';
import { type Channel, channels, inputText } from '@hotline/channels';
import { createRouter, errorResponses } from '../http/index.ts';
import { actorOf } from '../http/index.ts';
import { requireRole } from '../http/index.ts';
import type { AppCtx } from '../http/index.ts';
import { settingsOf, settingsSchema, updateSettings } from '../../platform/settings/index.ts';
import { channelActivity } from '../../messaging/index.ts';
import { SERVICE_HOURS_PATTERN } from '../../platform/config/index.ts';

const tags = ['admin'];
const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });

const channelStatusSchema = z.object({
  channel: z.enum(channels),
  configured: z.boolean(),
  lastInboundAt: z.iso.datetime().nullable(),
  lastDeliveryError: z.object({ at: z.iso.datetime(), error: z.string() }).nullable(),
});

const settingsViewSchema = z
  .object({
    settings: settingsSchema.openapi('RuntimeSettings'),
    /** The environment's values: what a setting falls back to. */
    defaults: settingsSchema,
    channels: z.array(channelStatusSchema),
  })
  .openapi('SettingsView');
export type SettingsView = z.infer<typeof settingsViewSchema>;

/** The patch: every setting optional; the service hours as a plain-text input like every string. */
const patchSchema = settingsSchema
  .extend({ serviceHours: inputText().regex(SERVICE_HOURS_PATTERN, 'must be HH:MM-HH:MM, e.g. 08:30-17:30') })
  .partial()
  .strict();

const getRoute = createRoute({
  method: 'get',
  path: '/api/admin/settings',
  tags,
  summary: 'Runtime settings (运行参数) with their environment defaults, and each channel’s status (no secrets)',
  description: 'Supervisors read them too (the wall’s thresholds are theirs to know); only admins change them.',
  middleware: [requireRole('admin', 'supervisor')],
  responses: { 200: { description: 'The settings', content: json(settingsViewSchema) }, ...errorResponses(401, 403) },
});

const patchRoute = createRoute({
  method: 'patch',
  path: '/api/admin/settings',
  tags,
  summary: 'Change runtime settings: stored, audited, and in effect on every instance without a restart (admins)',
  middleware: [requireRole('admin')],
  request: { body: { required: true, content: json(patchSchema) } },
  responses: { 200: { description: 'The settings now', content: json(settingsViewSchema) }, ...errorResponses(400, 401, 403) },
});

/** Which channels have credentials (never the credentials), and how each has fared lately. */
async function channelStatuses(ctx: AppCtx) {
  const activity = await channelActivity(ctx.db);
  const configured: Record<Channel, boolean> = {
    web: true,
    sms: Boolean(ctx.config.twilio),
    voice: Boolean(ctx.config.twilio),
    wechat: Boolean(ctx.config.wechat),
  };
  return channels.map((channel) => ({
    channel,
    configured: configured[channel],
    ...(activity.get(channel) ?? { lastInboundAt: null, lastDeliveryError: null }),
  }));
}

async function view(ctx: AppCtx): Promise<SettingsView> {
  return { settings: settingsOf(ctx.config), defaults: ctx.settings.defaults, channels: await channelStatuses(ctx) };
}

export function settingsRoutes() {
  return createRouter()
    .openapi(getRoute, async (c) => c.json(await view(actorOf(c)), 200))
    .openapi(patchRoute, async (c) => {
      const ctx = actorOf(c);
      await updateSettings(ctx, c.req.valid('json'));
      // This instance answers with the new values; `settings.changed` brings the others along.
      await ctx.settings.reload();
      return c.json(await view(ctx), 200);
    });
}
