// The domain events this layer publishes join the one catalogue (declaration merging).
import './domain-events.ts';
export { correctClassification } from './correct-classification.ts';
export { triageListeners } from './listeners.ts';
export { AppealTriage } from './triage.ts';
