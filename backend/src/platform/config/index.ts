export { demoChannelsFile, withDemoChannels } from './demo-channels.ts';
export { type Config, loadConfig } from './env.ts';
export { SERVICE_HOURS_PATTERN, withinServiceHours } from './service-hours.ts';
export { instantAt, wallClock } from './zoned-time.ts';
