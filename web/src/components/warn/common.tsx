// Pieces the warn screens share: loading state, error messages, level badges, number and time
// formats in the app's language, and modules loaded on demand (Leaflet, uPlot).
import { useMemo } from 'preact/hooks';
import { ApiError } from '../../api';
import { errorMessageKey } from '../../errors';
import { Loading, RetryFailure, useLoadWith, useModule, type LoadState } from '../load';
import { useWarnI18n, type AnyKey, type WarnTranslate } from '../../i18n/warn';
import { problemDetail, type Level } from './api';

/** detail: the server's own explanation (English), when it gave one. */
export type Loaded<T> = LoadState<T, { error: AnyKey; detail: string | null }>;

/** Runs `load` when `deps` change (and on reload()); the newest call wins. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): [Loaded<T>, () => void] {
  return useLoadWith(load, deps, (failure) => ({
    error: failureKey(failure),
    detail: problemDetail(failure)?.detail ?? null,
  }));
}

/** The message for a failed warn request. */
export function failureKey(failure: unknown): AnyKey {
  if (failure instanceof ApiError) {
    if (failure.status === 401) return 'signin.expired';
    if (failure.status === 403) return 'warn.error.forbidden';
    if (failure.status === 404) return 'warn.error.notFound';
    if (failure.status === 409) return 'warn.error.conflict';
  }
  return errorMessageKey(failure);
}

export function levelKey(level: Level): AnyKey {
  return `warn.level.${level}`;
}

export function LevelBadge({ level }: { level: Level }) {
  const { t } = useWarnI18n();
  return <span class={`warn-badge warn-badge--${level}`}>{t(levelKey(level))}</span>;
}

export function Failed({ error, onRetry }: { error: AnyKey; onRetry: () => void }) {
  const { t } = useWarnI18n();
  return <RetryFailure message={t(error)} onRetry={onRetry} />;
}

export { Loading, useModule };

export interface Formats {
  number: (value: number) => string;
  time: (iso: string) => string;
}

/** Numbers and times in the app's language (Arabic gets its own digits). */
export function useFormats(): Formats {
  const { lang } = useWarnI18n();
  return useMemo(() => {
    const numbers = new Intl.NumberFormat(lang, { maximumFractionDigits: 2 });
    const times = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' });
    return {
      number: (value: number) => numbers.format(value),
      time: (iso: string) => {
        const date = new Date(iso);
        return Number.isNaN(date.getTime()) ? iso : times.format(date);
      },
    };
  }, [lang]);
}

/** A method's name as people know it; the plain rules are translated. */
export function methodLabel(t: WarnTranslate, method: string): string {
  switch (method) {
    case 'ears-c1':
      return 'EARS C1';
    case 'ears-c2':
      return 'EARS C2';
    case 'ears-c3':
      return 'EARS C3';
    case 'farrington':
      return 'Farrington';
    case 'flexible':
      return t('warn.method.flexible');
    case 'noufaily':
      return 'Noufaily';
    case 'cusum':
      return t('warn.method.cusum');
    case 'threshold':
      return t('warn.method.threshold');
    case 'rate-of-change':
      return t('warn.method.rateOfChange');
    default:
      return method;
  }
}
