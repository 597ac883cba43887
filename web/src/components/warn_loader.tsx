// Warn: the heading and section links of every warn page, and the page itself, whose code is
// loaded on first visit (dynamic import) so that the map, chart and inbox stay out of the bundle
// everyone downloads at sign-in. The heading stays the same element while the code loads, so
// focus placed on it by the shell stays there.
import type { FunctionComponent } from 'preact';
import type { MutableRef } from 'preact/hooks';
import type { User } from '../api';
import { useI18n, type MessageKey } from '../i18n';
import { SectionPending, useModule } from './load';
import { useTitle } from './views';

export type WarnPage =
  | { kind: 'map' }
  | { kind: 'series'; area: string | null; indicator: string | null }
  | { kind: 'alerts' }
  | { kind: 'alert'; id: string }
  | { kind: 'import' }
  | { kind: 'unknown' };

/** The roles that import series and run the evaluation (issue 6: analyst, coordinator, admin). */
export const MANAGER_ROLES: ReadonlySet<string> = new Set(['admin', 'coordinator', 'analyst']);

export function warnPage(path: string[]): WarnPage {
  const [first, ...rest] = path;
  if (first === undefined || (first === 'map' && rest.length === 0)) return { kind: 'map' };
  if (first === 'series' && rest.length <= 2) {
    return { kind: 'series', area: rest[0] ?? null, indicator: rest[1] ?? null };
  }
  if (first === 'alerts' && rest.length === 0) return { kind: 'alerts' };
  if (first === 'alerts' && rest.length === 1 && /^\d+$/.test(rest[0])) {
    return { kind: 'alert', id: rest[0] };
  }
  if (first === 'import' && rest.length === 0) return { kind: 'import' };
  return { kind: 'unknown' };
}

const TITLES: Record<WarnPage['kind'], MessageKey> = {
  map: 'warn.map.title',
  series: 'warn.series.title',
  alerts: 'warn.alerts.title',
  alert: 'warn.alert.title',
  import: 'warn.import.title',
  unknown: 'notFound.title',
};

export interface WarnProps {
  user: User;
  page: WarnPage;
}

interface LoaderProps {
  headingRef: MutableRef<HTMLHeadingElement | null>;
  user: User;
  /** The route below #/warn, e.g. ['alerts', '7']. */
  path: string[];
}

const cache: { current: FunctionComponent<WarnProps> | null } = { current: null };

export function WarnLoader({ headingRef, user, path }: LoaderProps) {
  const { t } = useI18n();
  const page = warnPage(path);
  const title = t(TITLES[page.kind], page.kind === 'alert' ? { id: page.id } : undefined);
  useTitle(`${title} – ${t('nav.warn')}`);
  const [Warn, failed, retry] = useModule<FunctionComponent<WarnProps>>(
    () => import('./warn/warn').then((module) => module.Warn),
    { cache },
  );

  const links: [WarnPage['kind'], string, MessageKey][] = [
    ['map', '#/warn', 'warn.nav.map'],
    ['series', '#/warn/series', 'warn.nav.series'],
    ['alerts', '#/warn/alerts', 'warn.nav.alerts'],
  ];
  if (MANAGER_ROLES.has(user.role)) links.push(['import', '#/warn/import', 'warn.nav.import']);
  const section = page.kind === 'alert' ? 'alerts' : page.kind;

  return (
    <div class="warn">
      <nav class="subnav" aria-label={t('warn.nav.label')}>
        <ul>
          {links.map(([kind, href, label]) => (
            <li key={kind}>
              <a href={href} aria-current={kind === section ? 'page' : undefined}>
                {t(label)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <h1 ref={headingRef} tabIndex={-1}>
        {title}
      </h1>
      {page.kind === 'unknown' ? (
        <p>
          <a href="#/warn">{t('warn.backToMap')}</a>
        </p>
      ) : Warn ? (
        <Warn user={user} page={page} />
      ) : (
        <SectionPending failed={failed} onRetry={retry} />
      )}
    </div>
  );
}
