// The domain events this layer publishes join the one catalogue (declaration merging).
import './domain-events.ts';
export { AutoRouter } from './auto-assign.ts';
export { appealOfCall, callsOfAppeal, recordCall, toCallView } from './calls/record.ts';
export { callEvents, calls } from './calls/schema.ts';
export { type CallView, callViewSchema } from './calls/views.ts';
export { claimAppeal } from './claim.ts';
export type { RoutingCtx, RoutingDeps } from './context.ts';
export { routingListeners } from './listeners.ts';
export { OnlinePresence, type PresenceLink, type PresenceSnapshot } from './online.ts';
export { agentRoster, callTakers, myPresence, presenceOf, presenceOnConnect, setPresence } from './presence.ts';
export type { PresenceStatus } from './schema.ts';
export { type CreatedStaff, type StaffInput, createStaffAccount, importStaffAccounts, listStaff, updateStaffAccount } from './staff.ts';
export {
  type AgentRoster,
  agentRosterSchema,
  type AgentView,
  type MyPresence,
  myPresenceSchema,
  presenceStatusSchema,
  type PresenceUpdate,
  type WorkCounts,
} from './views.ts';
