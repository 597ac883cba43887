// One cluster: why it is ranked where it is (each point of its risk with its named reason), the
// template its posts share (the text that stays the same and the slots that vary), the member
// posts with lure phrases highlighted and identifiers masked, a "Show identifiers" control for
// analysts and admins (the server records each such view in the audit trail), and the review
// decision with a note and the review history.
import type { Ref } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { User } from '../../api';
import { useMonitorI18n, type AnyMonitorKey } from '../../i18n/monitor';
import { RAW_ROLES } from '../monitor_loader';
import { loadCluster, reviewCluster, type ClusterDetail, type Decision } from './api';
import {
  Failed,
  Loading,
  StatusBadge,
  categoryLabel,
  failureOf,
  identifierLabel,
  statusLabel,
  useFormats,
  useLoad,
  type Failure,
} from './common';
import { MemberPosts, ReasonList, TemplateView } from './cluster_parts';
import { Fact, parseQuery, queueHref, seenRange } from './queue';
import { ReviewForm, ReviewHistory } from './review';

interface Props {
  id: string;
  user: User;
  /** The queue's filters, carried so that the back link returns to the same view. */
  query: string;
}

interface Shown {
  detail: ClusterDetail;
  raw: boolean;
}

type Message = { ok: true; key: AnyMonitorKey; params?: Record<string, string> } | { ok: false; failure: Failure };

export function ClusterScreen({ id, user, query }: Props) {
  const { t } = useMonitorI18n();
  const formats = useFormats();
  const mayShowRaw = RAW_ROLES.has(user.role);
  const [raw, setRaw] = useState(false);
  const [loaded, reload] = useLoad<Shown>(async () => ({ detail: await loadCluster(id, raw), raw }), [id, raw]);
  // The answer to a review (always masked) replaces what was loaded until the next load.
  const [reviewed, setReviewed] = useState<ClusterDetail | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message | null>(null);
  const messageRef = useRef<HTMLDivElement>(null);
  const wantFocus = useRef(false);
  const back = queueHref(parseQuery(query));

  const settled = loaded.kind === 'failed' || (loaded.kind === 'ready' && loaded.value.raw === raw);
  useLayoutEffect(() => {
    if (!wantFocus.current || !settled) return;
    wantFocus.current = false;
    messageRef.current?.focus();
  });

  function toggleRaw(next: boolean) {
    setReviewed(null);
    setMessage({ ok: true, key: next ? 'monitor.raw.recorded' : 'monitor.raw.hidden' });
    wantFocus.current = true;
    if (next === raw) reload();
    else setRaw(next);
  }

  const backLink = (
    <p>
      <a href={back} id="monitor-back">
        {t('monitor.backToQueue')}
      </a>
    </p>
  );
  if (loaded.kind === 'loading') return <Loading />;
  if (loaded.kind === 'failed') {
    return (
      <>
        {backLink}
        <div ref={messageRef} tabIndex={-1} id="monitor-message">
          <Failed failure={loaded} onRetry={reload} />
        </div>
        {raw && (
          // A refused "show identifiers" (say, a role changed meanwhile): the masked view is still there.
          <p>
            <button type="button" class="button button--secondary" onClick={() => toggleRaw(false)}>
              {t('monitor.raw.hide')}
            </button>
          </p>
        )}
      </>
    );
  }
  const cluster = reviewed ?? loaded.value.detail;
  const showingRaw = reviewed === null && loaded.value.raw;

  const review = async (decision: Decision, note: string): Promise<boolean> => {
    if (busy) return false;
    setBusy(true);
    setMessage(null);
    try {
      setReviewed(await reviewCluster(cluster.id, decision, note));
      // The answer is masked: the page says so too, and "Show identifiers" asks again.
      setRaw(false);
      setMessage({ ok: true, key: 'monitor.review.done', params: { status: statusLabel(t, decision) } });
      return true;
    } catch (failure) {
      setMessage({ ok: false, failure: failureOf(failure) });
      return false;
    } finally {
      setBusy(false);
      wantFocus.current = true;
    }
  };

  return (
    <>
      {backLink}
      <MessageBox message={settled ? message : null} messageRef={messageRef} />
      <section class="part monitor-cluster" aria-labelledby="monitor-facts-heading" data-status={cluster.status}>
        <h2 id="monitor-facts-heading">{t('monitor.cluster.facts')}</h2>
        <p class="monitor-item__line">
          <span class="monitor-risk" id="monitor-cluster-risk">
            {t('monitor.risk', { risk: formats.risk(cluster.risk) })}
          </span>{' '}
          <span id="monitor-cluster-status">
            <StatusBadge status={cluster.status} />
          </span>{' '}
          {t('monitor.posts', { count: formats.count(cluster.size) })}
        </p>
        <dl class="facts">
          <Fact label={t('monitor.facts.languages')} values={cluster.languages.map(formats.language)} />
          <Fact label={t('monitor.facts.sources')} values={cluster.sources} />
          <Fact label={t('monitor.facts.cities')} values={cluster.cities} />
          <Fact label={t('monitor.facts.categories')} values={cluster.categories.map((c) => categoryLabel(t, c))} />
          <Fact
            label={t('monitor.facts.seen')}
            values={[seenRange(formats.day, cluster.first_seen, cluster.last_seen) ?? t('monitor.facts.noDate')]}
          />
        </dl>
        <h3>{t('monitor.facts.shared')}</h3>
        {cluster.shared_identifiers.length === 0 ? (
          <p class="muted">{t('monitor.facts.none')}</p>
        ) : (
          <ul class="plain-list" id="monitor-shared">
            {cluster.shared_identifiers.map((shared, index) => (
              <li key={index} data-type={shared.type}>
                {identifierLabel(t, shared.type)}: <bdi class="monitor-identifier">{shared.value}</bdi>{' '}
                <span class="muted">({t('monitor.posts', { count: formats.count(shared.posts) })})</span>
              </li>
            ))}
          </ul>
        )}
        {mayShowRaw && (
          <div class="monitor-raw">
            {showingRaw ? (
              <>
                <p class="notice" id="monitor-raw-notice">
                  {t('monitor.raw.shown')}
                </p>
                <button type="button" class="button button--secondary" id="monitor-hide-identifiers" onClick={() => toggleRaw(false)}>
                  {t('monitor.raw.hide')}
                </button>
              </>
            ) : (
              <>
                <p class="hint" id="monitor-raw-hint">
                  {t('monitor.raw.hint')}
                </p>
                <button
                  type="button"
                  class="button button--secondary"
                  id="monitor-show-identifiers"
                  aria-describedby="monitor-raw-hint"
                  aria-busy={raw && !settled ? 'true' : undefined}
                  onClick={() => toggleRaw(true)}
                >
                  {t('monitor.raw.show')}
                </button>
              </>
            )}
          </div>
        )}
      </section>

      <section class="monitor-reasons" aria-labelledby="monitor-reasons-heading">
        <h2 id="monitor-reasons-heading">{t('monitor.reasons.heading')}</h2>
        <ReasonList reasons={cluster.reasons} total={cluster.risk} />
      </section>

      <section class="monitor-template" aria-labelledby="monitor-template-heading">
        <h2 id="monitor-template-heading">{t('monitor.template.heading')}</h2>
        <TemplateView template={cluster.template} />
      </section>

      <section class="monitor-posts" aria-labelledby="monitor-posts-heading">
        <h2 id="monitor-posts-heading">{t('monitor.postsHeading', { count: formats.count(cluster.posts.length) })}</h2>
        <MemberPosts posts={cluster.posts} size={cluster.size} />
      </section>

      <section class="monitor-review" aria-labelledby="monitor-review-heading">
        <h2 id="monitor-review-heading">{t('monitor.review.heading')}</h2>
        <ReviewForm busy={busy} onSubmit={review} />
        <h3 id="monitor-history-heading">{t('monitor.review.history')}</h3>
        <ReviewHistory reviews={cluster.reviews} />
      </section>
    </>
  );
}

function MessageBox({ message, messageRef }: { message: Message | null; messageRef: Ref<HTMLDivElement> }) {
  const { t } = useMonitorI18n();
  return (
    <div
      ref={messageRef}
      tabIndex={-1}
      role={message && !message.ok ? 'alert' : 'status'}
      class={message ? (message.ok ? 'notice' : 'alert') : 'status'}
      id="monitor-message"
    >
      {message === null
        ? ''
        : message.ok
          ? t(message.key, message.params)
          : (
              <>
                {t(message.failure.error)}
                {message.failure.detail && (
                  <span class="monitor-detail" lang="en" dir="ltr">
                    {message.failure.detail}
                  </span>
                )}
              </>
            )}
    </div>
  );
}
