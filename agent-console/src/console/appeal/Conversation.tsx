import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { MessageView } from '@hotline/backend/api-types';
import { formatDateTime } from '../../shared/format.ts';
import type { NoteView } from '../contract.ts';

type Entry = { kind: 'message'; at: string; message: MessageView } | { kind: 'note'; at: string; note: NoteView };

/** Messages and private notes in one timeline, oldest first. */
function timeline(messages: MessageView[], notes: NoteView[]): Entry[] {
  return [
    ...messages.map((message): Entry => ({ kind: 'message', at: message.createdAt, message })),
    ...notes.map((note): Entry => ({ kind: 'note', at: note.createdAt, note })),
  ].sort((a, b) => a.at.localeCompare(b.at));
}

/**
 * The thread: the citizen on the left, the hotline on the right, newest at the bottom; colleagues'
 * private notes in between, yellow and marked as never sent.
 */
export function Conversation({ messages, notes, citizenName }: { messages: MessageView[]; notes: NoteView[]; citizenName: string | null }) {
  const { t } = useTranslation();
  const logRef = useRef<HTMLOListElement>(null);
  useEffect(() => {
    const log = logRef.current;
    if (log) log.scrollTop = log.scrollHeight;
  }, [messages.length, notes.length]);

  return (
    <section className="conversation" aria-labelledby="conversation-heading">
      <h3 id="conversation-heading">{t('console.appeal.conversation')}</h3>
      <ol ref={logRef} className="message-list" role="log" aria-live="polite" aria-labelledby="conversation-heading" tabIndex={0}>
        {messages.length === 0 && notes.length === 0 && <li className="muted">{t('console.appeal.noMessages')}</li>}
        {timeline(messages, notes).map((entry) =>
          entry.kind === 'message' ? (
            <MessageItem key={entry.message.id} message={entry.message} citizenName={citizenName} />
          ) : (
            <NoteItem key={entry.note.id} note={entry.note} />
          ),
        )}
      </ol>
    </section>
  );
}

function MessageItem({ message, citizenName }: { message: MessageView; citizenName: string | null }) {
  const { t, i18n } = useTranslation();
  const incoming = message.direction === 'in';
  const author = incoming ? (citizenName ?? t('console.appeal.citizen')) : (message.author?.displayName ?? t('console.appeal.system'));
  return (
    <li className={incoming ? 'message message-in' : 'message message-out'} data-testid="message" data-direction={message.direction}>
      <div className="message-meta">
        <span className="message-author">{author}</span>
        <time dateTime={message.createdAt}>{formatDateTime(message.createdAt, i18n.language)}</time>
        {!incoming && message.deliveryStatus && (
          <span className={`delivery delivery-${message.deliveryStatus}`}>{t(`console.appeal.delivery.${message.deliveryStatus}`)}</span>
        )}
      </div>
      <p className="message-text">{message.text}</p>
      {message.location && (
        <p className="message-location">
          {t('console.appeal.location', { longitude: message.location.longitude.toFixed(5), latitude: message.location.latitude.toFixed(5) })}
          {message.location.label ? ` · ${message.location.label}` : ''}
        </p>
      )}
      {message.attachments.length > 0 && (
        <ul className="message-photos">
          {message.attachments.map((file) => (
            <li key={file.id}>
              <a href={file.href} target="_blank" rel="noreferrer">
                <img src={file.href} alt={file.fileName ?? t('console.appeal.photo')} loading="lazy" />
              </a>
            </li>
          ))}
        </ul>
      )}
      {message.deliveryStatus === 'failed' && <DeliveryFailure message={message} />}
    </li>
  );
}

/** A message the citizen did not get: what happened and what the system will do, the raw error behind a toggle. */
function DeliveryFailure({ message }: { message: MessageView }) {
  const { t, i18n } = useTranslation();
  if (!message.deliveryProblem) return null;
  const channel = t(`channel.${message.channel}`);
  return (
    <div className="message-error" data-testid="delivery-failure">
      <p>
        {t('console.appeal.deliveryFailure.failed', { channel, problem: t(`console.appeal.deliveryFailure.problem.${message.deliveryProblem}`, { channel }) })}{' '}
        {message.deliveryRetryAt
          ? t('console.appeal.deliveryFailure.retryAt', { time: formatDateTime(message.deliveryRetryAt, i18n.language) })
          : t('console.appeal.deliveryFailure.gaveUp')}
      </p>
      {message.deliveryError && (
        <details>
          <summary>{t('console.appeal.deliveryFailure.detail')}</summary>
          <code>{message.deliveryError}</code>
        </details>
      )}
    </div>
  );
}

/** 内部备注: colleagues only; the label says so in words, not just in colour. */
function NoteItem({ note }: { note: NoteView }) {
  const { t, i18n } = useTranslation();
  return (
    <li className="message note" data-testid="note">
      <div className="message-meta">
        <span className="note-label">{t('console.notes.private')}</span>
        <span className="message-author">{note.author.displayName}</span>
        <time dateTime={note.createdAt}>{formatDateTime(note.createdAt, i18n.language)}</time>
      </div>
      <p className="message-text">{note.text}</p>
    </li>
  );
}
