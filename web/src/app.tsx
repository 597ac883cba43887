// The app's top level: reads the session on start and shows either the sign-in screen or the shell.
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { loadSession, type User } from './api';
import {
  applyLang,
  I18nContext,
  rememberLang,
  translator,
  useI18n,
  type I18n,
  type Lang,
} from './i18n';
import { Frame } from './components/frame';
import { Shell } from './components/shell';
import { SignIn, type SignInNotice } from './components/sign_in';
import { Unreachable } from './components/unreachable';

type SessionState =
  | { kind: 'loading' }
  | { kind: 'unreachable' }
  | { kind: 'signedOut'; notice: SignInNotice | null; moveFocus: boolean }
  | { kind: 'signedIn'; user: User; moveFocus: boolean };

export function App({ initialLang }: { initialLang: Lang }) {
  const [lang, setLang] = useState<Lang>(initialLang);
  const i18n = useMemo<I18n>(
    () => ({
      lang,
      t: translator(lang),
      setLang: (next) => {
        applyLang(next);
        rememberLang(next);
        setLang(next);
      },
    }),
    [lang],
  );

  const [session, setSession] = useState<SessionState>({ kind: 'loading' });
  const readSession = useCallback(async () => {
    setSession({ kind: 'loading' });
    try {
      const user = await loadSession();
      setSession(
        user
          ? { kind: 'signedIn', user, moveFocus: false }
          : { kind: 'signedOut', notice: null, moveFocus: false },
      );
    } catch {
      setSession({ kind: 'unreachable' });
    }
  }, []);
  useEffect(() => {
    void readSession();
  }, [readSession]);

  return (
    <I18nContext.Provider value={i18n}>
      {session.kind === 'signedIn' ? (
        <Shell
          user={session.user}
          moveFocus={session.moveFocus}
          onSignedOut={() => setSession({ kind: 'signedOut', notice: 'signedOut', moveFocus: true })}
        />
      ) : (
        <Frame>
          {session.kind === 'loading' && <Loading />}
          {session.kind === 'unreachable' && <Unreachable onRetry={() => void readSession()} />}
          {session.kind === 'signedOut' && (
            <SignIn
              notice={session.notice}
              moveFocus={session.moveFocus}
              onSignedIn={(user) => setSession({ kind: 'signedIn', user, moveFocus: true })}
            />
          )}
        </Frame>
      )}
    </I18nContext.Provider>
  );
}

function Loading() {
  const { t } = useI18n();
  return (
    <p class="loading" aria-busy="true">
      {t('app.loading')}
    </p>
  );
}
