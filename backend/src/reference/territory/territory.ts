import { asc } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/index.ts';
import { type LonLat, type TerritoryPlaces, boundingBox, polygonContains, roadFrom } from '@hotline/nlp';
import { type TerritoryPlace, type TerritoryUnit, territoryPlaces, territoryUnits } from './schema.ts';

/**
 * The territory held in memory: a few hundred polygons and a few thousand places, read on every
 * appeal with a point. One object per process, shared by every reader; `refresh` swaps in what is
 * stored after an import, so readers see the new territory without a restart.
 */
export class Territory {
  #units: readonly TerritoryUnit[] = [];
  #places: readonly TerritoryPlace[] = [];
  #version = 0;

  private constructor() {}

  /** The territory as stored now. */
  static async load(db: DbOrTx): Promise<Territory> {
    const territory = new Territory();
    await territory.refresh(db);
    return territory;
  }

  /** Re-reads the stored territory (after an import, here or on another instance). */
  async refresh(db: DbOrTx): Promise<void> {
    const [units, places] = await Promise.all([
      db.select().from(territoryUnits).orderBy(asc(territoryUnits.code)),
      db.select().from(territoryPlaces).orderBy(asc(territoryPlaces.position)),
    ]);
    [this.#units, this.#places] = [units, places];
    this.#version++;
  }

  get units(): readonly TerritoryUnit[] {
    return this.#units;
  }

  /** Counts up on every refresh: what was built from an older version is stale. */
  get version(): number {
    return this.#version;
  }

  /** The roads, compounds, landmarks and buildings, as the NLP locator reads them. */
  places(): Required<TerritoryPlaces> {
    const places: Required<TerritoryPlaces> = { roads: [], compounds: [], landmarks: [], buildings: [] };
    for (const p of this.#places) {
      const aliases = p.aliases ?? undefined;
      if (p.geometry.type === 'Point')
        places[`${p.kind as 'compound' | 'landmark' | 'building'}s`].push({ name: p.name, aliases, point: p.geometry.coordinates });
      else
        places.roads.push(
          roadFrom({ kind: 'road', name: p.name, aliases, fromNumber: p.fromNumber ?? undefined, toNumber: p.toNumber ?? undefined }, p.geometry),
        );
    }
    return places;
  }

  /** The one grid containing the point, or undefined when it lies outside every grid. */
  locateGrid(point: LonLat): TerritoryUnit | undefined {
    return this.#units.find((u) => u.level === 'grid' && polygonContains(u.boundary, point));
  }

  /** The chain grid → community → street → district, for display. */
  ancestry(code: string): TerritoryUnit[] {
    const chain: TerritoryUnit[] = [];
    let unit = this.#units.find((u) => u.code === code);
    while (unit) {
      chain.unshift(unit);
      unit = unit.parentCode ? this.#units.find((u) => u.code === unit!.parentCode) : undefined;
    }
    return chain;
  }

  bounds() {
    const districts = this.#units.filter((u) => u.level === 'district');
    return districts.length ? boundingBox(districts[0]!.boundary) : undefined;
  }
}
