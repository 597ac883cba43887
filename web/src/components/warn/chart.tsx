// The time series of one indicator with the detector's baseline (expected), threshold (upper
// bound) and alarms, drawn by uPlot on a canvas. The canvas is a picture: its content is in the
// caption and in the data table under it, which the screen shows for everyone.
import 'uplot/dist/uPlot.min.css';
import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';

export const CHART_COLOURS = {
  observed: '#0b4f8a',
  expected: '#5f6b76',
  upper: '#c2410c',
  alarm: '#b71c1c',
} as const;

export interface ChartPoint {
  period: string;
  observed: number;
  expected: number | null;
  upper: number | null;
  alarm: boolean;
}

interface Props {
  points: ChartPoint[];
  /** Short accessible name of the picture (the caption says the rest). */
  label: string;
  describedBy: string;
  formatNumber: (value: number) => string;
}

const HEIGHT = 280;

function widthOf(element: HTMLElement): number {
  return Math.max(240, Math.floor(element.clientWidth));
}

export function SeriesChart({ points, label, describedBy, formatNumber }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const xs = points.map((_, i) => i + 1);
    const data: uPlot.AlignedData = [
      xs,
      points.map((p) => p.observed),
      points.map((p) => p.expected),
      points.map((p) => p.upper),
      points.map((p) => (p.alarm ? p.observed : null)),
    ];
    const periodAt = (x: number) => points[Math.round(x) - 1]?.period ?? '';
    const options: uPlot.Options = {
      width: widthOf(element),
      height: HEIGHT,
      legend: { show: false },
      cursor: { drag: { x: false, y: false } },
      scales: { x: { time: false } },
      axes: [
        {
          values: (_, splits) => splits.map((x) => (Number.isInteger(x) ? periodAt(x) : '')),
          space: 80,
        },
        { values: (_, splits) => splits.map(formatNumber), size: 56 },
      ],
      series: [
        {},
        { stroke: CHART_COLOURS.observed, width: 2, points: { show: true, size: 4 } },
        { stroke: CHART_COLOURS.expected, width: 2, dash: [6, 4], points: { show: false } },
        { stroke: CHART_COLOURS.upper, width: 2, points: { show: false } },
        {
          stroke: CHART_COLOURS.alarm,
          width: 0,
          paths: () => null,
          points: { show: true, size: 12, width: 2, fill: CHART_COLOURS.alarm, stroke: '#ffffff' },
        },
      ],
    };
    const chart = new uPlot(options, data, element);
    plot.current = chart;
    const resize = new ResizeObserver(() => chart.setSize({ width: widthOf(element), height: HEIGHT }));
    resize.observe(element);
    element.setAttribute('data-ready', 'true');
    return () => {
      resize.disconnect();
      chart.destroy();
      plot.current = null;
    };
  }, [points, formatNumber]);

  // A canvas picture, left-to-right whatever the page direction (time runs left to right).
  return (
    <div
      ref={box}
      class="warn-chart"
      dir="ltr"
      role="img"
      aria-label={label}
      aria-describedby={describedBy}
      data-ready="false"
    />
  );
}
