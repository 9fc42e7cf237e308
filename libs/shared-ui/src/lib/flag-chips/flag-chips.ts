import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/** One flag to show; the text already translated. */
export interface FlagChip {
  /** Stable id, also the chip's `data-testid` suffix (`flag-<id>`). */
  readonly id: string;
  readonly label: string;
  /** `warn` for what needs action soon, `info` for the rest. */
  readonly tone?: 'warn' | 'info';
}

/** Read-only flags ("Ingen kontakt i 14 dage", "Over budget") as a list of small chips. */
@Component({
  selector: 'ui-flag-chips',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (flags().length) {
      <ul class="ui-flag-chips" [attr.aria-label]="listLabel()">
        @for (flag of flags(); track flag.id) {
          <li
            class="ui-flag-chips__chip"
            [class.ui-flag-chips__chip--warn]="flag.tone !== 'info'"
            [attr.data-testid]="'flag-' + flag.id"
          >
            {{ flag.label }}
          </li>
        }
      </ul>
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .ui-flag-chips {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 6px;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .ui-flag-chips__chip {
      padding: 2px 10px;
      border-radius: 12px;
      font: var(--mat-sys-label-medium);
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    .ui-flag-chips__chip--warn {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
  `,
})
export class FlagChips {
  readonly flags = input.required<readonly FlagChip[]>();
  /** Accessible name of the list, e.g. "Markeringer". */
  readonly listLabel = input<string | null | undefined>(undefined);
}
