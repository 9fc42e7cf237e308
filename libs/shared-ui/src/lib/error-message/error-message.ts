import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';

/**
 * An error box announced to screen readers (`role="alert"`), with an optional detail line and
 * an optional retry button. All texts come from the caller, already translated.
 */
@Component({
  selector: 'ui-error-message',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatIconModule],
  template: `
    <div class="ui-error-message" role="alert">
      <mat-icon class="ui-error-message__icon" aria-hidden="true" fontIcon="error_outline" />
      <div class="ui-error-message__body">
        <p class="ui-error-message__text">{{ message() }}</p>
        @if (detail(); as detail) {
          <p class="ui-error-message__detail">{{ detail }}</p>
        }
      </div>
      @if (retryLabel(); as retryLabel) {
        <button mat-stroked-button type="button" class="ui-error-message__retry" (click)="retry.emit()">
          {{ retryLabel }}
        </button>
      }
    </div>
  `,
  styles: `
    :host {
      display: block;
    }
    .ui-error-message {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-start;
      gap: 8px 12px;
      padding: 12px 16px;
      border-radius: 8px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .ui-error-message__icon {
      flex: none;
    }
    .ui-error-message__body {
      flex: 1 1 12rem;
      min-width: 0;
    }
    .ui-error-message__text,
    .ui-error-message__detail {
      margin: 0;
      overflow-wrap: anywhere;
    }
    .ui-error-message__detail {
      margin-top: 4px;
      font: var(--mat-sys-body-small);
    }
  `,
})
export class ErrorMessage {
  /** The main, translated error text. */
  readonly message = input.required<string>();
  /** Optional second line, e.g. what to do next. */
  readonly detail = input<string | null | undefined>(undefined);
  /** Label of a retry button; no button when empty. */
  readonly retryLabel = input<string | null | undefined>(undefined);
  /** Emits when the retry button is pressed. */
  readonly retry = output<void>();
}
