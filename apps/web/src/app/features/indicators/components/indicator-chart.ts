import { DOCUMENT } from '@angular/common';
import {
  afterRenderEffect,
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  ElementRef,
  inject,
  input,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import { CHART_FACTORY, DrawnChart } from '../chart-factory';
import {
  chartHeight,
  chartSummary,
  indicatorChartConfig,
  IndicatorChartModel,
} from '../indicator-chart-config';

/**
 * One figure of the study: a horizontal bar chart of the study's values beside today's, its N
 * below as the study prints it, and the same figures as a table for anyone who cannot read the
 * chart (shown on request, and on paper when open).
 */
@Component({
  selector: 'app-indicator-chart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatIconModule, TranslatePipe],
  template: `
    @let m = model();
    <figure class="figure" [attr.aria-labelledby]="'figure-caption-' + m.key" [attr.data-figure]="m.key">
      <figcaption class="caption" [id]="'figure-caption-' + m.key">
        <span class="reference">{{ m.reference }}</span> {{ m.title }}
      </figcaption>
      <div class="canvas-box" [style.height.px]="height()">
        <canvas #canvas role="img" data-testid="indicator-chart" [attr.aria-label]="summary()"></canvas>
      </div>
      <p class="counts" data-testid="indicator-n">{{ counts() }}</p>
      <button
        mat-button
        type="button"
        class="toggle no-print"
        data-testid="indicator-table-toggle"
        [attr.aria-expanded]="tableOpen()"
        [attr.aria-controls]="'figure-table-' + m.key"
        (click)="tableOpen.set(!tableOpen())"
      >
        <mat-icon aria-hidden="true" [fontIcon]="tableOpen() ? 'expand_less' : 'table_view'" />
        {{ (tableOpen() ? 'indicators.hideTable' : 'indicators.showTable') | t }}
      </button>
      <div class="scroll" [id]="'figure-table-' + m.key" [hidden]="!tableOpen()">
        <table class="data-table" data-testid="indicator-table">
          <caption class="visually-hidden">
            {{
              'indicators.tableCaption' | t: { figure: m.reference }
            }}
          </caption>
          <thead>
            <tr>
              <th scope="col">{{ 'indicators.columns.indicator' | t }}</th>
              <th scope="col" class="numeric">{{ m.studyLabel }}</th>
              <th scope="col" class="numeric">{{ m.currentLabel }}</th>
              <th scope="col" class="numeric">{{ 'indicators.columns.count' | t }}</th>
            </tr>
          </thead>
          <tbody>
            @for (row of m.rows; track row.id) {
              <tr data-testid="indicator-row" [attr.data-indicator]="row.id">
                <th scope="row">{{ row.label }}</th>
                <td class="numeric" data-testid="indicator-study">{{ row.studyText }}</td>
                <td class="numeric" data-testid="indicator-current" [class.suppressed]="row.suppressed">
                  {{ row.currentText }}
                </td>
                <td class="numeric" data-testid="indicator-count">{{ row.countText }}</td>
              </tr>
            }
          </tbody>
        </table>
      </div>
    </figure>
  `,
  styles: `
    :host {
      display: block;
    }
    .figure {
      margin: 0 0 24px;
      padding: 16px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
      break-inside: avoid;
      page-break-inside: avoid;
    }
    .caption {
      margin-bottom: 12px;
      font: var(--mat-sys-title-medium);
    }
    .reference {
      font-weight: 700;
    }
    .canvas-box {
      position: relative;
      width: 100%;
    }
    .counts {
      margin: 8px 0 0;
      font: var(--mat-sys-body-medium);
    }
    .toggle {
      margin-top: 4px;
    }
    .scroll {
      overflow-x: auto;
    }
    .data-table {
      margin-top: 8px;
    }
    .data-table tbody th {
      font-weight: 400;
    }
    .data-table .numeric {
      white-space: nowrap;
    }
    .suppressed {
      font-style: italic;
    }
    @media print {
      .figure {
        border: none;
        padding: 0;
      }
      canvas {
        max-width: 100% !important;
        height: auto !important;
      }
    }
  `,
})
export class IndicatorChart {
  private readonly factory = inject(CHART_FACTORY);
  private readonly canvas = viewChild.required<ElementRef<HTMLCanvasElement>>('canvas');
  private chart: DrawnChart | null = null;

  readonly model = input.required<IndicatorChartModel>();

  protected readonly tableOpen = signal(false);
  protected readonly height = computed(() => chartHeight(this.model()));
  protected readonly summary = computed(() => chartSummary(this.model()));
  /** "N = 18 · Undersøgelsen 2015: N = 20", as the study prints N under a figure. */
  protected readonly counts = computed(() => {
    const { currentN, studyN } = this.model();
    return studyN ? `${currentN} · ${studyN}` : currentN;
  });

  constructor() {
    // Drawn anew when the figures or the language change.
    afterRenderEffect(() => {
      const config = indicatorChartConfig(this.model());
      const canvas = this.canvas().nativeElement;
      untracked(() => {
        this.chart?.destroy();
        this.chart = this.factory(canvas, config);
      });
    });
    // Chart.js sizes the canvas to the screen; paper is narrower, so fit it before and after printing.
    const view = inject(DOCUMENT).defaultView;
    const fit = () => this.chart?.resize();
    view?.addEventListener('beforeprint', fit);
    view?.addEventListener('afterprint', fit);
    inject(DestroyRef).onDestroy(() => {
      view?.removeEventListener('beforeprint', fit);
      view?.removeEventListener('afterprint', fit);
      this.chart?.destroy();
      this.chart = null;
    });
  }
}
