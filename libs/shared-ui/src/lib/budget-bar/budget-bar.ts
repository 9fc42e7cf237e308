import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

/**
 * Logged against granted minutes as a bar with its value in words ("45 af 60 min"). Exposed as an
 * ARIA meter: the name says what is measured, `aria-valuetext` the value as read aloud. Logged
 * minutes beyond the grant fill the bar and turn it to the warning colour.
 */
@Component({
  selector: 'ui-budget-bar',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="ui-budget-bar__head">
      <span class="ui-budget-bar__label" [class.ui-budget-bar__label--hidden]="hideLabel()">{{
        label()
      }}</span>
      <span class="ui-budget-bar__value" data-testid="budget-bar-value">{{ valueText() }}</span>
    </div>
    <div
      class="ui-budget-bar__track"
      role="meter"
      [class.ui-budget-bar__track--over]="over()"
      [attr.aria-label]="label()"
      aria-valuemin="0"
      [attr.aria-valuemax]="max()"
      [attr.aria-valuenow]="now()"
      [attr.aria-valuetext]="valueText()"
    >
      <div class="ui-budget-bar__fill" [style.width.%]="percent()"></div>
    </div>
  `,
  styles: `
    :host {
      display: block;
    }
    .ui-budget-bar__head {
      display: flex;
      flex-wrap: wrap;
      justify-content: space-between;
      gap: 0 8px;
      font: var(--mat-sys-body-medium);
    }
    .ui-budget-bar__value {
      font-weight: 500;
    }
    .ui-budget-bar__label--hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
    }
    .ui-budget-bar__track {
      height: 10px;
      margin-top: 4px;
      border-radius: 5px;
      overflow: hidden;
      background: var(--mat-sys-surface-container-highest);
      outline: 1px solid var(--mat-sys-outline);
    }
    .ui-budget-bar__fill {
      height: 100%;
      background: var(--mat-sys-primary);
    }
    .ui-budget-bar__track--over .ui-budget-bar__fill {
      background: var(--mat-sys-error);
    }
  `,
})
export class BudgetBar {
  /** Minutes logged. */
  readonly logged = input.required<number>();
  /** Minutes granted. */
  readonly granted = input.required<number>();
  /** What is measured, e.g. "Denne uge"; also the meter's accessible name. */
  readonly label = input.required<string>();
  /** The value in words, e.g. "45 af 60 min", already translated. */
  readonly valueText = input.required<string>();
  /** Shows only the value (in a table whose header names it); the label stays for screen readers. */
  readonly hideLabel = input(false);

  protected readonly over = computed(() => this.logged() > this.granted());
  protected readonly max = computed(() => Math.max(this.granted(), 0));
  protected readonly now = computed(() => Math.min(Math.max(this.logged(), 0), this.max()));
  /** Share of the grant used, 0–100; a zero grant with anything logged shows full. */
  protected readonly percent = computed(() => {
    const granted = this.granted();
    if (granted <= 0) return this.logged() > 0 ? 100 : 0;
    return Math.min(100, Math.max(0, (this.logged() / granted) * 100));
  });
}
