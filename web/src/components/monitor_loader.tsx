// Monitor: the heading of every monitor page and the page itself, whose code (and catalogues) is
// loaded on first visit so that the review queue stays out of the bundle everyone downloads at
// sign-in. The heading stays the same element while the code loads, so focus placed on it by the
// shell stays there.
import type { FunctionComponent } from 'preact';
import type { MutableRef } from 'preact/hooks';
import type { User } from '../api';
import { useI18n, type MessageKey } from '../i18n';
import { SectionPending, useModule } from './load';
import { useTitle } from './views';

export type MonitorPage = { kind: 'queue' } | { kind: 'cluster'; id: string } | { kind: 'unknown' };

/** The roles that use the monitor (issue 5); other roles do not see the section. */
export const MONITOR_ROLES: ReadonlySet<string> = new Set(['admin', 'coordinator', 'analyst']);
/** The roles that may see identifier values (phone numbers, e-mail addresses) unmasked. */
export const RAW_ROLES: ReadonlySet<string> = new Set(['admin', 'analyst']);

export function monitorPage(path: string[]): MonitorPage {
  if (path.length === 0) return { kind: 'queue' };
  if (path.length === 2 && path[0] === 'clusters' && /^\d+$/.test(path[1])) {
    return { kind: 'cluster', id: path[1] };
  }
  return { kind: 'unknown' };
}

const TITLES: Record<MonitorPage['kind'], MessageKey> = {
  queue: 'monitor.title.queue',
  cluster: 'monitor.title.cluster',
  unknown: 'notFound.title',
};

export interface MonitorProps {
  user: User;
  page: MonitorPage;
  /** The hash's query: the queue's filters and page (never personal data). */
  query: string;
}

interface LoaderProps {
  headingRef: MutableRef<HTMLHeadingElement | null>;
  user: User;
  /** The route below #/monitor, e.g. ['clusters', '12']. */
  path: string[];
  query: string;
}

const cache: { current: FunctionComponent<MonitorProps> | null } = { current: null };

export function MonitorLoader({ headingRef, user, path, query }: LoaderProps) {
  const { t } = useI18n();
  const allowed = MONITOR_ROLES.has(user.role);
  const page = monitorPage(path);
  const title = t(TITLES[page.kind], page.kind === 'cluster' ? { id: page.id } : undefined);
  useTitle(`${title} – ${t('nav.monitor')}`);
  const [Monitor, failed, retry] = useModule<FunctionComponent<MonitorProps>>(() => import('./monitor/monitor').then((module) => module.Monitor), {
    cache,
    enabled: allowed,
  });

  let body;
  if (!allowed) {
    body = <p class="notice">{t('monitor.forbidden')}</p>;
  } else if (page.kind === 'unknown') {
    body = (
      <p>
        <a href="#/monitor">{t('monitor.backToQueue')}</a>
      </p>
    );
  } else if (Monitor) {
    body = <Monitor user={user} page={page} query={query} />;
  } else {
    body = <SectionPending failed={failed} onRetry={retry} />;
  }

  return (
    <div class="monitor">
      <h1 ref={headingRef} tabIndex={-1}>
        {title}
      </h1>
      {body}
    </div>
  );
}
