import { asc } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/index.ts';
import { type LonLat, boundingBox, polygonContains } from '@hotline/nlp';
import { type TerritoryUnit, territoryUnits } from './schema.ts';

/**
 * The territory held in memory: a few hundred polygons at most, read on every appeal with a point.
 * Territory data is reference data loaded at start.
 */
export class Territory {
  private constructor(readonly units: readonly TerritoryUnit[]) {}

  /** The territory as stored now. */
  static async load(db: DbOrTx): Promise<Territory> {
    return new Territory(await db.select().from(territoryUnits).orderBy(asc(territoryUnits.code)));
  }

  /** The one grid containing the point, or undefined when it lies outside every grid. */
  locateGrid(point: LonLat): TerritoryUnit | undefined {
    return this.units.find((u) => u.level === 'grid' && polygonContains(u.boundary, point));
  }

  /** The chain grid → community → street → district, for display. */
  ancestry(code: string): TerritoryUnit[] {
    const chain: TerritoryUnit[] = [];
    let unit = this.units.find((u) => u.code === code);
    while (unit) {
      chain.unshift(unit);
      unit = unit.parentCode ? this.units.find((u) => u.code === unit!.parentCode) : undefined;
    }
    return chain;
  }

  bounds() {
    const districts = this.units.filter((u) => u.level === 'district');
    return districts.length ? boundingBox(districts[0]!.boundary) : undefined;
  }
}
