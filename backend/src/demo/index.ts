export { rememberDemoPassword } from './credentials.ts';
export { seedKnowledgeBase } from './knowledge.ts';
export { type DemoAccounts, seedDemoUsers, seedReferenceData } from './seed.ts';
export { defaultTimeLimitRules } from './time-limits.ts';
