export { actorId, type ActorRef, type ChannelRegistry, type PlatformDeps, transact } from './context.ts';
