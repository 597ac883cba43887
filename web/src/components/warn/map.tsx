// The map of areas coloured by level, drawn by Leaflet from data bundled with the app: country
// outlines from world-atlas (Natural Earth 1:110m, TopoJSON, converted here with topojson-client)
// and the deployment's admin boundaries (GeoJSON with P-codes from GET /warn/areas/boundaries).
// No tile server: nothing is fetched from anywhere but Vigil. The same levels are in the table
// beside the map, which is what keyboard and screen-reader users use; the map is a picture of it.
import 'leaflet/dist/leaflet.css';
import { control, geoJSON, latLngBounds, map as leafletMap, type GeoJSON as GeoLayer, type Layer, type Map as LeafletMap, type Path } from 'leaflet';
import { useEffect, useRef } from 'preact/hooks';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import countriesUrl from 'world-atlas/countries-110m.json?url';
import type { Area, Boundaries, Level } from './api';
import NUMERIC_TO_ALPHA3 from './iso3166_numeric.json';

/** Fill colours per level; each colour comes with its level's name in the legend and table. */
export const LEVEL_COLOURS: Record<Level, string> = {
  none: '#c7e3cf',
  watch: '#ffd54f',
  warning: '#f57c00',
  alert: '#b71c1c',
};
const NO_DATA = '#eceff1';
const OUTLINE = '#455a64';

export interface MapLabels {
  /** The level's name in the app's language. */
  level: (level: Level) => string;
  noData: string;
  zoomIn: string;
  zoomOut: string;
  /** Accessible name of the map region. */
  region: string;
}

interface Props {
  areas: Area[];
  boundaries: Boundaries;
  labels: MapLabels;
}

type Countries = GeoJSON.FeatureCollection<GeoJSON.Geometry, { name?: string }>;

let countries: Promise<Countries> | null = null;

/** The bundled world outlines (one request to Vigil, cached for the session). */
function loadCountries(): Promise<Countries> {
  countries ??= fetch(countriesUrl, { credentials: 'same-origin' })
    .then((response) => {
      if (!response.ok) throw new Error(`countries: HTTP ${response.status}`);
      return response.json() as Promise<Topology<{ countries: GeometryCollection<{ name?: string }> }>>;
    })
    .then((topology) => feature(topology, topology.objects.countries) as Countries)
    .catch((error: unknown) => {
      countries = null;
      throw error;
    });
  return countries;
}

/** The alpha-3 code of a world-atlas feature (its id is the ISO 3166 numeric code), or null. */
export function alpha3Of(id: unknown): string | null {
  if (typeof id !== 'string' && typeof id !== 'number') return null;
  const numeric = String(id).padStart(3, '0');
  return (NUMERIC_TO_ALPHA3 as Record<string, string>)[numeric] ?? null;
}

function tooltip(name: string, level: string): HTMLElement {
  // Built from text nodes: names come from imported files and are never parsed as HTML.
  const box = document.createElement('span');
  box.dir = 'auto';
  const strong = document.createElement('strong');
  strong.textContent = name;
  box.append(strong, document.createTextNode(`: ${level}`));
  return box;
}

/** An admin area without data lets its country's colour show through; a country does not. */
function styleFor(level: Level | null, admin: boolean) {
  return {
    color: OUTLINE,
    weight: level ? 1.5 : 0.5,
    fillColor: level ? LEVEL_COLOURS[level] : NO_DATA,
    fillOpacity: level ? 0.85 : admin ? 0.4 : 1,
    className: `warn-area warn-level--${level ?? 'nodata'}`,
  };
}

/** Marks a drawn path with its area id and level, for tests and styles. */
function tag(layer: Layer, id: string, level: Level | null) {
  const element = (layer as Path).getElement?.();
  if (element instanceof SVGElement) {
    element.dataset.area = id;
    element.dataset.level = level ?? 'nodata';
  }
}

export function AreaMap({ areas, boundaries, labels }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<LeafletMap | null>(null);
  const layers = useRef<GeoLayer[]>([]);

  // The map itself: created once, removed with the component.
  useEffect(() => {
    if (!container.current) return;
    const map = leafletMap(container.current, {
      attributionControl: false,
      zoomControl: false,
      worldCopyJump: false,
      minZoom: 1,
      maxZoom: 10,
      zoomSnap: 0.5,
      keyboard: true,
    });
    control.zoom({ zoomInTitle: labels.zoomIn, zoomOutTitle: labels.zoomOut }).addTo(map);
    map.setView([20, 10], 1);
    mapRef.current = map;
    const resize = new ResizeObserver(() => map.invalidateSize());
    resize.observe(container.current);
    return () => {
      resize.disconnect();
      map.remove();
      mapRef.current = null;
    };
  }, []);

  // The layers: redrawn whenever the areas or boundaries change.
  useEffect(() => {
    let live = true;
    const byId = new Map(areas.map((area) => [area.id, area]));
    const draw = (world: Countries | null) => {
      const map = mapRef.current;
      if (!live || !map) return;
      for (const layer of layers.current) layer.remove();
      layers.current = [];
      const focus: GeoLayer[] = [];

      if (world) {
        const countryLayer = geoJSON(world, {
          style: (f) => styleFor(byId.get(alpha3Of(f?.id) ?? '')?.level ?? null, false),
          onEachFeature: (f, layer) => {
            const code = alpha3Of(f.id);
            const area = code ? byId.get(code) : undefined;
            const name = area?.name ?? f.properties?.name ?? code ?? '';
            layer.bindTooltip(tooltip(name, area ? labels.level(area.level) : labels.noData), { sticky: true });
            layer.on('add', () => tag(layer, code ?? '', area?.level ?? null));
          },
        }).addTo(map);
        layers.current.push(countryLayer);
        const known = geoJSON(
          { type: 'FeatureCollection', features: world.features.filter((f) => byId.has(alpha3Of(f.id) ?? '')) } as Countries,
        );
        if (known.getLayers().length > 0) focus.push(known);
      }

      const admin = boundaries.features.filter((f) => typeof f.properties?.pcode === 'string');
      if (admin.length > 0) {
        const adminLayer = geoJSON(
          { type: 'FeatureCollection', features: admin } as GeoJSON.FeatureCollection,
          {
            style: (f) => styleFor(byId.get(String(f?.properties?.pcode))?.level ?? null, true),
            onEachFeature: (f, layer) => {
              const pcode = String(f.properties?.pcode);
              const area = byId.get(pcode);
              const name = area?.name ?? (typeof f.properties?.name === 'string' ? f.properties.name : pcode);
              layer.bindTooltip(tooltip(name, area ? labels.level(area.level) : labels.noData), { sticky: true });
              layer.on('add', () => tag(layer, pcode, area?.level ?? null));
            },
          },
        ).addTo(map);
        layers.current.push(adminLayer);
        focus.unshift(adminLayer);
      }

      // Show the deployment's own areas: admin boundaries first, else the countries with levels.
      const target = focus[0];
      if (target) {
        const bounds = latLngBounds([]);
        bounds.extend(target.getBounds());
        if (bounds.isValid()) map.fitBounds(bounds, { padding: [16, 16], maxZoom: 8 });
      }
      container.current?.setAttribute('data-ready', 'true');
    };
    loadCountries().then(draw, () => draw(null));
    return () => {
      live = false;
    };
  }, [areas, boundaries, labels]);

  return (
    // Leaflet positions its panes for left-to-right; the page around it may be right-to-left.
    <div
      ref={container}
      class="warn-map"
      dir="ltr"
      role="region"
      aria-label={labels.region}
      data-ready="false"
    />
  );
}
