import type { AppDeps } from '../http/index.ts';
import type { RealtimeServer } from './io.ts';

/**
 * Runtime settings take effect on every instance without a restart: after an admin's change this
 * instance reloads them from the database, and (on PostgreSQL, where instances share it) tells the
 * others through socket.io's server-side emit to do the same. Auto-assign is asked for a pass
 * afterwards, since switching to auto or raising a capacity can make work routable at once.
 */
export function followSettings(
  io: RealtimeServer,
  deps: Pick<AppDeps, 'domainEvents' | 'settings' | 'routing'>,
  { cluster }: { cluster: boolean },
): () => void {
  const reload = () =>
    void deps.settings
      .reload()
      .then(() => deps.routing.kick())
      .catch((error) => console.error('reloading runtime settings failed:', error));
  const off = deps.domainEvents.on('settings.changed', () => {
    reload();
    if (cluster) io.serverSideEmit('settings:changed');
  });
  if (cluster) io.on('settings:changed', reload);
  return () => {
    off();
    if (cluster) io.off('settings:changed', reload);
  };
}
