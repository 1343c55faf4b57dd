// The domain events this layer publishes join the one catalogue (declaration merging).
import './domain-events.ts';
export { LiveSettings, type RuntimeSettings, type SettingKey, settingsOf, settingsSchema, updateSettings } from './settings.ts';
export { runtimeSettings } from './schema.ts';
