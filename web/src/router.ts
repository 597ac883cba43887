// Hash routing (#/identify), so the server only ever serves index.html.
import { useEffect, useState } from 'preact/hooks';
import type { MessageKey } from './i18n';

export const CAPABILITIES = [
  'knowledge',
  'identify',
  'cases',
  'insight',
  'monitor',
  'warn',
  'directory',
  'portal',
] as const;
export type Capability = (typeof CAPABILITIES)[number];

export type Route =
  | { kind: 'home' }
  /**
   * `rest`: the path below the capability (#/warn/alerts/7 → ['alerts', '7']); `query`: what
   * follows `?` in the hash (#/monitor?lang=uk → 'lang=uk'), for screens that keep filters there.
   */
  | { kind: 'capability'; capability: Capability; rest: string[]; query: string }
  | { kind: 'notFound' };

/** The capabilities that have pages of their own below their start page. */
const NESTED: ReadonlySet<Capability> = new Set<Capability>(['warn', 'monitor']);

export function capabilityLabel(capability: Capability): MessageKey {
  return `nav.${capability}`;
}

export function hrefOf(capability: Capability): string {
  return `#/${capability}`;
}

export function parseRoute(hash: string): Route {
  const [pathPart, ...queryParts] = hash.replace(/^#\/?/, '').split('?');
  const path = pathPart.replace(/\/+$/, '');
  const query = queryParts.join('?');
  if (path === '') return { kind: 'home' };
  const [first, ...rest] = path.split('/');
  const capability = CAPABILITIES.find((name) => name === first);
  if (!capability || (rest.length > 0 && !NESTED.has(capability))) return { kind: 'notFound' };
  let parts: string[];
  try {
    parts = rest.map((part) => decodeURIComponent(part));
  } catch {
    return { kind: 'notFound' };
  }
  if (parts.some((part) => part === '')) return { kind: 'notFound' };
  return { kind: 'capability', capability, rest: parts, query };
}

/** The current route. In-page anchors such as the skip link's #main are not routes and are ignored. */
export function useRoute(): Route {
  const [route, setRoute] = useState<Route>(() => parseRoute(routeHash(window.location.hash)));
  useEffect(() => {
    const onChange = () => {
      const hash = window.location.hash;
      if (hash === '' || hash.startsWith('#/')) setRoute(parseRoute(hash));
    };
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

function routeHash(hash: string): string {
  return hash.startsWith('#/') ? hash : '';
}
