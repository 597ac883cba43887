// The review queue: clusters ranked by risk, with filters (language, category, source, dates,
// status) kept in the hash's query (#/monitor?lang=uk&status=unreviewed&page=2) so that a view
// can be reloaded, bookmarked and returned to. The query holds filters only, never personal data.
import type { RefObject } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { useMonitorI18n } from '../../i18n/monitor';
import {
  CATEGORIES,
  FILTER_NAMES,
  STATUSES,
  filterQuery,
  loadClusters,
  type ClusterPage,
  type ClusterSummary,
  type Filters,
} from './api';
import {
  Failed,
  Loading,
  StatusBadge,
  categoryLabel,
  identifierLabel,
  statusLabel,
  useFormats,
  useLoad,
} from './common';

export const PAGE_SIZE = 20;

/** The lexicon's languages, always offered in the language filter. */
const LEXICON_LANGUAGES = ['uk', 'ru', 'pl', 'en', 'ro', 'de', 'cs'];
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export interface QueueState {
  filters: Filters;
  /** 1-based. */
  page: number;
}

/** Reads the hash's query; anything unusable is dropped rather than sent to the server. */
export function parseQuery(query: string): QueueState {
  const params = new URLSearchParams(query);
  const filters: Filters = { lang: '', category: '', source: '', from: '', to: '', status: '' };
  for (const name of FILTER_NAMES) filters[name] = (params.get(name) ?? '').trim();
  if (!/^[a-z]{2,3}$/.test(filters.lang)) filters.lang = '';
  if (filters.status && !(STATUSES as readonly string[]).includes(filters.status)) filters.status = '';
  if (!DAY.test(filters.from)) filters.from = '';
  if (!DAY.test(filters.to)) filters.to = '';
  const page = Number(params.get('page'));
  return { filters, page: Number.isInteger(page) && page > 1 ? page : 1 };
}

export function queueHref({ filters, page }: QueueState): string {
  const query = filterQuery(filters);
  if (page > 1) query.set('page', String(page));
  const text = query.toString();
  return text ? `#/monitor?${text}` : '#/monitor';
}

interface Answer {
  query: string;
  result: ClusterPage;
}

export function QueueScreen({ query }: { query: string }) {
  const { t } = useMonitorI18n();
  const state = parseQuery(query);
  const offset = (state.page - 1) * PAGE_SIZE;
  const [answer, reload] = useLoad<Answer>(
    async () => ({ query, result: await loadClusters(state.filters, offset, PAGE_SIZE) }),
    [query],
  );
  const summaryRef = useRef<HTMLParagraphElement>(null);
  const shownQuery = useRef(query);
  const wantFocus = useRef(false);
  if (shownQuery.current !== query) {
    // The filters or the page changed (not a new page of the app): once the new answer is in,
    // start keyboard and screen-reader users at the count of what matched.
    shownQuery.current = query;
    wantFocus.current = true;
  }
  const current = answer.kind === 'ready' && answer.value.query === query;
  useLayoutEffect(() => {
    if (wantFocus.current && (current || answer.kind === 'failed')) {
      wantFocus.current = false;
      summaryRef.current?.focus();
    }
  });

  const apply = (filters: Filters) => {
    const href = queueHref({ filters, page: 1 });
    if (href === queueHref({ filters: state.filters, page: 1 }) && state.page === 1) {
      wantFocus.current = true;
      reload();
    } else {
      window.location.hash = href;
    }
  };

  const seen = answer.kind === 'ready' ? answer.value.result.clusters : [];
  return (
    <>
      <p>{t('monitor.queue.intro')}</p>
      <FilterForm key={query} initial={state.filters} seen={seen} onApply={apply} />
      <section aria-labelledby="monitor-results-heading" aria-busy={answer.kind === 'loading' || (answer.kind === 'ready' && !current) ? 'true' : 'false'}>
        <h2 id="monitor-results-heading">{t('monitor.queue.results')}</h2>
        {answer.kind === 'loading' && <Loading />}
        {answer.kind === 'failed' && (
          <div ref={summaryRef} tabIndex={-1}>
            <Failed failure={answer} onRetry={reload} />
          </div>
        )}
        {answer.kind === 'ready' && (
          <Results
            result={answer.value.result}
            state={parseQuery(answer.value.query)}
            summaryRef={summaryRef}
            stale={!current}
          />
        )}
      </section>
    </>
  );
}

interface FilterFormProps {
  initial: Filters;
  /** The clusters on screen: their languages and sources are offered as choices. */
  seen: ClusterSummary[];
  onApply: (filters: Filters) => void;
}

function FilterForm({ initial, seen, onApply }: FilterFormProps) {
  const { t } = useMonitorI18n();
  const formats = useFormats();
  const [filters, setFilters] = useState<Filters>(initial);
  const [datesWrong, setDatesWrong] = useState(false);
  const set = (name: keyof Filters) => (event: Event) =>
    setFilters({ ...filters, [name]: (event.currentTarget as HTMLInputElement | HTMLSelectElement).value });

  const languages = [...new Set([...LEXICON_LANGUAGES, ...seen.flatMap((c) => c.languages), initial.lang])]
    .filter((code) => code && code !== 'und')
    .sort();
  const sources = [...new Set(seen.flatMap((c) => c.sources))].sort();

  return (
    <form
      class="monitor-filters"
      aria-labelledby="monitor-filters-heading"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const wrong = filters.from !== '' && filters.to !== '' && filters.from > filters.to;
        setDatesWrong(wrong);
        if (!wrong) onApply(filters);
      }}
    >
      <h2 id="monitor-filters-heading">{t('monitor.filters.heading')}</h2>
      <div class="monitor-filters__fields">
        <SelectField
          name="lang"
          label={t('monitor.filters.lang')}
          any={t('monitor.filters.anyLang')}
          value={filters.lang}
          options={languages.map((code) => [code, `${formats.language(code)} (${code})`])}
          onChange={set('lang')}
        />
        <SelectField
          name="category"
          label={t('monitor.filters.category')}
          any={t('monitor.filters.anyCategory')}
          value={filters.category}
          options={CATEGORIES.map((category) => [category, categoryLabel(t, category)])}
          onChange={set('category')}
        />
        <div class="field">
          <label for="monitor-filter-source">{t('monitor.filters.source')}</label>
          <input
            id="monitor-filter-source"
            type="text"
            list="monitor-sources"
            autoComplete="off"
            spellcheck={false}
            value={filters.source}
            aria-describedby="monitor-filter-source-hint"
            onInput={set('source')}
          />
          <p id="monitor-filter-source-hint" class="hint">
            {t('monitor.filters.sourceHint')}
          </p>
          <datalist id="monitor-sources">
            {sources.map((source) => (
              <option key={source} value={source} />
            ))}
          </datalist>
        </div>
        <SelectField
          name="status"
          label={t('monitor.filters.status')}
          any={t('monitor.filters.anyStatus')}
          value={filters.status}
          options={STATUSES.map((status) => [status, statusLabel(t, status)])}
          onChange={set('status')}
        />
        <div class="field">
          <label for="monitor-filter-from">{t('monitor.filters.from')}</label>
          <input
            id="monitor-filter-from"
            type="date"
            value={filters.from}
            aria-invalid={datesWrong ? 'true' : undefined}
            aria-describedby={datesWrong ? 'monitor-filter-dates-error' : undefined}
            onInput={set('from')}
          />
        </div>
        <div class="field">
          <label for="monitor-filter-to">{t('monitor.filters.to')}</label>
          <input
            id="monitor-filter-to"
            type="date"
            value={filters.to}
            aria-invalid={datesWrong ? 'true' : undefined}
            aria-describedby={datesWrong ? 'monitor-filter-dates-error' : undefined}
            onInput={set('to')}
          />
        </div>
      </div>
      {datesWrong && (
        <p id="monitor-filter-dates-error" class="field-error" role="alert">
          {t('monitor.filters.datesWrong')}
        </p>
      )}
      <p class="hint">{t('monitor.filters.datesHint')}</p>
      <div class="actions">
        <button type="submit" class="button" id="monitor-filter-apply">
          {t('monitor.filters.apply')}
        </button>
        <a class="button button--secondary" href="#/monitor" id="monitor-filter-clear">
          {t('monitor.filters.clear')}
        </a>
      </div>
    </form>
  );
}

interface SelectFieldProps {
  name: keyof Filters;
  label: string;
  /** The first choice, which leaves the filter out. */
  any: string;
  value: string;
  options: [string, string][];
  onChange: (event: Event) => void;
}

function SelectField({ name, label, any, value, options, onChange }: SelectFieldProps) {
  return (
    <div class="field">
      <label for={`monitor-filter-${name}`}>{label}</label>
      <select id={`monitor-filter-${name}`} value={value} onChange={onChange}>
        <option value="">{any}</option>
        {options.map(([option, text]) => (
          <option key={option} value={option}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}

interface ResultsProps {
  result: ClusterPage;
  state: QueueState;
  summaryRef: RefObject<HTMLParagraphElement>;
  /** An answer for earlier filters, shown while the new one loads. */
  stale: boolean;
}

function Results({ result, state, summaryRef, stale }: ResultsProps) {
  const { t } = useMonitorI18n();
  const formats = useFormats();
  const offset = (state.page - 1) * PAGE_SIZE;
  const pages = Math.max(1, Math.ceil(result.total / PAGE_SIZE));
  const filtered = FILTER_NAMES.some((name) => state.filters[name] !== '');
  const summary =
    result.total === 0
      ? t(filtered ? 'monitor.queue.noneMatch' : 'monitor.queue.empty')
      : t('monitor.queue.summary', {
          total: formats.count(result.total),
          first: formats.count(Math.min(offset + 1, result.total)),
          last: formats.count(Math.min(offset + result.clusters.length, result.total)),
        });
  // The cluster pages carry the queue's filters, so that "Back to the review queue" returns here.
  const back = queueHref(state);
  const carried = back.includes('?') ? back.slice(back.indexOf('?')) : '';

  return (
    <>
      <p ref={summaryRef} tabIndex={-1} id="monitor-queue-summary" role="status" class="monitor-summary">
        {stale ? t('app.loading') : summary}
      </p>
      {result.clusters.length > 0 && (
        <ol class="monitor-queue" id="monitor-queue" start={offset + 1}>
          {result.clusters.map((cluster) => (
            <li key={cluster.id} class="monitor-item" data-cluster={cluster.id} data-status={cluster.status}>
              <h3 class="monitor-item__title">
                <a href={`#/monitor/clusters/${cluster.id}${carried}`}>
                  {t('monitor.cluster.name', { id: String(cluster.id) })}
                </a>
              </h3>
              <p class="monitor-item__line">
                <span class="monitor-risk">{t('monitor.risk', { risk: formats.risk(cluster.risk) })}</span>{' '}
                <StatusBadge status={cluster.status} />{' '}
                {t('monitor.posts', { count: formats.count(cluster.size) })}
              </p>
              <dl class="facts">
                <Fact label={t('monitor.facts.languages')} values={cluster.languages.map(formats.language)} />
                <Fact label={t('monitor.facts.sources')} values={cluster.sources} />
                <Fact label={t('monitor.facts.categories')} values={cluster.categories.map((c) => categoryLabel(t, c))} />
                <Fact
                  label={t('monitor.facts.seen')}
                  values={[seenRange(formats.day, cluster.first_seen, cluster.last_seen) ?? t('monitor.facts.noDate')]}
                />
                <Fact
                  label={t('monitor.facts.shared')}
                  values={cluster.shared_identifiers.map(
                    (shared) =>
                      `${identifierLabel(t, shared.type)} ${shared.value} (${t('monitor.posts', { count: formats.count(shared.posts) })})`,
                  )}
                />
              </dl>
            </li>
          ))}
        </ol>
      )}
      {pages > 1 && (
        <nav class="monitor-pages" aria-label={t('monitor.pages.label')}>
          {state.page > 1 ? (
            <a href={queueHref({ ...state, page: state.page - 1 })} id="monitor-page-previous" rel="prev">
              {t('monitor.pages.previous')}
            </a>
          ) : (
            <span />
          )}
          <span>{t('monitor.pages.position', { page: formats.count(state.page), pages: formats.count(pages) })}</span>
          {state.page < pages ? (
            <a href={queueHref({ ...state, page: state.page + 1 })} id="monitor-page-next" rel="next">
              {t('monitor.pages.next')}
            </a>
          ) : (
            <span />
          )}
        </nav>
      )}
    </>
  );
}

/** "1 May 2024 – 3 May 2024" (or one day), null when no member has a date. */
export function seenRange(day: (iso: string) => string, first: string | null, last: string | null): string | null {
  if (!first && !last) return null;
  const from = day(first ?? last ?? '');
  const to = day(last ?? first ?? '');
  return from === to ? from : `${from} – ${to}`;
}

/** One line of facts; an empty list reads "none" rather than disappearing. */
export function Fact({ label, values }: { label: string; values: string[] }) {
  const { t } = useMonitorI18n();
  return (
    <div>
      <dt>{label}</dt>
      <dd>
        {values.length === 0 ? (
          <span class="muted">{t('monitor.facts.none')}</span>
        ) : (
          values.map((value, index) => (
            <span key={index}>
              {index > 0 && ', '}
              <bdi>{value}</bdi>
            </span>
          ))
        )}
      </dd>
    </div>
  );
}
