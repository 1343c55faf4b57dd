import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '@hotline/backend/api-types';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { staffApi } from '../api.ts';
import { SignInFrame } from './SignInFrame.tsx';

/** The policy the server holds to, said up front so the first try can pass. */
const MIN_LENGTH = 10;

interface ChangePasswordPageProps {
  user: SessionUser;
  onChanged(user: SessionUser): void;
  onLogout(): void;
}

/**
 * 修改密码, before anything else: an admin created the account or reset its password, and the user
 * now chooses their own (at least 10 characters, not the username).
 */
export function ChangePasswordPage({ user, onChanged, onLogout }: ChangePasswordPageProps) {
  const { t } = useTranslation();
  const ids = { current: useId(), next: useId(), again: useId() };
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const mismatch = again !== '' && again !== next;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (mismatch) return;
    setBusy(true);
    setError(null);
    try {
      onChanged((await staffApi.changePassword(current, next)).user);
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  }

  return (
    <SignInFrame>
      <form className="card login-card" onSubmit={submit} data-testid="change-password">
        <h2>{t('console.password.heading')}</h2>
        <p className="muted">{t('console.password.intro', { name: user.displayName, min: MIN_LENGTH })}</p>
        <div className="field">
          <label htmlFor={ids.current}>{t('console.password.current')}</label>
          <input
            id={ids.current}
            type="password"
            value={current}
            required
            autoComplete="current-password"
            autoFocus
            onChange={(e) => setCurrent(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.next}>{t('console.password.next')}</label>
          <input
            id={ids.next}
            type="password"
            value={next}
            required
            minLength={MIN_LENGTH}
            autoComplete="new-password"
            onChange={(e) => setNext(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.again}>{t('console.password.again')}</label>
          <input
            id={ids.again}
            type="password"
            value={again}
            required
            autoComplete="new-password"
            aria-invalid={mismatch}
            onChange={(e) => setAgain(e.target.value)}
          />
          {mismatch && <span className="field-error">{t('console.password.mismatch')}</span>}
        </div>
        <ErrorAlert error={error} />
        <button type="submit" className="button button-primary button-large" disabled={busy || mismatch}>
          {busy ? t('console.password.submitting') : t('console.password.submit')}
        </button>
        <button type="button" className="button button-quiet" onClick={onLogout}>
          {t('console.header.logout')}
        </button>
      </form>
    </SignInFrame>
  );
}
