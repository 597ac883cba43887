// The sign-in form: user name and password, errors announced in a role="alert" region.
import { useEffect, useRef, useState } from 'preact/hooks';
import { signIn, type User } from '../api';
import { errorMessageKey } from '../errors';
import { useI18n, type MessageKey } from '../i18n';
import { useFocusWhen } from './focus';

export type SignInNotice = 'signedOut' | 'expired';

interface Props {
  notice: SignInNotice | null;
  /** Move focus to the heading on mount (after sign-out), not on the first page load. */
  moveFocus: boolean;
  onSignedIn: (user: User) => void;
}

export function SignIn({ notice, moveFocus, onSignedIn }: Props) {
  const { t } = useI18n();
  const [error, setError] = useState<MessageKey | null>(null);
  const [busy, setBusy] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  useFocusWhen(headingRef, moveFocus);
  useEffect(() => {
    document.title = `${t('signin.title')} – ${t('app.name')}`;
  }, [t]);

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const name = nameRef.current?.value.trim() ?? '';
    const password = passwordRef.current?.value ?? '';
    if (!name || !password) {
      setError('error.missingFields');
      (name ? passwordRef : nameRef).current?.focus();
      return;
    }
    setError(null);
    setBusy(true);
    try {
      onSignedIn(await signIn(name, password));
    } catch (failure) {
      setBusy(false);
      setError(errorMessageKey(failure));
      if (passwordRef.current) {
        passwordRef.current.value = '';
        passwordRef.current.focus();
      }
    }
  };

  const noticeKey: MessageKey | null =
    notice === 'signedOut' ? 'signin.signedOut' : notice === 'expired' ? 'signin.expired' : null;

  return (
    <section class="panel" aria-labelledby="signin-title">
      <h1 id="signin-title" ref={headingRef} tabIndex={-1}>
        {t('signin.title')}
      </h1>
      {noticeKey && !error && (
        <p role="status" class="notice">
          {t(noticeKey)}
        </p>
      )}
      <div role="alert" class="alert" id="signin-error">
        {error ? t(error) : ''}
      </div>
      <form class="form" method="post" action="#" noValidate onSubmit={onSubmit}>
        <div class="field">
          <label for="signin-name">{t('signin.name')}</label>
          <input
            ref={nameRef}
            id="signin-name"
            name="username"
            type="text"
            autocomplete="username"
            autoCapitalize="none"
            spellcheck={false}
            dir="auto"
            required
            aria-describedby={error ? 'signin-error' : undefined}
          />
        </div>
        <div class="field">
          <label for="signin-password">{t('signin.password')}</label>
          <input
            ref={passwordRef}
            id="signin-password"
            name="password"
            type="password"
            autocomplete="current-password"
            required
            aria-describedby={error ? 'signin-error' : undefined}
          />
        </div>
        <button type="submit" class="button" aria-busy={busy ? 'true' : undefined}>
          {busy ? t('signin.busy') : t('signin.submit')}
        </button>
      </form>
    </section>
  );
}
