import type { KeyboardEvent } from 'react';

/**
 * The tab pattern's arrow keys: Left/Right select the neighbouring tab, wrapping round, and move
 * focus to it. Each tab's button has the id `idPrefix` + its name.
 */
export function arrowTabs<T extends string>(tabs: readonly T[], current: T, select: (tab: T) => void, idPrefix: string) {
  return (event: KeyboardEvent<HTMLElement>) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    event.preventDefault();
    const next = tabs[(tabs.indexOf(current) + step + tabs.length) % tabs.length]!;
    select(next);
    document.getElementById(`${idPrefix}${next}`)?.focus();
  };
}
