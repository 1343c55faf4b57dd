/**
 * NLP for appeals: classify (type, category), locate (address → point → grid), grade urgency,
 * find duplicates, learn from agents' corrections, and summarise hot words and hot issues.
 * Pure, in-memory logic: the caller owns storage and events, and passes the territory it serves
 * (a `Locator`); nothing here knows a particular city. See README.md in this package.
 *
 * Intake calls `analyzer.analyze({ id, text, point, at })` once per new appeal, stores the
 * result, then `analyzer.track(...)` to make it a duplicate target while it is open.
 */
import type { LonLat } from './geometry.ts';
import type { Classification } from './classifier.ts';
import { NONE_LABEL } from './models.ts';
import { DuplicateIndex, type DuplicateMatch, type DuplicateOptions } from './dedup.ts';
import type { LocationResult, Locator } from './location.ts';
import type { ModelRegistry } from './registry.ts';
import { type UrgencyResult, gradeUrgency } from './urgency.ts';

export interface AppealInput {
  /** The appeal's id, to exclude it from its own duplicates. */
  id?: string;
  text: string;
  /** A point from the channel (GPS, map pick): wins over the address in the text. */
  point?: LonLat;
  at?: Date;
}

export interface AppealAnalysis {
  classification: Classification;
  location: LocationResult;
  urgency: UrgencyResult;
  /** Open appeals this one likely duplicates, best first (decision `attach` or `suggest`). */
  duplicates: DuplicateMatch[];
}

/**
 * One call per appeal: classification by the registry's live model, location, urgency,
 * duplicates among the tracked open appeals.
 */
export class AppealAnalyzer {
  readonly locator: Locator;
  readonly duplicates: DuplicateIndex;

  constructor(
    readonly registry: ModelRegistry,
    opts: { locator: Locator; duplicates?: Omit<DuplicateOptions, 'locator'> },
  ) {
    this.locator = opts.locator;
    this.duplicates = new DuplicateIndex({ locator: this.locator, ...opts.duplicates });
  }

  analyze(input: AppealInput): AppealAnalysis {
    const classification = this.registry.classify(input.text);
    const location = this.locator.locate(input.text, input.point);
    const category = classification.category.label;
    const urgency = gradeUrgency(input.text);
    const duplicates = this.duplicates.find({
      id: input.id,
      text: input.text,
      point: location.point,
      gridCode: location.gridCode,
      category: category === NONE_LABEL ? undefined : category,
      emergency: urgency.level === 'emergency',
      at: input.at ?? new Date(),
    });
    return { classification, location, urgency, duplicates };
  }

  /** Make an open appeal a duplicate target (call after storing it; again after an agent changes its category). */
  track(appeal: { id: string; text: string; point?: LonLat; gridCode?: string; category?: string; emergency?: boolean; at: Date }): void {
    this.duplicates.add(appeal);
  }

  /** Stop matching against an appeal that was closed, rejected or merged. */
  untrack(id: string): void {
    this.duplicates.remove(id);
  }
}
export { CORPUS_FILE } from './background.ts';
export { AppealClassifier, type Classification, type Example, type LabelPrediction, type ScoredLabel, type TrainOptions } from './classifier.ts';
export { readExamples } from './dataset.ts';
export { type DuplicateCandidate, DuplicateIndex, type DuplicateMatch, type DuplicateOptions, type DuplicateRecord, scorePair } from './dedup.ts';
export { buildGazetteer, DOMAIN_WORDS, type Gazetteer, type Place, type PointDef, type RoadDef, type TerritoryPlaces } from './gazetteer.ts';
export { boundingBox, type GeoJsonArea, type GeoJsonMultiPolygon, type GeoJsonPolygon, type LonLat, polygonContains, rectangle, ringsOf } from './geometry.ts';
export { type AppealRecord, type HotIssue, type HotIssueGroup, hotIssues, type HotTerm, hotTerms } from './hot.ts';
export { GridLocator, type LocationResult, Locator, type TerritoryUnitShape } from './location.ts';
export { evaluateLocations, formatLocationReport, type LocationCase, type LocationReport } from './location-eval.ts';
export {
  centerOf,
  type LineGeometry,
  type PointKind,
  readTerritory,
  roadFrom,
  type TerritoryData,
  type TerritoryFeature,
  type TerritoryFeatureCollection,
  type TerritoryUnitData,
  type UnitKind,
} from './territory-data.ts';
export { NONE_LABEL } from './models.ts';
export { type CorrectionStore, ModelRegistry, type RegistryOptions, type Timer, type TrainFn, trainInProcess } from './registry.ts';
export { contentTerms, defaultSegmenter, segment, Segmenter } from './segment.ts';
export { gradeUrgency, type Urgency, type UrgencyResult } from './urgency.ts';
export { seededRandom } from './text.ts';
