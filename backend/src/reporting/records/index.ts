export { type RecordFilters, overdueKinds, platforms, ratingKinds, recordSorts } from './filters.ts';
export { type RecordSearch, searchRecords } from './search.ts';
export { deleteSavedSearch, listSavedSearches, saveSearch } from './saved-searches.ts';
export { savedSearches } from './schema.ts';
export { type RecordPage, recordPageSchema, type RecordRow, type SavedSearchView, savedSearchSchema } from './views.ts';
