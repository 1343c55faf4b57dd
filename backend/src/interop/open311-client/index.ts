export { OPEN311_REQUEST, open311DispatchJob, open311Requests, queueOpen311Dispatches } from './dispatch.ts';
export { open311PollJob, pollOpen311Departments } from './poll.ts';
export { getOpen311Settings, putOpen311Settings } from './settings.ts';
export { type Open311SettingsInput, open311SettingsInputSchema, type Open311SettingsView, open311SettingsViewSchema } from './views.ts';
