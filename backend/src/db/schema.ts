/** Every table, gathered for the drizzle client and drizzle-kit. Each domain folder owns its own. */
export * from './columns.ts';
export * from '../territory/schema.ts';
export * from '../departments/schema.ts';
export * from '../taxonomy/schema.ts';
export * from '../auth/schema.ts';
export * from '../contacts/schema.ts';
export * from '../intake/schema.ts';
export * from '../appeals/schema.ts';
export * from '../audit/schema.ts';
export * from '../calls/schema.ts';
export * from '../nlp/schema.ts';
export * from '../routing/schema.ts';
export * from '../knowledge/schema.ts';
export * from '../events/schema.ts';
export * from '../outbound-webhooks/schema.ts';
export * from '../http/schema.ts';
