import type { Ctx, Deps } from '../identity/auth/index.ts';
import type { OnlinePresence } from './online.ts';

/** Routing's verbs also need to know who has a console open (on any instance). */
export interface RoutingDeps extends Deps {
  presence: OnlinePresence;
}

export type RoutingCtx = Ctx & { presence: OnlinePresence };
