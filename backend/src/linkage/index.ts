// The domain events this layer publishes join the one catalogue (declaration merging).
import './domain-events.ts';
export { acceptAppeal } from './accept.ts';
export { eventDraft, eventOfAppeal } from './create.ts';
export { nextStatus, OPEN_STATUSES } from './lifecycle.ts';
export { dueOf, eventCounts, eventFacts, getEventDetail, listEvents, listTimeLimitRules, loadEventSummary, readEventPhoto, reporterSafe } from './queries.ts';
export { recordStep } from './record-step.ts';
export { reportersOf } from './reporters.ts';
export {
  type Event,
  type EventAction,
  events,
  type EventStatus,
  eventStatuses,
  type EventStep,
  eventSteps,
  type TimeLimitRule,
  timeLimitRules,
} from './schema.ts';
export { type AnnouncedAction, claimStepsToAnnounce, takeStepsForWebhook } from './step-feeds.ts';
export { MAX_REPORT_PHOTOS, takeStep, UNSATISFIED_AT_MOST } from './steps.ts';
export { addTimeLimitRules, addWorkingDays } from './time-limit.ts';
export {
  type EventCounts,
  eventCountsSchema,
  type EventDetail,
  eventDetailSchema,
  type EventDraft,
  eventDraftSchema,
  type EventInput,
  eventInputSchema,
  type EventPage,
  eventPageSchema,
  type EventStepView,
  type EventSummary,
  type EventView,
  eventViewSchema,
  type StepInput,
  stepInputSchema,
  type TimeLimitRuleView,
  timeLimitRuleViewSchema,
} from './views.ts';
export { eventWarningsJob } from './warnings.ts';
