import { doublePrecision, index, jsonb, pgEnum, pgTable, text } from 'drizzle-orm/pg-core';
import type { GeoJsonPolygon } from '@hotline/nlp';

export const territoryLevelEnum = pgEnum('territory_level', ['district', 'street', 'community', 'grid']);

/**
 * The administrative hierarchy (区 → 街道 → 社区 → 网格) in one table: routing and statistics
 * walk it by `parentCode`; every unit carries its GeoJSON boundary so a point resolves to one grid.
 */
export const territoryUnits = pgTable(
  'territory_units',
  {
    code: text('code').primaryKey(),
    level: territoryLevelEnum('level').notNull(),
    name: text('name').notNull(),
    nameEn: text('name_en').notNull(),
    parentCode: text('parent_code'),
    boundary: jsonb('boundary').$type<GeoJsonPolygon>().notNull(),
    centerLongitude: doublePrecision('center_longitude').notNull(),
    centerLatitude: doublePrecision('center_latitude').notNull(),
  },
  (t) => [index('territory_units_parent_idx').on(t.parentCode), index('territory_units_level_idx').on(t.level)],
);

export type TerritoryUnit = typeof territoryUnits.$inferSelect;
