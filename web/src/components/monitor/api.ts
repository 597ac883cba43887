// Monitor's slice of the API (the review queue, issue 5): ranked clusters with filters, one
// cluster with its template and member posts, and review decisions. Answers are checked for the
// fields the screens use; identifier values arrive masked unless raw=1 was asked for (analysts
// and admins only, and the server records each such view in the audit trail).
import { request } from '../../api';
import { badAnswer, numberOrNull, record, text, textOrNull, texts } from '../../api_fields';

export const STATUSES = ['unreviewed', 'benign', 'suspicious', 'reported'] as const;
export type Status = (typeof STATUSES)[number];
/** The decisions a reviewer can record ("unreviewed" is where every cluster starts). */
export const DECISIONS = ['benign', 'suspicious', 'reported'] as const;
export type Decision = (typeof DECISIONS)[number];

/** The lure categories of the lexicon (data/monitor/lexicon), offered in the category filter. */
export const CATEGORIES = [
  'contact',
  'documents',
  'employer',
  'fees',
  'housing-offer',
  'job-type',
  'logistics',
  'pay',
  'pressure',
  'profile',
  'requirements',
] as const;

/** The longest note the server keeps with a review. */
export const NOTE_MAX = 2000;

export interface Reason {
  code: string;
  subject: string;
  points: number;
  detail: string;
}

export interface SharedIdentifier {
  type: string;
  value: string;
  posts: number;
}

export interface ClusterSummary {
  id: number;
  size: number;
  risk: number;
  reasons: Reason[];
  languages: string[];
  sources: string[];
  cities: string[];
  categories: string[];
  first_seen: string | null;
  last_seen: string | null;
  status: Status;
  shared_identifiers: SharedIdentifier[];
}

export interface Segment {
  text: string;
  kind: 'plain' | 'indicator' | 'identifier';
  category: string | null;
  type: string | null;
}

export type TemplatePart = { slot: false; text: string } | { slot: true; values: string[] };

export interface Template {
  parts: TemplatePart[];
  slots: number;
  shared_words: number;
}

export interface MemberPost {
  source: string;
  id: string;
  posted_at: string | null;
  lang: string | null;
  location: string | null;
  risk: number;
  url: string | null;
  title_segments: Segment[] | null;
  segments: Segment[];
  indicators: { id: string; category: string; field: string }[];
}

export interface Review {
  status: Status;
  note: string;
  by: string;
  at: string;
}

export interface ClusterDetail extends ClusterSummary {
  template: Template | null;
  posts: MemberPost[];
  reviews: Review[];
}

export interface ClusterPage {
  total: number;
  clusters: ClusterSummary[];
}

/** The queue's filters; '' leaves a filter out. Dates are YYYY-MM-DD (UTC days). */
export interface Filters {
  lang: string;
  category: string;
  source: string;
  from: string;
  to: string;
  status: string;
}

export const FILTER_NAMES = ['lang', 'category', 'source', 'from', 'to', 'status'] as const;

const bad = badAnswer;

const num = (value: unknown): number => numberOrNull(value) ?? 0;

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function isStatus(value: unknown): value is Status {
  return typeof value === 'string' && (STATUSES as readonly string[]).includes(value);
}

function parseSummary(data: unknown): ClusterSummary {
  const r = record(data);
  if (typeof r.id !== 'number') throw bad();
  return {
    id: r.id,
    size: num(r.size),
    risk: num(r.risk),
    reasons: list(r.reasons).map((item) => {
      const reason = record(item);
      return {
        code: text(reason.code),
        subject: text(reason.subject),
        points: num(reason.points),
        detail: text(reason.detail),
      };
    }),
    languages: texts(r.languages),
    sources: texts(r.sources),
    cities: texts(r.cities),
    categories: texts(r.categories),
    first_seen: textOrNull(r.first_seen),
    last_seen: textOrNull(r.last_seen),
    status: isStatus(r.status) ? r.status : 'unreviewed',
    shared_identifiers: list(r.shared_identifiers).map((item) => {
      const shared = record(item);
      return { type: text(shared.type), value: text(shared.value), posts: num(shared.posts) };
    }),
  };
}

function parseSegments(value: unknown): Segment[] {
  return list(value).map((item) => {
    const s = record(item);
    const kind = s.kind === 'indicator' || s.kind === 'identifier' ? s.kind : 'plain';
    return { text: text(s.text), kind, category: textOrNull(s.category), type: textOrNull(s.type) };
  });
}

function parseTemplate(value: unknown): Template | null {
  if (!value || typeof value !== 'object') return null;
  const r = record(value);
  return {
    parts: list(r.parts).map((item): TemplatePart => {
      const part = record(item);
      return part.slot === true ? { slot: true, values: list(part.values).map((v) => text(v)) } : { slot: false, text: text(part.text) };
    }),
    slots: num(r.slots),
    shared_words: num(r.shared_words),
  };
}

function parseDetail(data: unknown): ClusterDetail {
  const r = record(data);
  return {
    ...parseSummary(r),
    template: parseTemplate(r.template),
    posts: list(r.posts).map((item) => {
      const p = record(item);
      return {
        source: text(p.source),
        id: text(p.id),
        posted_at: textOrNull(p.posted_at),
        lang: textOrNull(p.lang),
        location: textOrNull(p.location),
        risk: num(p.risk),
        url: textOrNull(p.url),
        title_segments: Array.isArray(p.title_segments) ? parseSegments(p.title_segments) : null,
        segments: parseSegments(p.segments),
        indicators: list(p.indicators).map((hit) => {
          const h = record(hit);
          return { id: text(h.id), category: text(h.category), field: text(h.field) };
        }),
      };
    }),
    reviews: list(r.reviews).map((item) => {
      const review = record(item);
      return {
        status: isStatus(review.status) ? review.status : 'unreviewed',
        note: text(review.note),
        by: text(review.by),
        at: text(review.at),
      };
    }),
  };
}

/** The filters and page as the API's query (empty filters left out). */
export function filterQuery(filters: Filters): URLSearchParams {
  const query = new URLSearchParams();
  for (const name of FILTER_NAMES) {
    const value = filters[name].trim();
    if (value) query.set(name, value);
  }
  return query;
}

export async function loadClusters(filters: Filters, offset: number, limit: number): Promise<ClusterPage> {
  const query = filterQuery(filters);
  query.set('limit', String(limit));
  query.set('offset', String(offset));
  const response = await request('GET', `/api/v1/monitor/clusters?${query.toString()}`);
  const r = record(await response.json());
  if (!Array.isArray(r.clusters)) throw bad();
  return { total: num(r.total), clusters: r.clusters.map(parseSummary) };
}

/** One cluster; `raw` asks for identifier values (audited by the server). */
export async function loadCluster(id: string, raw: boolean): Promise<ClusterDetail> {
  const response = await request('GET', `/api/v1/monitor/clusters/${encodeURIComponent(id)}${raw ? '?raw=1' : ''}`);
  return parseDetail(await response.json());
}

export async function reviewCluster(id: number, status: Decision, note: string): Promise<ClusterDetail> {
  const body: { status: Decision; note?: string } = { status };
  if (note) body.note = note;
  const response = await request('POST', `/api/v1/monitor/clusters/${id}/review`, body);
  return parseDetail(await response.json());
}
