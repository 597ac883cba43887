// The parts of the cluster page that explain it: the risk reasons, the template (what the posts
// share and the slots where they differ, with each post's value) and the member posts with their
// lure phrases highlighted.
import { useMonitorI18n, type MonitorTranslate } from '../../i18n/monitor';
import type { MemberPost, Reason, Template } from './api';
import { SegmentedText, categoryLabel, useFormats } from './common';

const REASON_CODES = [
  'indicator',
  'category-cap',
  'top-post',
  'identifier-cities',
  'identifier-sources',
  'burst',
  'languages',
] as const;

/** What a reason is about; the riskiest post is named as the post list numbers it. */
function reasonSubject(t: MonitorTranslate, reason: Reason): string {
  if (reason.code === 'top-post' && /^\d+$/.test(reason.subject)) {
    return t('monitor.post.name', { n: String(Number(reason.subject) + 1) });
  }
  return reason.subject;
}

function reasonLabel(t: MonitorTranslate, code: string): string {
  return (REASON_CODES as readonly string[]).includes(code)
    ? t(`monitor.reason.${code as (typeof REASON_CODES)[number]}`)
    : code;
}

/** Every point of the score with the reason that gives it; the points add up to the total. */
export function ReasonList({ reasons, total }: { reasons: Reason[]; total: number }) {
  const { t } = useMonitorI18n();
  const formats = useFormats();
  if (reasons.length === 0) return <p class="muted">{t('monitor.reasons.none')}</p>;
  return (
    <>
      <ol class="monitor-reason-list" id="monitor-reasons">
        {reasons.map((reason, index) => (
          <li key={index} data-code={reason.code}>
            <span class="monitor-points">{t('monitor.reasons.points', { points: formats.points(reason.points) })}</span>{' '}
            <strong>{reasonLabel(t, reason.code)}</strong>
            {reason.subject && (
              <>
                {': '}
                <bdi>{reasonSubject(t, reason)}</bdi>
              </>
            )}
            {reason.detail && (
              <span class="monitor-detail" lang="en" dir="ltr">
                {reason.detail}
              </span>
            )}
          </li>
        ))}
      </ol>
      <p class="monitor-total">{t('monitor.reasons.total', { risk: formats.risk(total) })}</p>
      <p class="hint">{t('monitor.reasons.hint')}</p>
    </>
  );
}

/** The shared text with numbered slot markers, then each slot's value in every post. */
export function TemplateView({ template }: { template: Template | null }) {
  const { t } = useMonitorI18n();
  const formats = useFormats();
  if (!template || template.parts.length === 0) return <p class="muted">{t('monitor.template.none')}</p>;
  let slot = 0;
  const slots: string[][] = [];
  const text = template.parts.map((part, index) => {
    const gap = index > 0 ? ' ' : '';
    if (!part.slot) return <span key={index}>{gap + part.text}</span>;
    slot += 1;
    slots.push(part.values);
    return (
      <span key={index}>
        {gap}
        <span class="monitor-slot" data-slot={slot}>
          {t('monitor.template.slot', { n: formats.count(slot) })}
        </span>
      </span>
    );
  });
  return (
    <>
      <p class="hint">
        {t('monitor.template.summary', {
          words: formats.count(template.shared_words),
          slots: formats.count(template.slots),
        })}
      </p>
      <p class="monitor-template__text" id="monitor-template" dir="auto">
        {text}
      </p>
      {slots.length > 0 && (
        <ol class="monitor-slots plain-list" id="monitor-slots">
          {slots.map((values, index) => (
            <li key={index} data-slot={index + 1}>
              <h3 class="monitor-slots__name">{t('monitor.template.slotValues', { n: formats.count(index + 1) })}</h3>
              <ul class="plain-list">
                {values.map((value, post) => (
                  <li key={post}>
                    <span class="monitor-slots__post">{t('monitor.post.name', { n: formats.count(post + 1) })}:</span>{' '}
                    {value ? <bdi dir="auto">{value}</bdi> : <span class="muted">{t('monitor.template.empty')}</span>}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

/** The member posts in posting order (the server sends at most 200). */
export function MemberPosts({ posts, size }: { posts: MemberPost[]; size: number }) {
  const { t } = useMonitorI18n();
  const formats = useFormats();
  return (
    <>
      {posts.length < size && (
        <p class="hint">{t('monitor.posts.partial', { shown: formats.count(posts.length), size: formats.count(size) })}</p>
      )}
      <ol class="monitor-post-list plain-list" id="monitor-posts">
        {posts.map((post, index) => {
          const lang = post.lang && post.lang !== 'und' ? post.lang : undefined;
          const categories = [...new Set(post.indicators.map((hit) => hit.category))];
          return (
            <li key={`${post.source}\u0000${post.id}`} class="monitor-post" data-source={post.source} data-id={post.id}>
              <h3 class="monitor-post__name">
                {t('monitor.post.name', { n: formats.count(index + 1) })}{' '}
                <span class="muted">
                  <bdi>{post.source}</bdi> · <bdi>{post.id}</bdi>
                </span>
              </h3>
              <p class="monitor-post__facts">
                {post.posted_at ? <time dateTime={post.posted_at}>{formats.time(post.posted_at)}</time> : t('monitor.facts.noDate')}
                {' · '}
                {formats.language(post.lang ?? 'und')}
                {post.location && (
                  <>
                    {' · '}
                    <bdi>{post.location}</bdi>
                  </>
                )}
                {' · '}
                {t('monitor.risk', { risk: formats.risk(post.risk) })}
              </p>
              {post.url && (
                <p class="monitor-post__url">
                  {t('monitor.post.url')}: <bdi class="monitor-identifier">{post.url}</bdi>
                </p>
              )}
              {post.title_segments && post.title_segments.length > 0 && (
                <p class="monitor-post__title" lang={lang} dir="auto">
                  <SegmentedText segments={post.title_segments} />
                </p>
              )}
              <p class="monitor-post__text" lang={lang} dir="auto">
                <SegmentedText segments={post.segments} />
              </p>
              {categories.length > 0 && (
                <p class="monitor-post__lures">
                  {t('monitor.post.lures')}: {categories.map((category) => categoryLabel(t, category)).join(', ')}
                </p>
              )}
            </li>
          );
        })}
      </ol>
    </>
  );
}
