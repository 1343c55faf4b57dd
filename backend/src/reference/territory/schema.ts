import { doublePrecision, index, integer, jsonb, pgEnum, pgTable, text } from 'drizzle-orm/pg-core';
import type { GeoJsonArea, LineGeometry } from '@hotline/nlp';

export const territoryLevelEnum = pgEnum('territory_level', ['district', 'street', 'community', 'grid']);

/**
 * The administrative hierarchy (区 → 街道 → 社区 → 网格) in one table: routing and statistics
 * walk it by `parentCode`; every unit carries its GeoJSON boundary so a point resolves to one grid.
 * `position` is the unit's place in the imported file, so an export gives the file back.
 */
export const territoryUnits = pgTable(
  'territory_units',
  {
    code: text('code').primaryKey(),
    level: territoryLevelEnum('level').notNull(),
    name: text('name').notNull(),
    /** Empty when the file gave none. */
    nameEn: text('name_en').notNull(),
    parentCode: text('parent_code'),
    boundary: jsonb('boundary').$type<GeoJsonArea>().notNull(),
    centerLongitude: doublePrecision('center_longitude').notNull(),
    centerLatitude: doublePrecision('center_latitude').notNull(),
    position: integer('position').notNull().default(0),
  },
  (t) => [index('territory_units_parent_idx').on(t.parentCode), index('territory_units_level_idx').on(t.level)],
);

export type TerritoryUnit = typeof territoryUnits.$inferSelect;

export const territoryPlaceKindEnum = pgEnum('territory_place_kind', ['road', 'compound', 'landmark', 'building']);

/**
 * The address base: roads (house numbers from `fromNumber` at the line's first coordinate to
 * `toNumber` at its last), compounds (小区, village groups), landmarks and numbered buildings.
 * The locator reads appeals against them; `position` keeps the imported file's order.
 */
export const territoryPlaces = pgTable('territory_places', {
  position: integer('position').primaryKey(),
  kind: territoryPlaceKindEnum('kind').notNull(),
  name: text('name').notNull(),
  aliases: jsonb('aliases').$type<string[]>(),
  geometry: jsonb('geometry').$type<LineGeometry | { type: 'Point'; coordinates: [number, number] }>().notNull(),
  fromNumber: integer('from_number'),
  toNumber: integer('to_number'),
});

export type TerritoryPlace = typeof territoryPlaces.$inferSelect;
