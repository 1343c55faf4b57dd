import { type KeyboardEvent, type RefObject, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { useCannedReplies } from '../common/useReference.ts';

/**
 * 常用语: a menu of ready answers. Opening it loads them (once per console); choosing one puts it
 * into the reply at the cursor. Arrow keys move, Escape closes and returns to the button.
 */
export function CannedMenu({ onInsert }: { onInsert(text: string): void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const canned = useCannedReplies(open);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const menuId = useId();

  useEffect(() => {
    if (!open) return;
    const first = listRef.current?.querySelector<HTMLButtonElement>('button');
    first?.focus();
    function outside(event: MouseEvent) {
      const target = event.target as Node;
      if (!listRef.current?.parentElement?.contains(target)) setOpen(false);
    }
    document.addEventListener('mousedown', outside);
    return () => document.removeEventListener('mousedown', outside);
  }, [open, canned.data]);

  function close() {
    setOpen(false);
    buttonRef.current?.focus();
  }

  function handleKeys(event: KeyboardEvent<HTMLElement>) {
    const items = [...(listRef.current?.querySelectorAll<HTMLButtonElement>('button[role="menuitem"]') ?? [])];
    const index = items.indexOf(document.activeElement as HTMLButtonElement);
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close();
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      items[(index + step + items.length) % items.length]?.focus();
    }
  }

  return (
    <div className="canned" onKeyDown={open ? handleKeys : undefined}>
      <button
        ref={buttonRef}
        type="button"
        className="button button-small"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => setOpen((o) => !o)}
      >
        {t('console.canned.open')} ▾
      </button>
      {open && (
        <CannedPopover
          canned={canned}
          menuId={menuId}
          listRef={listRef}
          onPick={(text) => {
            onInsert(text);
            setOpen(false);
          }}
        />
      )}
    </div>
  );
}

interface CannedPopoverProps {
  canned: ReturnType<typeof useCannedReplies>;
  menuId: string;
  listRef: RefObject<HTMLUListElement | null>;
  onPick(text: string): void;
}

/** The open menu: the replies, or why there are none to pick. */
function CannedPopover({ canned, menuId, listRef, onPick }: CannedPopoverProps) {
  const { t } = useTranslation();
  return (
    <div className="canned-popover">
      {canned.error ? (
        <ErrorAlert error={canned.error} title={t('console.canned.failed')} onRetry={canned.retry} />
      ) : !canned.data ? (
        <p className="muted canned-state">{t('common.loading')}</p>
      ) : canned.data.length === 0 ? (
        <p className="muted canned-state">{t('console.canned.empty')}</p>
      ) : (
        <ul id={menuId} ref={listRef} role="menu" aria-label={t('console.canned.open')} className="canned-list">
          {canned.data.map((reply) => (
            <li key={reply.id} role="none">
              <button type="button" role="menuitem" data-testid="canned-reply" onClick={() => onPick(reply.text)}>
                <span className="canned-title">{reply.title}</span>
                <span className="canned-text">{reply.text}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
