import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '@hotline/backend/api-types';
import { isApiError } from '../../shared/api.ts';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { staffApi } from '../api.ts';
import { SignInFrame } from './SignInFrame.tsx';

export function LoginPage({ onLoggedIn }: { onLoggedIn(user: SessionUser): void }) {
  const { t } = useTranslation();
  const usernameId = useId();
  const passwordId = useId();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { user } = await staffApi.login(username.trim(), password);
      onLoggedIn(user);
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  }

  return (
    <SignInFrame>
      <form className="card login-card" onSubmit={handleSubmit}>
        <h2>{t('console.login.heading')}</h2>
        <div className="field">
          <label htmlFor={usernameId}>{t('console.login.username')}</label>
          <input id={usernameId} value={username} required autoComplete="username" autoFocus onChange={(e) => setUsername(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={passwordId}>{t('console.login.password')}</label>
          <input id={passwordId} type="password" value={password} required autoComplete="current-password" onChange={(e) => setPassword(e.target.value)} />
        </div>
        {/* 401 is the everyday "wrong password": say so plainly rather than as a server error. */}
        {isApiError(error, 401) ? (
          <p className="alert alert-error" role="alert">
            {t('console.login.failed')}
          </p>
        ) : (
          <ErrorAlert error={error} />
        )}
        <button type="submit" className="button button-primary button-large" disabled={busy}>
          {busy ? t('console.login.submitting') : t('console.login.submit')}
        </button>
      </form>
    </SignInFrame>
  );
}
