// One indicator's series for one area, run through a detector of the user's choice (the
// indicator's configured one by default): a chart with the baseline, threshold and alarms, a
// caption saying in words what it shows, and the same figures as a table.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { ApiError } from '../../api';
import { useWarnI18n } from '../../i18n/warn';
import {
  METHODS,
  detect,
  loadAreas,
  loadIndicators,
  loadSeries,
  type Area,
  type Detection,
  type Indicator,
} from './api';
import { Failed, Loading, methodLabel, useFormats, useLoad, useModule } from './common';

interface Props {
  area: string | null;
  indicator: string | null;
}

interface Choices {
  areas: Area[];
  indicators: Indicator[];
}

async function loadChoices(): Promise<Choices> {
  const [areas, indicators] = await Promise.all([loadAreas(), loadIndicators()]);
  return { areas, indicators };
}

const FREQUENCY: Record<string, number> = { day: 365, week: 52, month: 12 };

/** Keeps the address in step with the choice without a route change (focus stays put). */
function rememberChoice(area: string, indicator: string) {
  const hash = `#/warn/series/${encodeURIComponent(area)}/${encodeURIComponent(indicator)}`;
  if (window.location.hash !== hash) window.history.replaceState(null, '', hash);
}

export function SeriesScreen({ area: initialArea, indicator: initialIndicator }: Props) {
  const { t } = useWarnI18n();
  const [choices, reload] = useLoad(loadChoices, []);
  const [area, setArea] = useState<string | null>(initialArea);
  const [indicator, setIndicator] = useState<string | null>(initialIndicator);
  const [method, setMethod] = useState<string | null>(null);

  if (choices.kind === 'loading') return <Loading />;
  if (choices.kind === 'failed') return <Failed error={choices.error} onRetry={reload} />;
  const { areas, indicators } = choices.value;
  const chosenArea = areas.find((a) => a.id === area) ?? null;
  const available = chosenArea
    ? indicators.filter((i) => chosenArea.indicators.includes(i.id))
    : indicators;
  const chosenIndicator = indicators.find((i) => i.id === indicator) ?? null;
  const chosenMethod = method ?? chosenIndicator?.detector ?? 'ears-c1';

  return (
    <>
      <p>{t('warn.series.intro')}</p>
      <form class="warn-choices" onSubmit={(event) => event.preventDefault()}>
        <div class="field">
          <label for="warn-series-area">{t('warn.series.area')}</label>
          <select
            id="warn-series-area"
            value={area ?? ''}
            onChange={(event) => {
              const value = (event.currentTarget as HTMLSelectElement).value || null;
              setArea(value);
              setMethod(null);
            }}
          >
            <option value="">{t('warn.series.choose')}</option>
            {areas.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name} ({a.id})
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="warn-series-indicator">{t('warn.series.indicator')}</label>
          <select
            id="warn-series-indicator"
            value={indicator ?? ''}
            onChange={(event) => {
              setIndicator((event.currentTarget as HTMLSelectElement).value || null);
              setMethod(null);
            }}
          >
            <option value="">{t('warn.series.choose')}</option>
            {available.map((i) => (
              <option key={i.id} value={i.id}>
                {i.name}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="warn-series-method">{t('warn.series.method')}</label>
          <select
            id="warn-series-method"
            value={chosenMethod}
            aria-describedby="warn-series-method-hint"
            onChange={(event) => setMethod((event.currentTarget as HTMLSelectElement).value)}
          >
            {METHODS.map((m) => (
              <option key={m} value={m}>
                {methodLabel(t, m)}
                {chosenIndicator?.detector === m ? ` (${t('warn.series.configured')})` : ''}
              </option>
            ))}
          </select>
          <p id="warn-series-method-hint" class="hint">
            {t('warn.series.methodHint')}
          </p>
        </div>
      </form>
      {area && chosenIndicator ? (
        <SeriesView
          key={`${area}/${chosenIndicator.id}/${chosenMethod}`}
          area={area}
          areaName={chosenArea?.name ?? area}
          indicator={chosenIndicator}
          method={chosenMethod}
        />
      ) : (
        <p class="hint">{t('warn.series.pick')}</p>
      )}
    </>
  );
}

interface ViewProps {
  area: string;
  areaName: string;
  indicator: Indicator;
  method: string;
}

interface Row {
  index: number;
  period: string;
  observed: number;
  expected: number | null;
  upper: number | null;
  alarm: boolean;
  score: number | null;
}

interface Result {
  /** Null when the detector could not run on this series (the counts are shown alone). */
  detection: Detection | null;
  /** The server's reason when the detector could not run. */
  detectionProblem: string | null;
  /** Every period of the series; those outside the evaluated range have no baseline. */
  rows: Row[];
  frequency: number;
  source: string;
}

function SeriesView({ area, areaName, indicator, method }: ViewProps) {
  const { t } = useWarnI18n();
  const formats = useFormats();
  const [chartModule, chartFailed, retryChart] = useModule(() => import('./chart'));

  useEffect(() => rememberChoice(area, indicator.id), [area, indicator.id]);

  const [result, reload] = useLoad<Result>(async () => {
    const series = await loadSeries(area, indicator.id);
    const frequency = FREQUENCY[series.period] ?? FREQUENCY[indicator.period] ?? 12;
    // The configured parameters go with the configured detector only.
    const params = method === indicator.detector ? indicator.params : {};
    let detection: Detection | null = null;
    let detectionProblem: string | null = null;
    try {
      detection = await detect({
        method,
        params,
        observed: series.points.map((p) => p.value),
        periods: series.points.map((p) => p.period),
        frequency,
      });
    } catch (failure) {
      // 400: this detector cannot run on this series (too short, a parameter out of range): show
      // the counts and the server's reason rather than failing the whole screen.
      if (!(failure instanceof ApiError && failure.status === 400)) throw failure;
      const detail = failure.problem?.detail;
      detectionProblem = typeof detail === 'string' ? detail : null;
    }
    const byIndex = new Map((detection?.points ?? []).map((p) => [p.index, p]));
    const rows = series.points.map((p, i) => {
      const found = byIndex.get(i + 1);
      return {
        index: i + 1,
        period: p.period,
        observed: p.value,
        expected: found?.expected ?? null,
        upper: found?.upper ?? null,
        alarm: found?.alarm ?? false,
        score: found?.score ?? null,
      };
    });
    const sources = [...new Set(series.points.map((p) => p.source).filter((s) => s))];
    return { detection, detectionProblem, rows, frequency, source: sources.join(', ') };
  }, [area, indicator.id, method]);

  const points = useMemo(() => (result.kind === 'ready' ? result.value.rows : []), [result]);

  if (result.kind === 'loading') return <Loading />;
  if (result.kind === 'failed') {
    return (
      <>
        <div role="alert" class="alert">
          <p>{result.error === 'warn.error.notFound' ? t('warn.series.none') : t(result.error)}</p>
          {result.detail && result.error !== 'warn.error.notFound' && (
            <p class="warn-import-detail" lang="en" dir="ltr">
              {result.detail}
            </p>
          )}
        </div>
        <button type="button" class="button button--secondary" onClick={reload}>
          {t('app.retry')}
        </button>
      </>
    );
  }
  const { detection, detectionProblem, frequency, source } = result.value;
  const lastYear = points.slice(-frequency);
  const alarms = lastYear.filter((p) => p.alarm).length;
  const alpha = detection?.params.alpha;
  const name = methodLabel(t, detection?.method ?? method);
  const caption = detection
    ? [
        t('warn.series.caption.alarms', { count: formats.number(alarms) }),
        typeof alpha === 'number' || (typeof alpha === 'string' && alpha !== '')
          ? t('warn.series.caption.methodAlpha', { method: name, alpha: formats.number(Number(alpha)) })
          : t('warn.series.caption.method', { method: name }),
      ].join(' ')
    : t('warn.series.caption.noDetection');
  const chartLabel = t('warn.series.chartLabel', { indicator: indicator.name, area: areaName });

  return (
    <section class="warn-series" aria-labelledby="warn-series-heading">
      <h2 id="warn-series-heading">
        <bdi>{indicator.name}</bdi> – <bdi>{areaName}</bdi>
      </h2>
      <p id="warn-series-caption" class="warn-caption">
        {caption}
      </p>
      {detectionProblem && (
        <p class="notice warn-notes" lang="en" dir="ltr">
          {detectionProblem}
        </p>
      )}
      {detection && detection.notes.length > 0 && (
        <ul class="notice warn-notes" lang="en" dir="ltr">
          {detection.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
      <ul class="warn-chart-legend">
        <li>
          <span class="line line--observed" aria-hidden="true" />
          {t('warn.series.observed')}
        </li>
        <li>
          <span class="line line--expected" aria-hidden="true" />
          {t('warn.series.expected')}
        </li>
        <li>
          <span class="line line--upper" aria-hidden="true" />
          {t('warn.series.upper')}
        </li>
        <li>
          <span class="dot" aria-hidden="true" />
          {t('warn.series.alarm')}
        </li>
      </ul>
      {chartModule ? (
        <chartModule.SeriesChart
          points={points}
          label={chartLabel}
          describedBy="warn-series-caption"
          formatNumber={formats.number}
        />
      ) : chartFailed ? (
        <Failed error="error.network" onRetry={retryChart} />
      ) : (
        <Loading />
      )}
      {source && <p class="hint">{t('warn.series.source', { source })}</p>}

      <h3 id="warn-series-table-heading">{t('warn.series.tableHeading')}</h3>
      <div class="table-scroll" role="region" aria-labelledby="warn-series-table-heading" tabIndex={0}>
        <table class="warn-table warn-table--figures" id="warn-series-table">
          <thead>
            <tr>
              <th scope="col">{t('warn.series.period')}</th>
              <th scope="col">{t('warn.series.observed')}</th>
              <th scope="col">{t('warn.series.expected')}</th>
              <th scope="col">{t('warn.series.upper')}</th>
              <th scope="col">{t('warn.series.alarm')}</th>
              <th scope="col">{t('warn.series.score')}</th>
            </tr>
          </thead>
          <tbody>
            {[...points].reverse().map((p) => (
              <tr key={p.index} class={p.alarm ? 'row--alarm' : undefined} data-alarm={p.alarm ? 'true' : 'false'}>
                <th scope="row">{p.period}</th>
                <td>{formats.number(p.observed)}</td>
                <td>{p.expected === null ? '–' : formats.number(p.expected)}</td>
                <td>{p.upper === null ? '–' : formats.number(p.upper)}</td>
                <td>{p.alarm ? <strong>{t('warn.series.alarmYes')}</strong> : t('warn.series.alarmNo')}</td>
                <td>{p.score === null ? '–' : formats.number(p.score)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p class="hint">{t('warn.series.tableNote')}</p>
    </section>
  );
}
