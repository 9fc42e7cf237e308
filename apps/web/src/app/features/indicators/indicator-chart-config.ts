import type { ChartConfiguration, Plugin } from 'chart.js';
import { formatPercent, wrapLabel } from './indicator-view';

/** One indicator of a figure, ready to draw and to list in the table. */
export interface IndicatorChartRow {
  readonly id: string;
  readonly label: string;
  /** The study's share, or its range; null when it gave none. */
  readonly study: number | [number, number] | null;
  readonly studyText: string;
  /** The current share; null when withheld or without data (the text says which). */
  readonly current: number | null;
  readonly currentText: string;
  readonly countText: string;
  readonly suppressed: boolean;
}

/** A figure of the study with today's values beside the study's. */
export interface IndicatorChartModel {
  /** Stable DOM id part, e.g. `3_1`. */
  readonly key: string;
  /** "Figur 3.1". */
  readonly reference: string;
  readonly title: string;
  readonly rows: readonly IndicatorChartRow[];
  /** "N = 20" for the period shown. */
  readonly currentN: string;
  /** "Undersøgelsen 2015: N = 20", where the study gave its N. */
  readonly studyN: string | null;
  /** Legend names: "Undersøgelsen 2015", "Nu". */
  readonly studyLabel: string;
  readonly currentLabel: string;
  readonly locale: string;
}

/** The study in grey, today in the theme's blue; both at least 3:1 against white (WCAG 1.4.11). */
export const STUDY_COLOUR = '#6f6f6f';
export const CURRENT_COLOUR = '#005cbb';
const TEXT_COLOUR = '#1a1c1e';
const FONT = { family: 'Roboto, "Helvetica Neue", sans-serif', size: 12 };

/** Height of the canvas: room for both bars of every row and for labels wrapped over lines. */
export function chartHeight(model: IndicatorChartModel): number {
  const rows = model.rows.reduce((sum, row) => sum + Math.max(52, wrapLabel(row.label).length * 15 + 22), 0);
  return rows + 72;
}

/**
 * Writes each bar's value at its end (the withheld and empty ones at the axis, in words), so the
 * chart reads without hovering and on paper.
 */
export function valueLabels(texts: readonly (readonly string[])[]): Plugin<'bar'> {
  return {
    id: 'indicatorValueLabels',
    afterDatasetsDraw(chart) {
      const { ctx } = chart;
      const zero = chart.scales['x'].getPixelForValue(0);
      ctx.save();
      ctx.font = `${FONT.size}px ${FONT.family}`;
      ctx.fillStyle = TEXT_COLOUR;
      ctx.textBaseline = 'middle';
      chart.data.datasets.forEach((_, datasetIndex) => {
        const meta = chart.getDatasetMeta(datasetIndex);
        if (meta.hidden) return;
        meta.data.forEach((bar, index) => {
          const text = texts[datasetIndex]?.[index];
          const { x, y, base } = bar.getProps(['x', 'y', 'base'], true) as {
            x: number;
            y: number;
            base: number;
          };
          if (!text || !Number.isFinite(y)) return;
          const end = Number.isFinite(x) ? Math.max(x, Number.isFinite(base) ? base : x) : zero;
          ctx.fillText(text, end + 4, y);
        });
      });
      ctx.restore();
    },
  };
}

/** A horizontal bar chart of one figure: per indicator the study's bar and today's, shares 0–100 %. */
export function indicatorChartConfig(model: IndicatorChartModel): ChartConfiguration<'bar'> {
  const rows = model.rows;
  return {
    type: 'bar',
    data: {
      labels: rows.map((row) => wrapLabel(row.label)),
      datasets: [
        {
          label: model.studyLabel,
          data: rows.map((row) => row.study) as (number | [number, number] | null)[] as number[],
          backgroundColor: STUDY_COLOUR,
          barPercentage: 0.9,
          categoryPercentage: 0.8,
        },
        {
          label: model.currentLabel,
          data: rows.map((row) => row.current) as number[],
          backgroundColor: CURRENT_COLOUR,
          barPercentage: 0.9,
          categoryPercentage: 0.8,
        },
      ],
    },
    options: {
      indexAxis: 'y',
      responsive: true,
      maintainAspectRatio: false,
      // Drawn at once: nothing moves (reduced motion) and printing never catches a half-drawn bar.
      animation: false,
      // At least twice the pixels, so the chart stays sharp on paper.
      devicePixelRatio: Math.max(2, globalThis.devicePixelRatio ?? 1),
      // Room for the value written after a full bar.
      layout: { padding: { right: 72 } },
      scales: {
        x: {
          min: 0,
          max: 1,
          ticks: {
            stepSize: 0.2,
            color: TEXT_COLOUR,
            font: FONT,
            callback: (value) => formatPercent(Number(value), model.locale),
          },
        },
        y: { ticks: { color: TEXT_COLOUR, font: FONT, autoSkip: false } },
      },
      plugins: {
        legend: { position: 'bottom', labels: { color: TEXT_COLOUR, font: FONT } },
        tooltip: {
          callbacks: {
            title: (items) => rows[items[0]?.dataIndex ?? 0]?.label ?? '',
            label: (item) => {
              const row = rows[item.dataIndex];
              const text = item.datasetIndex === 0 ? row?.studyText : row?.currentText;
              return `${item.dataset.label}: ${text ?? ''}`;
            },
          },
        },
      },
    },
    plugins: [
      valueLabels([
        rows.map((row) => (row.study === null ? '' : row.studyText)),
        rows.map((row) => row.currentText),
      ]),
    ],
  };
}

/** What the page says the chart shows, for the canvas's `aria-label`. */
export function chartSummary(model: IndicatorChartModel): string {
  const rows = model.rows.map(
    (row) => `${row.label}: ${model.currentLabel} ${row.currentText}, ${model.studyLabel} ${row.studyText}`,
  );
  return [`${model.reference}. ${model.title}`, ...rows, model.currentN].join('. ');
}
