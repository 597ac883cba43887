// Warn's pages (loaded on first visit): the map of areas by level with the same levels in a
// table, and the dispatch to the series, alert and import pages.
import { useMemo, useState } from 'preact/hooks';
import { useWarnI18n } from '../../i18n/warn';
import { MANAGER_ROLES, type WarnProps } from '../warn_loader';
import { LEVELS, loadAreas, loadBoundaries, run, type Area, type Boundaries } from './api';
import { AlertScreen, AlertsScreen } from './alerts';
import {
  Failed,
  LevelBadge,
  Loading,
  failureKey,
  levelKey,
  useFormats,
  useLoad,
  useModule,
} from './common';
import { ImportScreen } from './import';
import type { MapLabels } from './map';
import { SeriesScreen } from './series';

export function Warn({ user, page }: WarnProps) {
  switch (page.kind) {
    case 'map':
      return <MapScreen canRun={MANAGER_ROLES.has(user.role)} />;
    case 'series':
      return <SeriesScreen key={`${page.area}/${page.indicator}`} area={page.area} indicator={page.indicator} />;
    case 'alerts':
      return <AlertsScreen />;
    case 'alert':
      return <AlertScreen key={page.id} id={page.id} user={user} />;
    case 'import':
      return MANAGER_ROLES.has(user.role) ? <ImportScreen /> : <Forbidden />;
    default:
      return null;
  }
}

function Forbidden() {
  const { t } = useWarnI18n();
  return <p class="notice">{t('warn.import.forbidden')}</p>;
}

const EMPTY: Boundaries = { type: 'FeatureCollection', features: [] };

interface MapData {
  areas: Area[];
  boundaries: Boundaries;
  /** Admin boundaries could not be read: the countries are still drawn. */
  boundariesFailed: boolean;
}

async function loadMapData(): Promise<MapData> {
  const [areas, boundaries] = await Promise.all([
    loadAreas(),
    loadBoundaries().then(
      (value) => ({ value, failed: false }),
      () => ({ value: EMPTY, failed: true }),
    ),
  ]);
  return { areas, boundaries: boundaries.value, boundariesFailed: boundaries.failed };
}

/** Countries first, then each country's admin areas under it, by id. */
function ordered(areas: Area[]): Area[] {
  const byId = new Map(areas.map((a) => [a.id, a]));
  const pathOf = (area: Area): string[] => {
    const path = [area.id];
    let parent = area.parent;
    for (let depth = 0; parent && depth < 5; depth += 1) {
      path.unshift(parent);
      parent = byId.get(parent)?.parent ?? null;
    }
    return path;
  };
  return [...areas]
    .map((area) => ({ area, key: pathOf(area).join('\u0000') }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map(({ area }) => area);
}

function MapScreen({ canRun }: { canRun: boolean }) {
  const { t } = useWarnI18n();
  const formats = useFormats();
  const [data, reload] = useLoad(loadMapData, []);
  const [mapModule, mapFailed, retryMap] = useModule(() => import('./map'));
  const [running, setRunning] = useState(false);
  const [runMessage, setRunMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const labels = useMemo<MapLabels>(
    () => ({
      level: (level) => t(levelKey(level)),
      noData: t('warn.level.nodata'),
      zoomIn: t('warn.map.zoomIn'),
      zoomOut: t('warn.map.zoomOut'),
      region: t('warn.map.region'),
    }),
    [t],
  );

  const onRun = async () => {
    if (running) return;
    setRunning(true);
    setRunMessage(null);
    try {
      await run();
      setRunMessage({ ok: true, text: t('warn.run.done') });
      reload();
    } catch (failure) {
      setRunMessage({ ok: false, text: t(failureKey(failure)) });
    } finally {
      setRunning(false);
    }
  };

  if (data.kind === 'loading') return <Loading />;
  if (data.kind === 'failed') return <Failed error={data.error} onRetry={reload} />;
  const { areas, boundaries, boundariesFailed } = data.value;
  const rows = ordered(areas);
  const evaluated = areas
    .map((area) => area.evaluated_at)
    .filter((at): at is string => at !== null)
    .sort()
    .pop();

  return (
    <>
      <p>{t('warn.map.intro')}</p>
      {canRun && (
        <div class="actions">
          <button
            type="button"
            class="button"
            id="warn-run"
            aria-busy={running ? 'true' : undefined}
            onClick={() => void onRun()}
          >
            {running ? t('warn.run.busy') : t('warn.run.button')}
          </button>
        </div>
      )}
      <div role="status" class={runMessage && !runMessage.ok ? 'alert' : 'status'}>
        {runMessage?.text ?? ''}
      </div>
      <p class="hint">
        {evaluated ? t('warn.map.evaluatedAt', { time: formats.time(evaluated) }) : t('warn.map.notEvaluated')}
      </p>

      <div class="warn-overview">
        <section class="warn-overview__map" aria-labelledby="warn-map-heading">
          <h2 id="warn-map-heading">{t('warn.map.heading')}</h2>
          <Legend />
          {mapModule ? (
            <mapModule.AreaMap areas={areas} boundaries={boundaries} labels={labels} />
          ) : mapFailed ? (
            <Failed error="error.network" onRetry={retryMap} />
          ) : (
            <Loading />
          )}
          {boundariesFailed && <p class="hint">{t('warn.map.boundariesFailed')}</p>}
          <p class="hint warn-attribution">{t('warn.map.attribution')}</p>
        </section>

        <section class="warn-overview__table" aria-labelledby="warn-table-heading">
          <h2 id="warn-table-heading">{t('warn.table.heading')}</h2>
          {rows.length === 0 ? (
            <p>{t('warn.table.empty')}</p>
          ) : (
            <div class="table-scroll" role="region" aria-labelledby="warn-table-heading" tabIndex={0}>
              <table class="warn-table" id="warn-areas">
                <thead>
                  <tr>
                    <th scope="col">{t('warn.table.area')}</th>
                    <th scope="col">{t('warn.table.level')}</th>
                    <th scope="col">{t('warn.table.reasons')}</th>
                    <th scope="col">{t('warn.table.owner')}</th>
                    <th scope="col">{t('warn.table.links')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((area) => (
                    <tr key={area.id} data-area={area.id} data-level={area.level}>
                      <th scope="row">
                        <bdi>{area.name}</bdi> <span class="area-id">{area.id}</span>
                      </th>
                      <td>
                        <LevelBadge level={area.level} />
                      </td>
                      <td>
                        {area.reasons.length === 0 ? (
                          <span class="muted">{t('warn.table.noReasons')}</span>
                        ) : (
                          <ul class="plain-list" lang="en" dir="ltr">
                            {area.reasons.map((reason) => (
                              <li key={reason}>{reason}</li>
                            ))}
                          </ul>
                        )}
                      </td>
                      <td>{area.owner ? <bdi>{area.owner}</bdi> : <span class="muted">{t('warn.table.noOwner')}</span>}</td>
                      <td>
                        <ul class="plain-list">
                          {area.open_alert !== null && (
                            <li>
                              <a href={`#/warn/alerts/${area.open_alert}`}>
                                {t('warn.table.openAlert', { id: String(area.open_alert) })}
                              </a>
                            </li>
                          )}
                          {area.indicators.map((indicator) => (
                            <li key={indicator}>
                              <a href={`#/warn/series/${encodeURIComponent(area.id)}/${encodeURIComponent(indicator)}`}>
                                {t('warn.table.seriesLink', { indicator })}
                              </a>
                            </li>
                          ))}
                        </ul>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      </div>
    </>
  );
}

function Legend() {
  const { t } = useWarnI18n();
  return (
    <div class="warn-legend">
      <p class="warn-legend__title" id="warn-legend-title">
        {t('warn.legend.title')}
      </p>
      <ul aria-labelledby="warn-legend-title">
        {LEVELS.map((level) => (
          <li key={level}>
            <span class={`swatch swatch--${level}`} aria-hidden="true" />
            {t(levelKey(level))}
            <span class="legend-note"> – {t(`warn.legend.${level}`)}</span>
          </li>
        ))}
        <li>
          <span class="swatch swatch--nodata" aria-hidden="true" />
          {t('warn.level.nodata')}
        </li>
      </ul>
    </div>
  );
}
