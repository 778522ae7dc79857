import uPlot from 'uplot';
import { h } from './dom.js';

export interface ChartSeries {
  label: string;
  values: Array<number | null>;
  /** Line colour; each series also has its own dash pattern, so colour is not the only cue. */
  stroke?: string;
  dash?: number[];
  /** Which y axis: 'y' (left, default) or 'y2' (right). */
  scale?: 'y' | 'y2';
}

export interface ChartOptions {
  title: string;
  /** Times of the points, ms since the epoch. */
  times: number[];
  series: ChartSeries[];
  height?: number;
  yLabel?: string;
  y2Label?: string;
  format?: (v: number) => string;
  /** The time range shown (ms), whatever the data covers; default: the data's. */
  range?: [number, number];
  /** Called with the range a user selected by dragging (ms). */
  onZoom?: (from: number, to: number) => void;
}

const PALETTE = ['#1f5fa8', '#b3541e', '#2d7d46', '#7a3e9d'];
const DASHES: number[][] = [[], [6, 4], [2, 3], [10, 3, 2, 3]];

/**
 * A time-series chart (uPlot: canvas, made for thousands of points). The wrapper
 * has a text summary for screen readers; dragging across it zooms when `onZoom` is set.
 */
export function lineChart(container: HTMLElement, o: ChartOptions): { destroy(): void; plot: uPlot } {
  const values = o.series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const summary =
    `${o.title}: ${o.times.length} points` +
    (o.times.length
      ? ` from ${new Date(o.times[0]).toISOString().slice(0, 16)} to ${new Date(o.times[o.times.length - 1]).toISOString().slice(0, 16)}` +
        (values.length
          ? `, lowest ${fmt(o, Math.min(...values))}, highest ${fmt(o, Math.max(...values))}`
          : '')
      : '');
  const box = h('figure', { class: 'chart', role: 'img', 'aria-label': summary });
  const caption = h('figcaption', {}, o.title);
  box.append(caption);
  container.append(box);
  const width = Math.max(300, container.clientWidth - 8);
  const opts: uPlot.Options = {
    width,
    height: o.height ?? 220,
    cursor: { drag: { x: Boolean(o.onZoom), y: false, setScale: false } },
    scales: { x: o.range ? { time: true, range: [o.range[0] / 1000, o.range[1] / 1000] } : { time: true } },
    axes: [
      { stroke: '#333', grid: { stroke: '#e4e4e4' } },
      {
        stroke: '#333',
        grid: { stroke: '#e4e4e4' },
        label: o.yLabel,
        values: (_u, ticks) => ticks.map((t) => fmt(o, t)),
        size: 70,
      },
      ...(o.series.some((s) => s.scale === 'y2')
        ? [{ scale: 'y2', side: 1, stroke: '#333', grid: { show: false }, label: o.y2Label, size: 70 }]
        : []),
    ],
    series: [
      {},
      ...o.series.map((s, i) => ({
        label: s.label,
        scale: s.scale ?? 'y',
        stroke: s.stroke ?? PALETTE[i % PALETTE.length],
        dash: s.dash ?? DASHES[i % DASHES.length],
        width: 2,
        spanGaps: false,
        value: (_u: uPlot, v: number | null) => (v === null ? '–' : fmt(o, v)),
      })),
    ],
    hooks: o.onZoom
      ? {
          setSelect: [
            (u: uPlot) => {
              if (u.select.width < 4) return;
              const from = u.posToVal(u.select.left, 'x') * 1000;
              const to = u.posToVal(u.select.left + u.select.width, 'x') * 1000;
              u.setSelect({ left: 0, top: 0, width: 0, height: 0 }, false);
              o.onZoom!(Math.round(from), Math.round(to));
            },
          ],
        }
      : {},
  };
  const data: uPlot.AlignedData = [o.times.map((t) => t / 1000), ...o.series.map((s) => s.values)];
  const plot = new uPlot(opts, data, box);
  const resize = new ResizeObserver(() =>
    plot.setSize({ width: Math.max(300, container.clientWidth - 8), height: opts.height }),
  );
  resize.observe(container);
  return {
    plot,
    destroy() {
      resize.disconnect();
      plot.destroy();
      box.remove();
    },
  };
}

function fmt(o: ChartOptions, v: number): string {
  return o.format ? o.format(v) : Number.isInteger(v) ? String(v) : v.toFixed(2);
}
