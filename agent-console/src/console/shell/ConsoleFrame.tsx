import { type ReactNode, useCallback, useState } from 'react';
import { CategoriesProvider } from '../common/categories.tsx';
import { ConsoleHeader, type ConsoleHeaderProps } from './ConsoleHeader.tsx';
import { type ShortcutRow, ShortcutHelp } from './ShortcutHelp.tsx';

/** The `?` overlay's state: its key and the header's button toggle it. */
export function useHelpOverlay() {
  const [open, setOpen] = useState(false);
  const toggle = useCallback(() => setOpen((o) => !o), []);
  const close = useCallback(() => setOpen(false), []);
  return { open, toggle, close };
}

interface ConsoleFrameProps extends Omit<ConsoleHeaderProps, 'onHelp'> {
  help: ReturnType<typeof useHelpOverlay>;
  /** The keys of the screen shown, when they are not the workbench's. */
  helpRows?: ShortcutRow[];
  announcement: string;
  children: ReactNode;
}

/**
 * What every logged-in console has around its screens: the categories loaded once, the header,
 * the shortcut overlay and the screen-reader announcer.
 */
export function ConsoleFrame({ help, helpRows, announcement, children, ...header }: ConsoleFrameProps) {
  return (
    <CategoriesProvider>
      <div className="page console-page">
        <ConsoleHeader {...header} onHelp={help.toggle} />
        {children}
        <ShortcutHelp open={help.open} onClose={help.close} rows={helpRows} />
        {/* New appeals, assignments and decisions are announced to screen readers without moving focus. */}
        <div className="visually-hidden" role="status" aria-live="polite" data-testid="announcer">
          {announcement}
        </div>
      </div>
    </CategoriesProvider>
  );
}
