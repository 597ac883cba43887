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
  | { kind: 'capability'; capability: Capability }
  | { kind: 'notFound' };

export function capabilityLabel(capability: Capability): MessageKey {
  return `nav.${capability}`;
}

export function hrefOf(capability: Capability): string {
  return `#/${capability}`;
}

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#\/?/, '').replace(/\/+$/, '');
  if (path === '') return { kind: 'home' };
  const capability = CAPABILITIES.find((name) => name === path);
  return capability ? { kind: 'capability', capability } : { kind: 'notFound' };
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
