import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/**
 * The heading of a page: its one `h1` (test id `page-title`), an optional subtitle and
 * projected actions on the right.
 */
@Component({
  selector: 'ui-page-header',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="ui-page-header__text">
      <h1 class="ui-page-header__title" data-testid="page-title">{{ title() }}</h1>
      @if (subtitle(); as subtitle) {
        <p class="ui-page-header__subtitle" data-testid="page-subtitle">{{ subtitle }}</p>
      }
    </div>
    <div class="ui-page-header__actions">
      <ng-content />
    </div>
  `,
  styles: `
    :host {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-end;
      justify-content: space-between;
      gap: 8px 16px;
      margin-bottom: 24px;
    }
    .ui-page-header__text {
      min-width: 0;
    }
    .ui-page-header__title {
      margin: 0;
      font: var(--mat-sys-headline-medium);
      color: var(--mat-sys-on-surface);
      overflow-wrap: anywhere;
    }
    .ui-page-header__subtitle {
      margin: 4px 0 0;
      font: var(--mat-sys-body-large);
      color: var(--mat-sys-on-surface-variant);
    }
    .ui-page-header__actions:empty {
      display: none;
    }
  `,
})
export class PageHeader {
  /** Text of the page's `h1`. */
  readonly title = input.required<string>();
  /** Optional line below the title. */
  readonly subtitle = input<string | null | undefined>(undefined);
}
