import type { MouseEvent } from 'react';

/**
 * A plain click on a console link opens its target in place; a middle or modified click keeps the
 * browser's own behaviour (a new tab or window), which is why the links are real links.
 */
export function followLink(event: MouseEvent<HTMLAnchorElement>, open: () => void): void {
  if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
  event.preventDefault();
  open();
}

/** A real link to the appeal (middle-click opens a tab); a plain click opens it in place. */
export function AppealLink({ id, caseNumber, onOpen }: { id: string; caseNumber: string; onOpen(): void }) {
  return (
    <a className="mono case-link" href={`/console/appeals/${id}`} onClick={(event) => followLink(event, onOpen)}>
      {caseNumber}
    </a>
  );
}
