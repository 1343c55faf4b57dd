export { type ActorRef, type ChannelRegistry, type PlatformDeps, actorId, transact } from './context.ts';
