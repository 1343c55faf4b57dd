import { z } from 'zod';
import { inputText } from '@hotline/channels';
import type { TerritoryFeature, TerritoryFeatureCollection, UnitKind } from '@hotline/nlp';
import { type TerritoryIssue, checkTerritoryShapes } from './shapes.ts';

export type { TerritoryIssue };

/**
 * The territory file: a GeoJSON FeatureCollection (RFC 7946, WGS 84 longitude/latitude) of units
 * (Polygon/MultiPolygon: district, street, community, grid), roads (LineString/MultiLineString)
 * and points (compound, landmark, building). Validated feature by feature so every error names
 * the feature's index, its code or name, and the reason.
 */
export const MAX_TERRITORY_FEATURES = 50_000;
/** Larger than the API's usual 1 MB: a city's grids and roads run to a few megabytes. */
export const MAX_TERRITORY_BYTES = 20 * 1024 * 1024;

const UNIT_KINDS = ['district', 'street', 'community', 'grid'] as const;
const POINT_KINDS = ['compound', 'landmark', 'building'] as const;
export const FEATURE_KINDS = [...UNIT_KINDS, 'road', ...POINT_KINDS] as const;

const name = inputText().trim().min(1).max(100);
const code = inputText()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'letters, digits, . _ - (e.g. QH-01-02)');
const aliases = z.array(name).max(20).optional();
const position = z
  .array(z.number().finite())
  .min(2)
  .max(3, 'a position is [longitude, latitude] or [longitude, latitude, altitude]')
  .refine(([lon, lat]) => lon! >= -180 && lon! <= 180 && lat! >= -90 && lat! <= 90, 'longitude must be within ±180 and latitude within ±90')
  .transform(([lon, lat]) => [lon!, lat!] as [number, number]);
const ring = z.array(position).min(4, 'a ring has at least 4 positions');
const polygon = z.object({ type: z.literal('Polygon'), coordinates: z.array(ring).min(1).max(1000) });
const multiPolygon = z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(ring).min(1)).min(1).max(1000) });
const line = z.array(position).min(2, 'a line has at least 2 positions');
const lineGeometry = z.discriminatedUnion('type', [
  z.object({ type: z.literal('LineString'), coordinates: line }),
  z.object({ type: z.literal('MultiLineString'), coordinates: z.array(line).min(1) }),
]);
const houseNumber = z.number().int().min(0).max(100_000);

const unitFeature = z.object({
  type: z.literal('Feature'),
  properties: z.object({ kind: z.enum(UNIT_KINDS), code, name, nameEn: name.optional(), parentCode: code.nullable() }),
  geometry: z.discriminatedUnion('type', [polygon, multiPolygon]),
});
const roadFeature = z.object({
  type: z.literal('Feature'),
  properties: z
    .object({ kind: z.literal('road'), name, aliases, fromNumber: houseNumber.optional(), toNumber: houseNumber.optional() })
    .refine((p) => (p.fromNumber ?? 1) < (p.toNumber ?? Infinity), { message: 'fromNumber must be below toNumber', path: ['toNumber'] }),
  geometry: lineGeometry,
});
const pointFeature = z.object({
  type: z.literal('Feature'),
  properties: z.object({ kind: z.enum(POINT_KINDS), name, aliases }),
  geometry: z.object({ type: z.literal('Point'), coordinates: position }),
});

/** Only the envelope: each feature is read on its own below, so one bad feature does not hide the others' errors. */
export const territoryFileSchema = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(z.unknown()).min(1).max(MAX_TERRITORY_FEATURES),
});

const schemaFor = (kind: unknown) =>
  (UNIT_KINDS as readonly unknown[]).includes(kind)
    ? unitFeature
    : kind === 'road'
      ? roadFeature
      : (POINT_KINDS as readonly unknown[]).includes(kind)
        ? pointFeature
        : undefined;

const labelOf = (feature: unknown): string | null => {
  const p = (feature as { properties?: { code?: unknown; name?: unknown } } | null)?.properties;
  const label = typeof p?.code === 'string' ? p.code : typeof p?.name === 'string' ? p.name : null;
  return label === null ? null : label.slice(0, 64);
};

/** Each feature by the schema of its kind. */
function readFeatures(features: unknown[]): { features: TerritoryFeature[]; issues: TerritoryIssue[] } {
  const read: TerritoryFeature[] = [];
  const issues: TerritoryIssue[] = [];
  features.forEach((feature, index) => {
    const kind = (feature as { properties?: { kind?: unknown } } | null)?.properties?.kind;
    const schema = schemaFor(kind);
    if (!schema) {
      issues.push({ index, code: labelOf(feature), reason: `properties.kind: must be one of ${FEATURE_KINDS.join(', ')}` });
      return;
    }
    const parsed = schema.safeParse(feature);
    if (parsed.success) read.push(parsed.data as TerritoryFeature);
    else for (const issue of parsed.error.issues) issues.push({ index, code: labelOf(feature), reason: `${issue.path.join('.')}: ${issue.message}` });
  });
  return { features: read, issues };
}

const LEVEL_ABOVE: Record<UnitKind, UnitKind | null> = { district: null, street: 'district', community: 'street', grid: 'community' };

/** Unique codes, parents that exist one level up, and the district alone without a parent. */
function checkHierarchy(features: TerritoryFeature[]): TerritoryIssue[] {
  const issues: TerritoryIssue[] = [];
  const units = new Map<string, { kind: UnitKind; index: number }>();
  features.forEach((f, index) => {
    const p = f.properties;
    if (!('code' in p)) return;
    if (units.has(p.code)) issues.push({ index, code: p.code, reason: `code ${p.code} is used twice (also by feature ${units.get(p.code)!.index})` });
    else units.set(p.code, { kind: p.kind, index });
  });
  features.forEach((f, index) => {
    const p = f.properties;
    if (!('code' in p)) return;
    const above = LEVEL_ABOVE[p.kind];
    if (above === null) {
      if (p.parentCode !== null) issues.push({ index, code: p.code, reason: 'a district has parentCode null' });
      return;
    }
    const parent = p.parentCode === null ? undefined : units.get(p.parentCode);
    if (!parent) issues.push({ index, code: p.code, reason: `parentCode: the ${above} ${p.parentCode ?? '(null)'} does not exist` });
    else if (parent.kind !== above)
      issues.push({ index, code: p.code, reason: `parentCode: a ${p.kind} belongs to a ${above}, but ${p.parentCode} is a ${parent.kind}` });
  });
  if (![...units.values()].some((u) => u.kind === 'district')) issues.push({ index: null, code: null, reason: 'the territory has no district' });
  return issues;
}

export type TerritoryValidation = { ok: true; collection: TerritoryFeatureCollection } | { ok: false; issues: TerritoryIssue[] };

/** Reads and checks a territory file: its schema, its hierarchy, then its shapes (closed rings, grids within and apart). */
export function validateTerritory(input: unknown): TerritoryValidation {
  const envelope = territoryFileSchema.safeParse(input);
  if (!envelope.success)
    return { ok: false, issues: envelope.error.issues.map((i) => ({ index: null, code: null, reason: `${i.path.join('.') || 'body'}: ${i.message}` })) };
  const { features, issues } = readFeatures(envelope.data.features);
  if (issues.length) return { ok: false, issues };
  const more = [...checkHierarchy(features), ...checkTerritoryShapes(features)];
  return more.length ? { ok: false, issues: more } : { ok: true, collection: { type: 'FeatureCollection', features } };
}
