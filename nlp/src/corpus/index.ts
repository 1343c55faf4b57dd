/**
 * The shipped corpus and what it is written about: the training corpus and duplicate pairs, the
 * fictional district 青禾区 whose places the texts name, and the generator that writes new texts
 * (the benchmark draws appeals from it). The engine itself (`@hotline/nlp`) knows no district.
 */
export { DISTRICT_FILE, type DistrictUnit, districtCollection, districtLocator, districtPlaces, districtUnits } from './district.ts';
export { BANKS } from './banks.ts';
export { type Register, renderAppeal } from './generate.ts';
