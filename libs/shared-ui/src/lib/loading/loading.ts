import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';

/** A small busy indicator with a visible, translated label, announced politely. */
@Component({
  selector: 'ui-loading',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatProgressSpinnerModule],
  template: `
    <div class="ui-loading" role="status">
      <mat-progress-spinner mode="indeterminate" [diameter]="diameter()" [attr.aria-label]="label()" />
      <span class="ui-loading__label">{{ label() }}</span>
    </div>
  `,
  styles: `
    :host {
      display: block;
    }
    .ui-loading {
      display: flex;
      align-items: center;
      gap: 12px;
      padding: 16px 0;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class Loading {
  /** Translated text shown beside the spinner, e.g. "Henter ...". */
  readonly label = input.required<string>();
  /** Spinner size in pixels. */
  readonly diameter = input(24);
}
