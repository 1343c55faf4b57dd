import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CitizenHistory } from '@hotline/backend/api-types';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { StatusBadge } from '../../shared/components/StatusBadge.tsx';
import { formatDateTime } from '../../shared/format.ts';
import { staffApi } from '../api.ts';
import { ChannelLabel } from '../common/badges.tsx';
import { useApiResource } from '../common/useApiResource.ts';
import { numberParam } from './records-query.ts';
import { CitizenGlance } from './CitizenGlance.tsx';
import './records.css';

function Identities({ person }: { person: CitizenHistory['contacts'][number] }) {
  const { t } = useTranslation();
  return (
    <>
      {person.name ?? t('citizenArchive.unnamed')}{' '}
      {person.identities.map((i) => (
        <span key={`${i.kind}:${i.value}`} className="citizen-identity">
          {i.value}
          {i.optedOutAt && <span className="badge">{t('citizenArchive.optedOut')}</span>}
        </span>
      ))}
    </>
  );
}

/** Another identity of the same person, found by the number the agent types (phone, openid or a case number). */
function LinkForm({ contactId, onLinked }: { contactId: string; onLinked(history: CitizenHistory): void }) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const [problem, setProblem] = useState<unknown>(null);
  async function link(e: FormEvent) {
    e.preventDefault();
    setProblem(null);
    const pair = numberParam(typed);
    if (!pair) return;
    try {
      const page = await staffApi.records(new URLSearchParams([pair]).toString(), null);
      const other = page.items.map((r) => r.contact?.contactId).find((id) => id && id !== contactId);
      if (!other) throw new Error(t('citizenArchive.notFound', { number: typed }));
      onLinked(await staffApi.linkCitizen(contactId, other));
      setTyped('');
    } catch (error) {
      setProblem(error);
    }
  }
  return (
    <form className="records-save-form" onSubmit={(e) => void link(e)}>
      <input
        value={typed}
        onChange={(e) => setTyped(e.target.value)}
        required
        placeholder={t('citizenArchive.linkPlaceholder')}
        aria-label={t('citizenArchive.link')}
        data-testid="citizen-link-input"
      />
      <button type="submit" className="button button-small">
        {t('citizenArchive.link')}
      </button>
      {problem !== null && <ErrorAlert error={problem} />}
    </form>
  );
}

function AppealList({ history, onOpenAppeal }: { history: CitizenHistory; onOpenAppeal(id: string): void }) {
  const { t, i18n } = useTranslation();
  if (!history.appeals.length) return <p className="empty-state">{t('citizenArchive.noAppeals')}</p>;
  return (
    <table className="records-table" data-testid="citizen-appeals">
      <thead>
        <tr>
          <th scope="col">{t('records.columns.caseNumber')}</th>
          <th scope="col">{t('records.columns.received')}</th>
          <th scope="col">{t('records.columns.status')}</th>
          <th scope="col">{t('records.columns.summary')}</th>
          <th scope="col">{t('records.columns.rating')}</th>
        </tr>
      </thead>
      <tbody>
        {history.appeals.map((a) => (
          <tr key={a.id}>
            <td>
              <button type="button" className="link-button" onClick={() => onOpenAppeal(a.id)}>
                {a.caseNumber}
              </button>
            </td>
            <td>
              {formatDateTime(a.createdAt, i18n.language)} <ChannelLabel channel={a.channel} />
            </td>
            <td>
              <StatusBadge status={a.status} /> {a.eventStatus && t(`events.status.${a.eventStatus}`)}
            </td>
            <td className="records-summary">{a.summary}</td>
            <td>{a.satisfaction ?? '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** 市民档案: one person's appeals on every channel, their ratings, opt-outs and the center's notes; link or unlink identities. */
export function CitizenScreen({ contactId, onOpenAppeal }: { contactId: string; onOpenAppeal(id: string): void }) {
  const { t, i18n } = useTranslation();
  const { value, error, refetch, replace } = useApiResource(contactId, (signal) => staffApi.citizen(contactId, signal));
  const [unlinkError, setUnlinkError] = useState<unknown>(null);
  const history = value;
  const linkedTo = (id: string) => history?.links.find((l) => l.contactId === id || l.linkedContactId === id);

  async function unlink(other: string) {
    setUnlinkError(null);
    const link = linkedTo(other);
    if (!link) return;
    await staffApi.unlinkCitizen(link.contactId, link.linkedContactId).then(() => refetch(), setUnlinkError);
  }

  return (
    <main className="records-screen" aria-labelledby="citizen-heading" data-testid="citizen-screen">
      <div className="hot-toolbar">
        <h2 id="citizen-heading">{t('citizenArchive.heading')}</h2>
        {history && <CitizenGlance count={history.glance.appeals} lastRating={history.glance.lastRating} />}
      </div>
      {error ? (
        <ErrorAlert error={error} title={t('citizenArchive.failed')} onRetry={refetch} />
      ) : !history ? (
        <p className="muted">{t('common.loading')}</p>
      ) : (
        <div className="records-layout">
          <section className="card records-main" aria-label={t('citizenArchive.appeals')}>
            <AppealList history={history} onOpenAppeal={onOpenAppeal} />
            <h3>{t('citizenArchive.notes')}</h3>
            {history.notes.length === 0 ? (
              <p className="muted">{t('citizenArchive.noNotes')}</p>
            ) : (
              <ul className="citizen-notes">
                {history.notes.map((n) => (
                  <li key={`${n.appealId}:${n.createdAt}`}>
                    <span className="muted">
                      {n.caseNumber} · {n.author} · {formatDateTime(n.createdAt, i18n.language)}
                    </span>
                    <p>{n.text}</p>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section className="card records-saved" aria-label={t('citizenArchive.identities')}>
            <h3>{t('citizenArchive.identities')}</h3>
            <ul data-testid="citizen-contacts">
              {history.contacts.map((person) => (
                <li key={person.id}>
                  <span>
                    <Identities person={person} />
                  </span>
                  {person.id !== contactId && linkedTo(person.id) && (
                    <button type="button" className="button button-small button-quiet" onClick={() => void unlink(person.id)}>
                      {t('citizenArchive.unlink')}
                    </button>
                  )}
                </li>
              ))}
            </ul>
            <LinkForm contactId={contactId} onLinked={(linked) => replace(() => linked)} />
            {unlinkError !== null && <ErrorAlert error={unlinkError} />}
          </section>
        </div>
      )}
    </main>
  );
}
