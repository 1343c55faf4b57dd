import type { DbOrTx } from '../../platform/db/index.ts';
import type { Actor } from '../../identity/auth/index.ts';
import type { RoutingDeps } from '../../routing/index.ts';
import type { AutoRouter } from '../../routing/index.ts';
import type { AppealTriage } from '../../triage/index.ts';
import type { LiveSettings } from '../../platform/settings/index.ts';

/** Everything the server built at start (`server.ts`), as routes, sockets and jobs receive it. */
export interface AppDeps extends RoutingDeps {
  /** NLP between intake and the queue. */
  triage: AppealTriage;
  /** Auto-assign: it routes while the routing mode (a runtime setting) is auto. */
  routing: AutoRouter;
  /** The runtime settings an admin changes in the console, over the environment's defaults. */
  settings: LiveSettings;
}

/** A request's or a job's context over the whole graph: what every layer's verbs accept. */
export interface AppCtx extends Omit<AppDeps, 'db'> {
  db: DbOrTx;
  actor: Actor;
}
