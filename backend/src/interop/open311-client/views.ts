import { z } from '@hono/zod-openapi';
import { inputText } from '@hotline/channels';

const code = inputText().trim().min(1).max(100);

/** What an admin sets for a department with its own Open311 system (`PUT /api/admin/departments/{id}/open311`). */
export const open311SettingsInputSchema = z
  .object({
    enabled: z.boolean(),
    baseUrl: z
      .url({ protocol: /^https?$/, error: 'baseUrl must be an http(s) URL' })
      .max(500)
      .transform((url) => url.replace(/\/+$/, '')),
    /** Left out to keep the stored key. */
    apiKey: inputText().trim().min(1).max(200).optional(),
    jurisdictionId: inputText().trim().max(200).nullable().optional(),
    serviceCodes: z.record(code, code).default({}),
    pollIntervalSeconds: z.number().int().min(10).max(86_400).default(300),
  })
  .openapi('Open311DepartmentSettingsInput');
export type Open311SettingsInput = z.infer<typeof open311SettingsInputSchema>;

export const open311DispatchViewSchema = z.object({
  eventId: z.string(),
  caseNumber: z.string().nullable(),
  serviceRequestId: z.string().nullable().openapi({ description: 'The id the department’s system gave the request, once it answered' }),
  status: z.enum(['pending', 'delivered', 'failed']),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
});

export const open311SettingsViewSchema = z
  .object({
    departmentCode: z.string(),
    configured: z.boolean(),
    enabled: z.boolean(),
    baseUrl: z.string().nullable(),
    /** Only its last four characters: the key is a credential of another system. */
    apiKeyHint: z.string().nullable(),
    jurisdictionId: z.string().nullable(),
    serviceCodes: z.record(z.string(), z.string()),
    pollIntervalSeconds: z.number().int(),
    lastPolledAt: z.string().nullable(),
    lastPollError: z.string().nullable(),
    /** The latest requests sent there, with their delivery state: failures show here. */
    recentDispatches: z.array(open311DispatchViewSchema),
  })
  .openapi('Open311DepartmentSettings');
export type Open311SettingsView = z.infer<typeof open311SettingsViewSchema>;
