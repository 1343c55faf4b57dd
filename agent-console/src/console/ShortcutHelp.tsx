import { useTranslation } from 'react-i18next';
import { Modal } from '../shared/components/Modal.tsx';
import { SHORTCUTS } from './shortcuts.ts';

/** The `?` overlay, generated from the same table the key listener uses. */
export function ShortcutHelp({ open, onClose }: { open: boolean; onClose(): void }) {
  const { t } = useTranslation();
  return (
    <Modal open={open} onClose={onClose} labelledBy="shortcuts-heading" className="shortcut-help">
      <h2 id="shortcuts-heading">{t('console.shortcuts.heading')}</h2>
      <p className="muted">{t('console.shortcuts.intro')}</p>
      <dl className="shortcut-list">
        {SHORTCUTS.map((shortcut) => (
          <div key={shortcut.action}>
            <dt>
              {shortcut.shown.map((key) => (
                <kbd key={key}>{key}</kbd>
              ))}
            </dt>
            <dd>{t(`console.shortcuts.${shortcut.action}`)}</dd>
          </div>
        ))}
        <div>
          <dt>
            <kbd>Ctrl/⌘</kbd>+<kbd>Enter</kbd>
          </dt>
          <dd>{t('console.shortcuts.send')}</dd>
        </div>
      </dl>
      <div className="dialog-actions">
        <button type="button" className="button" autoFocus onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
    </Modal>
  );
}
