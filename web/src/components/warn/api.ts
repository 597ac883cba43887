// Warn's slice of the API (docs/warn.md): areas and their levels, admin boundaries, indicator
// series, detection, runs, alerts and imports. Answers are checked for the fields the screens
// use; anything else is passed through untouched.
import { ApiError, request } from '../../api';
import { badAnswer, numberOrNull, record, text, textOrNull, texts } from '../../api_fields';

export const LEVELS = ['none', 'watch', 'warning', 'alert'] as const;
export type Level = (typeof LEVELS)[number];

export function isLevel(value: unknown): value is Level {
  return typeof value === 'string' && (LEVELS as readonly string[]).includes(value);
}

export interface Area {
  id: string;
  name: string;
  parent: string | null;
  admin_level: number;
  owner: string | null;
  indicators: string[];
  level: Level;
  reasons: string[];
  evaluated_at: string | null;
  open_alert: number | null;
}

export interface Indicator {
  id: string;
  name: string;
  unit: string;
  period: string;
  detector: string;
  params: Record<string, string>;
  family: string;
}

export interface SeriesPoint {
  period: string;
  value: number;
  source: string;
}

export interface Series {
  area: string;
  indicator: string;
  period: string;
  points: SeriesPoint[];
}

export interface SeriesSummary {
  area: string;
  indicator: string;
  period: string;
  points: number;
  first_period: string;
  last_period: string;
}

export interface DetectedPoint {
  index: number;
  period: string;
  observed: number;
  expected: number | null;
  upper: number | null;
  alarm: boolean;
  score: number | null;
}

export interface Detection {
  method: string;
  params: Record<string, unknown>;
  points: DetectedPoint[];
  notes: string[];
}

export const ALERT_STATES = ['new', 'acknowledged', 'action_recorded', 'closed'] as const;
export type AlertState = (typeof ALERT_STATES)[number];

export interface Alert {
  id: number;
  area: string;
  area_name: string;
  level: Level;
  state: AlertState;
  owner: string | null;
  period: string;
  indicators: string[];
  reasons: string[];
  opened_at: string;
  updated_at: string;
}

export interface AlertEvent {
  at: string;
  actor: string;
  kind: string;
  text: string;
}

export interface AlertDetail extends Alert {
  events: AlertEvent[];
  deliveries: { at: string; outcome: string; attempts: number }[];
}

export interface ImportResult {
  series: number;
  periods: number;
}

/** The detectors the API runs, in the order the chooser lists them. */
export const METHODS = [
  'ears-c1',
  'ears-c2',
  'ears-c3',
  'farrington',
  'flexible',
  'noufaily',
  'cusum',
  'threshold',
  'rate-of-change',
] as const;

const bad = badAnswer;

/** The list in `items` (or the answer itself when it is a list). */
function items(data: unknown, key = 'items'): unknown[] {
  if (Array.isArray(data)) return data;
  const list = record(data)[key];
  if (!Array.isArray(list)) throw bad();
  return list;
}

function parseArea(data: unknown): Area {
  const r = record(data);
  const id = text(r.id);
  if (!id) throw bad();
  return {
    id,
    name: text(r.name, id),
    parent: textOrNull(r.parent),
    admin_level: numberOrNull(r.admin_level) ?? 0,
    owner: textOrNull(r.owner),
    indicators: texts(r.indicators),
    level: isLevel(r.level) ? r.level : 'none',
    reasons: texts(r.reasons),
    evaluated_at: textOrNull(r.evaluated_at),
    open_alert: numberOrNull(r.open_alert),
  };
}

export async function loadAreas(): Promise<Area[]> {
  const response = await request('GET', '/api/v1/warn/areas');
  return items(await response.json()).map(parseArea);
}

/** Imported admin boundaries: features whose properties carry `pcode` and `name`. */
export interface Boundaries {
  type: 'FeatureCollection';
  features: GeoJSON.Feature[];
}

export async function loadBoundaries(): Promise<Boundaries> {
  const response = await request('GET', '/api/v1/warn/areas/boundaries');
  const data = record(await response.json());
  if (data.type !== 'FeatureCollection' || !Array.isArray(data.features)) throw bad();
  return data as unknown as Boundaries;
}

function parseParams(value: unknown): Record<string, string> {
  const params: Record<string, string> = {};
  if (Array.isArray(value)) {
    for (const item of value) {
      if (item && typeof item === 'object') {
        const { name, value: v } = item as { name?: unknown; value?: unknown };
        if (typeof name === 'string') params[name] = text(v);
      }
    }
  } else if (value && typeof value === 'object') {
    for (const [name, v] of Object.entries(value)) params[name] = text(v, JSON.stringify(v));
  }
  return params;
}

export async function loadIndicators(): Promise<Indicator[]> {
  const response = await request('GET', '/api/v1/warn/indicators');
  return items(await response.json()).map((data) => {
    const r = record(data);
    const id = text(r.id);
    if (!id) throw bad();
    return {
      id,
      name: text(r.name, id),
      unit: text(r.unit),
      period: text(r.period, 'month'),
      detector: text(r.detector, 'ears-c1'),
      params: parseParams(r.params),
      family: text(r.family),
    };
  });
}

export async function listSeries(area?: string): Promise<SeriesSummary[]> {
  const query = area ? `?area=${encodeURIComponent(area)}` : '';
  const response = await request('GET', `/api/v1/warn/series${query}`);
  return items(await response.json()).map((data) => {
    const r = record(data);
    return {
      area: text(r.area),
      indicator: text(r.indicator),
      period: text(r.period),
      points: numberOrNull(r.points) ?? 0,
      first_period: text(r.first_period),
      last_period: text(r.last_period),
    };
  });
}

export async function loadSeries(area: string, indicator: string): Promise<Series> {
  const response = await request(
    'GET',
    `/api/v1/warn/series/${encodeURIComponent(area)}/${encodeURIComponent(indicator)}`,
  );
  const r = record(await response.json());
  const list = Array.isArray(r.points) ? r.points : Array.isArray(r.observations) ? r.observations : null;
  if (!list) throw bad();
  return {
    area: text(r.area, area),
    indicator: text(r.indicator, indicator),
    period: text(r.period, 'month'),
    points: list.map((data) => {
      const p = record(data);
      const value = numberOrNull(p.value);
      if (value === null) throw bad();
      return { period: text(p.period), value, source: text(p.source) };
    }),
  };
}

export interface DetectRequest {
  method: string;
  params: Record<string, string>;
  observed: number[];
  periods: string[];
  frequency: number;
}

export async function detect(body: DetectRequest): Promise<Detection> {
  const response = await request('POST', '/api/v1/warn/detect', body);
  const r = record(await response.json());
  if (!Array.isArray(r.points)) throw bad();
  return {
    method: text(r.method, body.method),
    params: r.params && typeof r.params === 'object' ? (r.params as Record<string, unknown>) : {},
    notes: texts(r.notes),
    points: r.points.map((data) => {
      const p = record(data);
      return {
        index: numberOrNull(p.index) ?? 0,
        period: text(p.period),
        observed: numberOrNull(p.observed) ?? 0,
        expected: numberOrNull(p.expected),
        upper: numberOrNull(p.upper),
        alarm: p.alarm === true,
        score: numberOrNull(p.score),
      };
    }),
  };
}

export async function run(): Promise<void> {
  await request('POST', '/api/v1/warn/run', {});
}

function parseAlert(data: unknown): Alert {
  const r = record(data);
  const id = numberOrNull(r.id);
  if (id === null) throw bad();
  const state = (ALERT_STATES as readonly string[]).includes(text(r.state))
    ? (r.state as AlertState)
    : 'new';
  return {
    id,
    area: text(r.area),
    area_name: text(r.area_name, text(r.area)),
    level: isLevel(r.level) ? r.level : 'warning',
    state,
    owner: textOrNull(r.owner),
    period: text(r.period),
    indicators: texts(r.indicators),
    reasons: texts(r.reasons),
    opened_at: text(r.opened_at),
    updated_at: text(r.updated_at),
  };
}

function parseAlertDetail(data: unknown): AlertDetail {
  const r = record(data);
  const events = Array.isArray(r.events) ? r.events : [];
  const deliveries = Array.isArray(r.deliveries) ? r.deliveries : [];
  return {
    ...parseAlert(r),
    events: events.map((item) => {
      const e = record(item);
      return { at: text(e.at), actor: text(e.actor), kind: text(e.kind), text: text(e.text) };
    }),
    deliveries: deliveries.map((item) => {
      const d = record(item);
      return { at: text(d.at), outcome: text(d.outcome), attempts: numberOrNull(d.attempts) ?? 0 };
    }),
  };
}

/** Open alerts (every state but closed) or closed ones, newest first. */
export async function loadAlerts(which: 'open' | 'closed'): Promise<Alert[]> {
  // "open" is new, acknowledged and action_recorded together.
  const response = await request('GET', `/api/v1/warn/alerts?state=${which}`);
  return items(await response.json()).map(parseAlert);
}

export async function loadAlert(id: string): Promise<AlertDetail> {
  const response = await request('GET', `/api/v1/warn/alerts/${encodeURIComponent(id)}`);
  return parseAlertDetail(await response.json());
}

export type AlertAction = 'acknowledge' | 'actions' | 'close' | 'notes';

export async function actOnAlert(id: number, action: AlertAction, textValue?: string): Promise<AlertDetail> {
  const response = await request(
    'POST',
    `/api/v1/warn/alerts/${id}/${action}`,
    textValue === undefined ? {} : { text: textValue },
  );
  return parseAlertDetail(await response.json());
}

export async function importSeries(csv: string): Promise<ImportResult> {
  const response = await request('POST', '/api/v1/warn/series/import', { format: 'tidy', csv });
  const r = record(await response.json());
  return { series: numberOrNull(r.series) ?? 0, periods: numberOrNull(r.periods) ?? 0 };
}

/** The server's explanation of a refused request (detail, and the row when it names one). */
export function problemDetail(error: unknown): { detail: string; row: number | null } | null {
  if (!(error instanceof ApiError) || !error.problem) return null;
  const { detail, row, line } = error.problem;
  const where = numberOrNull(row) ?? numberOrNull(line);
  return typeof detail === 'string' && detail ? { detail, row: where } : null;
}
