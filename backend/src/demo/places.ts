import { type TerritoryPlaces } from '@hotline/nlp';
import { districtPlaces } from '@hotline/nlp/corpus';

/**
 * The demo's roads, compounds and landmarks, which the address locator reads appeals against: those
 * of 青禾区, the district the shipped corpus is written about (its units are seeded as the demo territory).
 */
export function demoPlaces(): TerritoryPlaces {
  return districtPlaces();
}
