// Pieces the monitor screens share: loading and failure states, the message for a failed
// request, number/date/language formats in the app's language, and the words for statuses,
// categories, identifier types and the highlighted text of a post.
import { useMemo } from 'preact/hooks';
import { ApiError } from '../../api';
import { errorMessageKey } from '../../errors';
import { useMonitorI18n, type AnyMonitorKey, type MonitorTranslate } from '../../i18n/monitor';
import { Loading, RetryFailure, useLoadWith, type LoadState } from '../load';
import { CATEGORIES, type Segment, type Status } from './api';

export interface Failure {
  error: AnyMonitorKey;
  /** The server's own explanation (English) of a refused request, when it gave one. */
  detail: string | null;
}

export type Loaded<T> = LoadState<T, Failure>;

export function failureOf(failure: unknown): Failure {
  let error: AnyMonitorKey = errorMessageKey(failure);
  let detail: string | null = null;
  if (failure instanceof ApiError) {
    if (failure.status === 401) error = 'signin.expired';
    if (failure.status === 403) error = 'monitor.error.forbidden';
    if (failure.status === 404) error = 'monitor.error.notFound';
    if (failure.status === 400 || failure.status === 413) {
      error = 'monitor.error.refused';
      const said = failure.problem?.detail;
      detail = typeof said === 'string' && said ? said : null;
    }
  }
  return { error, detail };
}

export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): [Loaded<T>, () => void] {
  return useLoadWith(load, deps, failureOf);
}

export function Failed({ failure, onRetry }: { failure: Failure; onRetry: () => void }) {
  const { t } = useMonitorI18n();
  return <RetryFailure message={t(failure.error)} detail={failure.detail} onRetry={onRetry} />;
}

export { Loading };

export interface Formats {
  risk: (value: number) => string;
  points: (value: number) => string;
  count: (value: number) => string;
  time: (iso: string) => string;
  day: (iso: string) => string;
  language: (code: string) => string;
}

/** Numbers, times and language names in the app's language (Arabic gets its own digits). */
export function useFormats(): Formats {
  const { lang, t } = useMonitorI18n();
  return useMemo(() => {
    const risks = new Intl.NumberFormat(lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    const points = new Intl.NumberFormat(lang, { maximumFractionDigits: 2, signDisplay: 'always' });
    const counts = new Intl.NumberFormat(lang);
    const times = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
    const days = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' });
    let names: Intl.DisplayNames | null = null;
    try {
      names = new Intl.DisplayNames([lang], { type: 'language', fallback: 'code' });
    } catch {
      // An engine without DisplayNames shows the codes.
    }
    const date = (format: Intl.DateTimeFormat) => (iso: string) => {
      const parsed = new Date(iso);
      return Number.isNaN(parsed.getTime()) ? iso : format.format(parsed);
    };
    return {
      risk: (value) => risks.format(value),
      points: (value) => points.format(value),
      count: (value) => counts.format(value),
      time: date(times),
      day: date(days),
      language: (code) => {
        if (!code || code === 'und') return t('monitor.lang.unknown');
        try {
          return names?.of(code) ?? code;
        } catch {
          return code;
        }
      },
    };
  }, [lang, t]);
}

export function statusLabel(t: MonitorTranslate, status: Status): string {
  return t(`monitor.status.${status}`);
}

/** A lure category's name; a category the catalogue does not know is shown as the server sent it. */
export function categoryLabel(t: MonitorTranslate, category: string): string {
  return (CATEGORIES as readonly string[]).includes(category)
    ? t(`monitor.category.${category as (typeof CATEGORIES)[number]}`)
    : category;
}

// `number`: a run of digits the phone stage did not accept, masked all the same.
const IDENTIFIER_TYPES = ['phone', 'email', 'domain', 'telegram', 'whatsapp', 'viber', 'signal', 'handle', 'number'] as const;

export function identifierLabel(t: MonitorTranslate, type: string): string {
  return (IDENTIFIER_TYPES as readonly string[]).includes(type)
    ? t(`monitor.identifier.${type as (typeof IDENTIFIER_TYPES)[number]}`)
    : type;
}

export function StatusBadge({ status }: { status: Status }) {
  const { t } = useMonitorI18n();
  return <span class={`monitor-status monitor-status--${status}`}>{statusLabel(t, status)}</span>;
}

/**
 * A post's text as the server split it: lure phrases as <mark> followed by their category in
 * words (so the highlight does not rely on colour), identifiers as the server sent them (masked
 * unless the analyst asked to see them), with their type for screen readers.
 */
export function SegmentedText({ segments }: { segments: Segment[] }) {
  const { t } = useMonitorI18n();
  return (
    <>
      {segments.map((segment, index) => {
        if (segment.kind === 'indicator') {
          const category = segment.category ? categoryLabel(t, segment.category) : t('monitor.lure');
          return (
            <span key={index} class="monitor-lure">
              <mark title={t('monitor.lureTitle', { category })} data-category={segment.category ?? ''}>
                {segment.text}
              </mark>
              <span class="monitor-lure__label">
                <span class="visually-hidden">{t('monitor.lure')}: </span>
                {category}
              </span>
            </span>
          );
        }
        if (segment.kind === 'identifier') {
          return (
            <span key={index} class="monitor-identifier" data-type={segment.type ?? ''}>
              <span class="visually-hidden">{identifierLabel(t, segment.type ?? '')}: </span>
              <bdi>{segment.text}</bdi>
            </span>
          );
        }
        return <span key={index}>{segment.text}</span>;
      })}
    </>
  );
}
