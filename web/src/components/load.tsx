// Loading what a screen needs, shared by the warn and monitor sections: data (useLoadWith, the
// newest call wins, so an answer to an earlier filter never replaces the answer to the current
// one), code split from the main bundle (useModule, useSection), and what is shown meanwhile or
// when it failed (Loading, RetryFailure, SectionPending).
import { useEffect, useState } from 'preact/hooks';
import { useI18n } from '../i18n';

export type LoadState<T, F extends object> =
  | { kind: 'loading' }
  | ({ kind: 'failed' } & F)
  | { kind: 'ready'; value: T };

/** Runs `load` when `deps` change (and on reload()); each section describes a failure its own way. */
export function useLoadWith<T, F extends object>(
  load: () => Promise<T>,
  deps: unknown[],
  describe: (failure: unknown) => F,
): [LoadState<T, F>, () => void] {
  const [state, setState] = useState<LoadState<T, F>>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    // Keep showing what is there while the next answer comes (no flash of "Loading…").
    setState((previous) => (previous.kind === 'ready' ? previous : { kind: 'loading' }));
    load().then(
      (value) => live && setState({ kind: 'ready', value }),
      (failure: unknown) => live && setState({ kind: 'failed', ...describe(failure) }),
    );
    return () => {
      live = false;
    };
  }, [...deps, attempt]);
  return [state, () => setAttempt((n) => n + 1)];
}

/**
 * A module loaded on first use (e.g. the map with Leaflet); null until it has arrived. With
 * `cache`, a module loaded once is there at once on later mounts; `enabled` false loads nothing.
 */
export function useModule<M>(
  load: () => Promise<M>,
  { cache, enabled = true }: { cache?: { current: M | null }; enabled?: boolean } = {},
): [M | null, boolean, () => void] {
  const [module, setModule] = useState<M | null>(() => cache?.current ?? null);
  const [failed, setFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (module || !enabled) return;
    let live = true;
    setFailed(false);
    load().then(
      (loaded) => {
        if (cache) cache.current = loaded;
        if (live) setModule(() => loaded);
      },
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [attempt, enabled]);
  return [module, failed, () => setAttempt((n) => n + 1)];
}

export function Loading() {
  const { t } = useI18n();
  return (
    <p class="loading" aria-busy="true">
      {t('app.loading')}
    </p>
  );
}

/** A failure in words (and the server's own explanation, in English, when there is one) and "Try again". */
export function RetryFailure({ message, detail, onRetry }: { message: string; detail?: string | null; onRetry: () => void }) {
  const { t } = useI18n();
  return (
    <>
      <p role="alert" class="alert">
        {message}
        {detail && (
          <span class="failure-detail" lang="en" dir="ltr">
            {detail}
          </span>
        )}
      </p>
      <button type="button" class="button button--secondary" onClick={onRetry}>
        {t('app.retry')}
      </button>
    </>
  );
}

/** While a section's code loads: "Loading…", or the network error with "Try again". */
export function SectionPending({ failed, onRetry }: { failed: boolean; onRetry: () => void }) {
  const { t } = useI18n();
  return failed ? <RetryFailure message={t('error.network')} onRetry={onRetry} /> : <Loading />;
}
