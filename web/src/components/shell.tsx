// The signed-in shell: header (product, user, role, language, sign-out), section navigation, <main>.
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { signOut, type User } from '../api';
import { errorMessageKey } from '../errors';
import { roleLabel, useI18n, type MessageKey } from '../i18n';
import { CAPABILITIES, capabilityLabel, hrefOf, useRoute, type Capability, type Route } from '../router';
import { LanguageSwitcher } from './language_switcher';
import { MAIN_ID, SkipLink } from './skip_link';
import { Identify } from './identify';
import { MONITOR_ROLES, MonitorLoader } from './monitor_loader';
import { Home, NotFound, Placeholder } from './views';
import { WarnLoader } from './warn_loader';

interface Props {
  user: User;
  /** Move focus to the page heading on mount (right after sign-in), not on the first page load. */
  moveFocus: boolean;
  onSignedOut: () => void;
}

// The query (a screen's filters) is not part of the key: changing a filter is not a new page and
// must not pull focus back to the heading.
function routeKey(route: Route): string {
  return route.kind === 'capability' ? [route.capability, ...route.rest].join('/') : route.kind;
}

/** The sections a role may not use at all are left out of the navigation. */
function visibleTo(capability: Capability, role: string): boolean {
  return capability !== 'monitor' || MONITOR_ROLES.has(role);
}

export function Shell({ user, moveFocus, onSignedOut }: Props) {
  const { t } = useI18n();
  const route = useRoute();
  const key = routeKey(route);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const mounted = useRef(false);
  const [error, setError] = useState<MessageKey | null>(null);
  const [busy, setBusy] = useState(false);

  // After a route change (and right after sign-in), start at the new page's heading.
  useLayoutEffect(() => {
    if (mounted.current || moveFocus) headingRef.current?.focus();
    mounted.current = true;
    // moveFocus only matters on mount.
  }, [key]);

  const onSignOut = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await signOut();
      onSignedOut();
    } catch (failure) {
      setBusy(false);
      setError(errorMessageKey(failure));
    }
  };

  const current = route.kind === 'capability' ? route.capability : null;
  return (
    <>
      <SkipLink />
      <header class="site-header">
        <a class="brand" href="#/">
          {t('app.name')}
        </a>
        <p class="who">
          <span class="visually-hidden">{t('header.signedInAs')} </span>
          <bdi class="who-name">{user.name}</bdi>
          <span class="visually-hidden">, {t('header.role')}: </span>
          <span class="who-role">{roleLabel(t, user.role)}</span>
        </p>
        <LanguageSwitcher />
        <button type="button" class="button button--header" onClick={onSignOut}>
          {t('signout')}
        </button>
      </header>
      <div class="layout">
        <nav class="nav" aria-label={t('nav.label')}>
          <ul>
            {CAPABILITIES.filter((capability) => visibleTo(capability, user.role)).map((capability) => (
              <li key={capability}>
                <a
                  href={hrefOf(capability)}
                  aria-current={capability === current ? 'page' : undefined}
                >
                  {t(capabilityLabel(capability))}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <main id={MAIN_ID} class="main" tabIndex={-1}>
          <div role="alert" class="alert">
            {error ? t(error) : ''}
          </div>
          {route.kind === 'home' && <Home headingRef={headingRef} />}
          {route.kind === 'capability' && route.capability === 'identify' && (
            <Identify headingRef={headingRef} user={user} />
          )}
          {route.kind === 'capability' && route.capability === 'warn' && (
            <WarnLoader headingRef={headingRef} user={user} path={route.rest} />
          )}
          {route.kind === 'capability' && route.capability === 'monitor' && (
            <MonitorLoader headingRef={headingRef} user={user} path={route.rest} query={route.query} />
          )}
          {route.kind === 'capability' &&
            route.capability !== 'identify' &&
            route.capability !== 'warn' &&
            route.capability !== 'monitor' && (
              <Placeholder headingRef={headingRef} capability={route.capability} />
            )}
          {route.kind === 'notFound' && <NotFound headingRef={headingRef} />}
        </main>
      </div>
    </>
  );
}
