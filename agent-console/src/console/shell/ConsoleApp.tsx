import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '@hotline/backend/api-types';
import { isApiError, onUnauthorized } from '../../shared/api.ts';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { useDocumentTitle } from '../../shared/hooks.ts';
import { staffApi } from '../api.ts';
import { ChangePasswordPage } from './ChangePasswordPage.tsx';
import { DepartmentConsole } from './DepartmentConsole.tsx';
import { LoginPage } from './LoginPage.tsx';
import { Workbench } from './Workbench.tsx';

type Session = { state: 'checking' } | { state: 'anonymous' } | { state: 'failed'; error: unknown } | { state: 'in'; user: SessionUser };

/** Restores the session from its cookie on load; shows the login form when there is none. */
export function ConsoleApp() {
  const { t } = useTranslation();
  useDocumentTitle(t('console.title'));
  const [session, setSession] = useState<Session>({ state: 'checking' });

  function check() {
    setSession({ state: 'checking' });
    staffApi.me().then(
      ({ user }) => setSession({ state: 'in', user }),
      (error: unknown) => setSession(isApiError(error, 401) ? { state: 'anonymous' } : { state: 'failed', error }),
    );
  }

  useEffect(check, []);
  // Any 401 mid-work means the session expired or was revoked: back to the login form.
  useEffect(() => {
    onUnauthorized(() => setSession({ state: 'anonymous' }));
    return () => onUnauthorized(undefined);
  }, []);

  async function logout() {
    try {
      await staffApi.logout();
    } finally {
      setSession({ state: 'anonymous' });
      window.history.replaceState(null, '', '/console/');
    }
  }

  switch (session.state) {
    case 'checking':
      return <p className="page-loading muted">{t('common.loading')}</p>;
    case 'failed':
      return (
        <div className="page-loading">
          <ErrorAlert error={session.error} onRetry={check} />
        </div>
      );
    case 'anonymous':
      return <LoginPage onLoggedIn={(user) => setSession({ state: 'in', user })} />;
    case 'in':
      // An admin set this password: the user chooses their own before anything else.
      if (session.user.mustChangePassword)
        return <ChangePasswordPage user={session.user} onChanged={(user) => setSession({ state: 'in', user })} onLogout={() => void logout()} />;
      // A department handler works only their department's events: no queue, no wall.
      if (session.user.role === 'handler')
        return <DepartmentConsole user={session.user} onLogout={() => void logout()} onSessionLost={() => setSession({ state: 'anonymous' })} />;
      return <Workbench user={session.user} onLogout={() => void logout()} onSessionLost={() => setSession({ state: 'anonymous' })} />;
  }
}
