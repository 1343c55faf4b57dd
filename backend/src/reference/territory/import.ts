import { asc } from 'drizzle-orm';
import { centerOf, type GeoJsonArea, type LineGeometry, type TerritoryFeature, type TerritoryFeatureCollection } from '@hotline/nlp';
import type { Db, DbOrTx, Tx } from '../../platform/db/index.ts';
import { type ActorRef, transact } from '../../platform/context/index.ts';
import type { DomainEventBus } from '../../platform/domain-events/index.ts';
import { ServiceError } from '../../platform/errors/index.ts';
import { recordAudit } from '../../platform/audit/index.ts';
import { type TerritoryIssue, validateTerritory } from './geojson.ts';
import { territoryPlaces, territoryUnits } from './schema.ts';

/** What a territory file holds: administrative units, roads, and the compounds, landmarks and buildings. */
export interface TerritoryCounts {
  units: number;
  roads: number;
  places: number;
}

const BATCH = 1000;

/** The counts of a (validated) territory file. */
export function countTerritory(collection: TerritoryFeatureCollection): TerritoryCounts {
  const counts = { units: 0, roads: 0, places: 0 };
  for (const { properties: p } of collection.features) counts['code' in p ? 'units' : p.kind === 'road' ? 'roads' : 'places']++;
  return counts;
}

/**
 * Replaces the territory with a validated file, in the caller's transaction, and audits it. Appeals
 * keep the codes they were filed with: nothing refers to a unit row.
 */
export async function importTerritory(tx: Tx, actor: ActorRef, collection: TerritoryFeatureCollection): Promise<TerritoryCounts> {
  const before = await tx.$count(territoryUnits);
  const units: (typeof territoryUnits.$inferInsert)[] = [];
  const places: (typeof territoryPlaces.$inferInsert)[] = [];
  collection.features.forEach((feature, position) => {
    const p = feature.properties;
    if ('code' in p) {
      const boundary = feature.geometry as GeoJsonArea;
      units.push({ code: p.code, level: p.kind, name: p.name, nameEn: p.nameEn ?? '', parentCode: p.parentCode, boundary, ...centerOf(boundary), position });
    } else {
      const road = p.kind === 'road' ? p : undefined;
      const geometry = feature.geometry as LineGeometry | { type: 'Point'; coordinates: [number, number] };
      places.push({
        position,
        kind: p.kind,
        name: p.name,
        aliases: p.aliases ?? null,
        geometry,
        fromNumber: road?.fromNumber ?? null,
        toNumber: road?.toNumber ?? null,
      });
    }
  });
  await tx.delete(territoryPlaces);
  await tx.delete(territoryUnits);
  for (let i = 0; i < units.length; i += BATCH) await tx.insert(territoryUnits).values(units.slice(i, i + BATCH));
  for (let i = 0; i < places.length; i += BATCH) await tx.insert(territoryPlaces).values(places.slice(i, i + BATCH));
  const counts = countTerritory(collection);
  const district = units.find((u) => u.level === 'district')!;
  await recordAudit(tx, actor, { action: 'territory.imported', entityType: 'territory', entityId: district.code, before: { units: before }, after: counts });
  return counts;
}

/** The stored territory in the file format it was imported in, features in the file's order: an import of it changes nothing. */
export async function exportTerritory(db: DbOrTx): Promise<TerritoryFeatureCollection> {
  const [units, places] = await Promise.all([
    db.select().from(territoryUnits).orderBy(asc(territoryUnits.position), asc(territoryUnits.code)),
    db.select().from(territoryPlaces).orderBy(asc(territoryPlaces.position)),
  ]);
  const features: { position: number; feature: TerritoryFeature }[] = [
    ...units.map((u) => ({
      position: u.position,
      feature: {
        type: 'Feature' as const,
        properties: { kind: u.level, code: u.code, name: u.name, ...(u.nameEn ? { nameEn: u.nameEn } : {}), parentCode: u.parentCode },
        geometry: u.boundary,
      },
    })),
    ...places.map((p) => ({ position: p.position, feature: placeFeature(p) })),
  ];
  return { type: 'FeatureCollection', features: features.sort((a, b) => a.position - b.position).map((f) => f.feature) };
}

function placeFeature(p: typeof territoryPlaces.$inferSelect): TerritoryFeature {
  const aliases = p.aliases ? { aliases: p.aliases } : {};
  if (p.kind === 'road') {
    const numbers = { ...(p.fromNumber !== null ? { fromNumber: p.fromNumber } : {}), ...(p.toNumber !== null ? { toNumber: p.toNumber } : {}) };
    return { type: 'Feature', properties: { kind: 'road', name: p.name, ...aliases, ...numbers }, geometry: p.geometry as LineGeometry };
  }
  return { type: 'Feature', properties: { kind: p.kind, name: p.name, ...aliases }, geometry: p.geometry as { type: 'Point'; coordinates: [number, number] } };
}

/** The file as the shipped ones are written: one feature per line, so a diff shows which feature changed. */
export function formatTerritoryFile(collection: TerritoryFeatureCollection): string {
  const lines = collection.features.map((f) => `    ${JSON.stringify(f)}`);
  return `{\n  "type": "FeatureCollection",\n  "features": [\n${lines.join(',\n')}\n  ]\n}\n`;
}

/** Issues in one line each: `features[3] (QH-01-02): parentCode: …`. */
export function describeIssues(issues: TerritoryIssue[]): string[] {
  return issues.map((i) => `${i.index === null ? 'file' : `features[${i.index}]`}${i.code ? ` (${i.code})` : ''}: ${i.reason}`);
}

/** The errors a client sees at once in the message; all of them are in `details.issues`. */
const ISSUES_IN_MESSAGE = 3;

/**
 * Imports a territory file: validated whole, then written in one transaction (nothing changes on
 * any error), audited, and announced so every instance rebuilds its locator and maps.
 */
export async function replaceTerritory({ ctx, input }: { ctx: TerritoryCtx; input: unknown }): Promise<TerritoryCounts> {
  const checked = validateTerritory(input);
  if (!checked.ok) {
    const lines = describeIssues(checked.issues);
    const more = lines.length > ISSUES_IN_MESSAGE ? ` (and ${lines.length - ISSUES_IN_MESSAGE} more)` : '';
    throw new ServiceError('invalid_request', `The territory file is invalid: ${lines.slice(0, ISSUES_IN_MESSAGE).join('; ')}${more}`, {
      issues: checked.issues,
    });
  }
  return transact(ctx, async (tx, publish) => {
    const counts = await importTerritory(tx.db, ctx.actor, checked.collection);
    publish({ name: 'territory.changed', payload: { counts } });
    return counts;
  });
}

/** A dry run: what an import of the file would say, with nothing written. */
export function checkTerritory(input: unknown): { valid: boolean; issues: TerritoryIssue[]; counts: TerritoryCounts | null } {
  const checked = validateTerritory(input);
  return checked.ok ? { valid: true, issues: [], counts: countTerritory(checked.collection) } : { valid: false, issues: checked.issues, counts: null };
}

export interface TerritoryCtx {
  db: Db;
  domainEvents: DomainEventBus;
  actor: ActorRef;
}
