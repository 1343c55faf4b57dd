// The domain events this layer publishes join the one catalogue (declaration merging).
import './domain-events.ts';
export { answerAppeal } from './answer.ts';
export { applyTriage, type Triaged } from './apply-triage.ts';
export { assignIfUnassigned } from './assign.ts';
export { isReporterConfidential, markConfidential } from './confidential.ts';
export type { ClassificationRecord } from './classification-record.ts';
export { recordDecision, rejectAppeal, takeUpPending } from './decide.ts';
export { findAppeal, findAppealByCaseNumber, lockAppeal } from './find.ts';
export { maskReporterContacts } from './mask-contacts.ts';
export { mergeAppeal, mergeDuplicates } from './merge.ts';
export { addNote, loadNoteView, toNoteView } from './notes.ts';
export { MERGEABLE_STATUSES, duplicatePartnerIds, getAppealRecord, listAppeals, loadAppealSummaries, loadAppealSummary } from './queries.ts';
export { askForRatings, recordRating } from './rating.ts';
export { addMessageToAppeal, type IntakeResult, receiveInbound } from './receive-inbound.ts';
export { type ClassificationCorrection, reclassifyAppeal } from './reclassify.ts';
export { assertPending, replyToAppeal } from './reply.ts';
export {
  type Appeal,
  type AppealNote,
  appealNotes,
  appeals,
  type AppealStatus,
  appealStatuses,
  appealTypes,
  duplicateSuggestions,
  urgencies,
  urgencyEnum,
} from './schema.ts';
export { transferAppeal } from './transfer.ts';
export {
  type AppealPage,
  appealPageSchema,
  appealRecordSchema,
  type AppealSummary,
  appealSummarySchema,
  type ClassificationView,
  type ContactHistoryItem,
  type DuplicateView,
  type EmergencyAlert,
  type NoteEvent,
  type NoteView,
  noteViewSchema,
} from './views.ts';
export { webChatHistory } from './web-chat.ts';
