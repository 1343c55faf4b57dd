import { useTranslation } from 'react-i18next';
import { Modal } from '../../shared/components/Modal.tsx';
import { SHORTCUTS } from './shortcuts.ts';

/** One line of the overlay: the keys as shown, and what they do. */
export interface ShortcutRow {
  id: string;
  shown: string[];
  text: string;
}

/**
 * The `?` overlay, generated from the same table the key listener uses: the workbench's by
 * default, or the rows of another screen's table (the events screen's).
 */
export function ShortcutHelp({ open, onClose, rows }: { open: boolean; onClose(): void; rows?: ShortcutRow[] }) {
  const { t } = useTranslation();
  const shown = rows ?? [
    ...SHORTCUTS.map((shortcut) => ({ id: shortcut.action, shown: shortcut.shown, text: t(`console.shortcuts.${shortcut.action}`) })),
    { id: 'send', shown: ['Ctrl/⌘+Enter'], text: t('console.shortcuts.send') },
  ];
  return (
    <Modal open={open} onClose={onClose} labelledBy="shortcuts-heading" className="shortcut-help">
      <h2 id="shortcuts-heading">{t('console.shortcuts.heading')}</h2>
      <p className="muted">{t('console.shortcuts.intro')}</p>
      <dl className="shortcut-list">
        {shown.map((row) => (
          <div key={row.id}>
            <dt>
              {row.shown.map((key) => (
                <kbd key={key}>{key}</kbd>
              ))}
            </dt>
            <dd>{row.text}</dd>
          </div>
        ))}
      </dl>
      <div className="dialog-actions">
        <button type="button" className="button" autoFocus onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
    </Modal>
  );
}
