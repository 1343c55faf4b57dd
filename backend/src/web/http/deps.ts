import type { DbOrTx } from '../../platform/db/index.ts';
import type { Actor } from '../../identity/auth/index.ts';
import type { RoutingDeps } from '../../routing/index.ts';
import type { AutoRouter } from '../../routing/index.ts';
import type { AppealTriage } from '../../triage/index.ts';

/** Everything the server built at start (`server.ts`), as routes, sockets and jobs receive it. */
export interface AppDeps extends RoutingDeps {
  /** NLP between intake and the queue. */
  triage: AppealTriage;
  /** Auto-assign (ROUTING_MODE=auto); absent in manual mode. */
  routing?: AutoRouter;
}

/** A request's or a job's context over the whole graph: what every layer's verbs accept. */
export interface AppCtx extends Omit<AppDeps, 'db'> {
  db: DbOrTx;
  actor: Actor;
}
