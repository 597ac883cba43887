// Loading a screen's data: runs `load` when `deps` change (and on reload()); the newest call wins,
// so an answer to an earlier filter never replaces the answer to the current one. Shared by the
// warn and monitor screens; each describes a failure its own way (`describe`).
import { useEffect, useState } from 'preact/hooks';

export type LoadState<T, F extends object> =
  | { kind: 'loading' }
  | ({ kind: 'failed' } & F)
  | { kind: 'ready'; value: T };

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
