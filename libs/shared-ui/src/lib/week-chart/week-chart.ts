import { ChangeDetectionStrategy, Component, computed, input, signal } from '@angular/core';

/** One week of the chart; texts already translated. */
export interface WeekChartBar {
  /** Short label under the bar, e.g. "U48". */
  readonly label: string;
  /** Long label for the data table, e.g. "Uge 48 (24.11.2025)". */
  readonly longLabel: string;
  readonly granted: number;
  readonly logged: number;
}

/** Texts of the {@link WeekChart}, already translated. */
export interface WeekChartTexts {
  readonly caption: string;
  readonly week: string;
  readonly granted: string;
  readonly logged: string;
  readonly showTable: string;
  readonly hideTable: string;
}

/**
 * Granted against logged minutes per week as CSS bars (a grey granted bar behind the logged bar),
 * with a button that shows the same numbers as a table. The bars are hidden from screen readers,
 * which get the table (always present, visually hidden until shown).
 */
@Component({
  selector: 'ui-week-chart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="ui-week-chart__bars" aria-hidden="true">
      @for (bar of bars(); track $index) {
        <div class="ui-week-chart__week">
          <div class="ui-week-chart__area">
            <div class="ui-week-chart__granted" [style.height.%]="pct(bar.granted)"></div>
            <div
              class="ui-week-chart__logged"
              [class.ui-week-chart__logged--over]="bar.logged > bar.granted"
              [style.height.%]="pct(bar.logged)"
            ></div>
          </div>
          <span class="ui-week-chart__label">{{ bar.label }}</span>
        </div>
      }
    </div>
    <div class="ui-week-chart__legend" aria-hidden="true">
      <span
        ><span class="ui-week-chart__swatch ui-week-chart__swatch--granted"></span>{{ texts().granted }}</span
      >
      <span
        ><span class="ui-week-chart__swatch ui-week-chart__swatch--logged"></span>{{ texts().logged }}</span
      >
    </div>
    <button
      type="button"
      class="ui-week-chart__toggle"
      data-testid="week-chart-toggle"
      [attr.aria-expanded]="tableShown()"
      (click)="tableShown.set(!tableShown())"
    >
      {{ tableShown() ? texts().hideTable : texts().showTable }}
    </button>
    <div [class.ui-week-chart__hidden]="!tableShown()" class="ui-week-chart__table-box">
      <table class="ui-week-chart__table" data-testid="week-chart-table">
        <caption>
          {{
            texts().caption
          }}
        </caption>
        <thead>
          <tr>
            <th scope="col">{{ texts().week }}</th>
            <th scope="col">{{ texts().granted }}</th>
            <th scope="col">{{ texts().logged }}</th>
          </tr>
        </thead>
        <tbody>
          @for (bar of bars(); track $index) {
            <tr>
              <th scope="row">{{ bar.longLabel }}</th>
              <td>{{ bar.granted }}</td>
              <td>{{ bar.logged }}</td>
            </tr>
          }
        </tbody>
      </table>
    </div>
  `,
  styles: `
    :host {
      display: block;
    }
    .ui-week-chart__bars {
      display: flex;
      align-items: flex-end;
      gap: 4px;
      overflow-x: auto;
      padding-bottom: 4px;
    }
    .ui-week-chart__week {
      display: flex;
      flex-direction: column;
      align-items: center;
      flex: 0 0 28px;
    }
    .ui-week-chart__area {
      position: relative;
      width: 20px;
      height: 120px;
    }
    .ui-week-chart__granted,
    .ui-week-chart__logged {
      position: absolute;
      bottom: 0;
      border-radius: 3px 3px 0 0;
    }
    .ui-week-chart__granted {
      left: 0;
      width: 20px;
      background: var(--mat-sys-surface-container-highest);
      outline: 1px solid var(--mat-sys-outline);
    }
    .ui-week-chart__logged {
      left: 4px;
      width: 12px;
      background: var(--mat-sys-primary);
    }
    .ui-week-chart__logged--over {
      background: var(--mat-sys-error);
    }
    .ui-week-chart__label {
      font: var(--mat-sys-label-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .ui-week-chart__legend {
      display: flex;
      gap: 16px;
      margin: 8px 0;
      font: var(--mat-sys-body-small);
    }
    .ui-week-chart__swatch {
      display: inline-block;
      width: 12px;
      height: 12px;
      margin-right: 4px;
      vertical-align: middle;
      border-radius: 2px;
    }
    .ui-week-chart__swatch--granted {
      background: var(--mat-sys-surface-container-highest);
      outline: 1px solid var(--mat-sys-outline);
    }
    .ui-week-chart__swatch--logged {
      background: var(--mat-sys-primary);
    }
    .ui-week-chart__toggle {
      min-height: 40px;
      padding: 0 12px;
      border: 1px solid var(--mat-sys-outline);
      border-radius: 20px;
      background: transparent;
      color: var(--mat-sys-primary);
      font: var(--mat-sys-label-large);
      cursor: pointer;
    }
    .ui-week-chart__table-box {
      overflow-x: auto;
      margin-top: 8px;
    }
    .ui-week-chart__hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      margin: -1px;
      overflow: hidden;
      clip: rect(0, 0, 0, 0);
      white-space: nowrap;
    }
    .ui-week-chart__table {
      border-collapse: collapse;
    }
    .ui-week-chart__table caption {
      text-align: left;
      font-weight: 500;
    }
    .ui-week-chart__table th,
    .ui-week-chart__table td {
      padding: 4px 12px;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
      text-align: left;
    }
    .ui-week-chart__table td {
      text-align: right;
    }
  `,
})
export class WeekChart {
  readonly bars = input.required<readonly WeekChartBar[]>();
  readonly texts = input.required<WeekChartTexts>();

  protected readonly tableShown = signal(false);
  private readonly scale = computed(() =>
    Math.max(1, ...this.bars().map((bar) => Math.max(bar.granted, bar.logged))),
  );

  protected pct(minutes: number): number {
    return Math.min(100, (Math.max(0, minutes) / this.scale()) * 100);
  }
}
