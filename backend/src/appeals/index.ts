export { type ClassificationCorrection, reclassifyAppeal } from './reclassify.ts';
export { type Appeal, type AppealNote, type AppealStatus, appeals, appealStatuses, appealTypes, urgencies } from './schema.ts';
