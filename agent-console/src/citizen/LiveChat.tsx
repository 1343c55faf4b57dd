import { type FormEvent, type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChatLine } from '@hotline/backend/api-types';
import { ErrorAlert } from '../shared/components/ErrorAlert.tsx';
import { formatTime, randomId } from '../shared/format.ts';
import { useCitizenChat } from './useCitizenChat.ts';

/** Live chat with the hotline (在线沟通): replies and decision notices arrive here as they are sent. */
export function LiveChat({ sessionStarts }: { sessionStarts: number }) {
  const { t } = useTranslation();
  const { lines, connection, loadError, send, refresh } = useCitizenChat(sessionStarts);
  const logRef = useRef<HTMLOListElement>(null);

  // Keep the newest line in view, as chat apps do.
  useEffect(() => {
    const log = logRef.current;
    if (log) log.scrollTop = log.scrollHeight;
  }, [lines.length]);

  return (
    <section className="card chat" aria-labelledby="chat-heading" data-testid="live-chat">
      <header className="card-header">
        <h2 id="chat-heading">{t('citizen.chat.heading')}</h2>
        <span className={`connection connection-${connection}`} data-testid="chat-connection" data-state={connection}>
          {t(`citizen.chat.state.${connection}`)}
        </span>
      </header>
      <ol ref={logRef} className="chat-log" role="log" aria-live="polite" aria-labelledby="chat-heading" tabIndex={0}>
        {lines.length === 0 && <li className="chat-empty muted">{t('citizen.chat.intro')}</li>}
        {lines.map((line, index) => (
          <ChatLineItem key={line.id} line={line} showCase={line.caseNumber !== null && line.caseNumber !== lines[index - 1]?.caseNumber} />
        ))}
      </ol>
      <ErrorAlert error={loadError} onRetry={() => void refresh()} />
      <ChatComposer onSend={send} />
    </section>
  );
}

function ChatLineItem({ line, showCase }: { line: ChatLine; showCase: boolean }) {
  const { t, i18n } = useTranslation();
  const mine = line.direction === 'in';
  return (
    <>
      {showCase && <li className="chat-case">{t('citizen.chat.case', { caseNumber: line.caseNumber })}</li>}
      <li className={mine ? 'chat-line chat-line-mine' : 'chat-line chat-line-theirs'} data-testid="chat-line" data-direction={line.direction}>
        <span className="chat-meta">
          {mine ? t('citizen.chat.you') : t('citizen.chat.hotline')} · <time dateTime={line.createdAt}>{formatTime(line.createdAt, i18n.language)}</time>
        </span>
        <p className="chat-text">{line.text}</p>
      </li>
    </>
  );
}

/** Enter sends, Shift+Enter breaks the line; the text stays if sending fails, so nothing is lost. */
function ChatComposer({ onSend }: { onSend(text: string, clientMessageId: string): Promise<void> }) {
  const { t } = useTranslation();
  const inputId = useId();
  const hintId = useId();
  const [text, setText] = useState('');
  const [messageId, setMessageId] = useState(randomId);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    if (sending || !text.trim()) return;
    setSending(true);
    setError(null);
    try {
      await onSend(text.trim(), messageId);
      setText('');
      setMessageId(randomId());
    } catch (e) {
      setError(e);
    } finally {
      setSending(false);
    }
  }

  function handleKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      // isComposing: Enter that confirms a pinyin candidate must not send.
      event.preventDefault();
      void submit();
    }
  }

  return (
    <form className="chat-composer" onSubmit={submit}>
      <label htmlFor={inputId} className="visually-hidden">
        {t('citizen.chat.message')}
      </label>
      <textarea
        id={inputId}
        rows={2}
        value={text}
        maxLength={4000}
        placeholder={t('citizen.chat.message')}
        aria-describedby={hintId}
        onChange={(e) => {
          setText(e.target.value);
          setError(null);
        }}
        onKeyDown={handleKeyDown}
      />
      <button type="submit" className="button button-primary" disabled={sending || !text.trim()}>
        {sending ? t('citizen.chat.sending') : t('citizen.chat.send')}
      </button>
      <p id={hintId} className="field-hint chat-hint">
        {t('citizen.chat.enterHint')}
      </p>
      <ErrorAlert error={error} />
    </form>
  );
}
