import { InjectionToken } from '@angular/core';
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  type ChartConfiguration,
  Legend,
  LinearScale,
  Tooltip,
} from 'chart.js';

/** The part of a drawn chart the page uses. */
export interface DrawnChart {
  /** Fits the chart to its box again (before and after printing). */
  resize(): void;
  destroy(): void;
}

export type ChartFactory = (canvas: HTMLCanvasElement, config: ChartConfiguration<'bar'>) => DrawnChart;

// Only what a horizontal bar chart with a legend and tooltips needs, so the bundle stays small.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

/** Draws charts with Chart.js; unit tests (no canvas in jsdom) provide their own. */
export const CHART_FACTORY = new InjectionToken<ChartFactory>('CHART_FACTORY', {
  providedIn: 'root',
  factory: () => (canvas, config) => new Chart(canvas, config),
});
