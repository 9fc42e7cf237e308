import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatPaginatorIntl } from '@angular/material/paginator';
import { ErrorMessage, Loading, PagedTable, PagedTableColumn, PageHeader } from '@mentor/shared-ui';
import { TranslatedPaginatorIntl } from '../i18n/paginator-intl';
import { TranslatePipe } from '../i18n/translate.pipe';
import { PAGE_SIZE_OPTIONS, PagedList } from './paged-list';

/**
 * The frame of a server-paged list page: heading with a loading indicator, an error with retry,
 * and the table with its paginator. A list page brings its {@link pagedList}, columns and texts.
 * `testId` names the error box and the table's parts: `<testId>-error`, `<testId>-table`, ...
 */
@Component({
  selector: 'app-paged-list-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [PageHeader, ErrorMessage, Loading, PagedTable, TranslatePipe],
  // Paginator labels in the active language, so a list route needs no provider of its own.
  providers: [{ provide: MatPaginatorIntl, useClass: TranslatedPaginatorIntl }],
  template: `
    <ui-page-header [title]="title()" [subtitle]="subtitle()">
      @if (list().loading()) {
        <ui-loading [label]="'common.loading' | t" />
      }
      <ng-content select="[pageActions]" />
    </ui-page-header>

    <ng-content />

    @if (list().error(); as error) {
      <ui-error-message
        class="paged-list-page__error"
        [attr.data-testid]="testId() + '-error'"
        [message]="(error === 'forbidden' ? 'common.noAccess' : 'common.loadFailed') | t"
        [detail]="error === 'forbidden' ? null : ('common.tryLater' | t)"
        [retryLabel]="error === 'forbidden' ? null : ('common.retry' | t)"
        (retry)="list().retry()"
      />
    }

    <ui-paged-table
      [testId]="testId()"
      [columns]="columns()"
      [rows]="list().items()"
      [total]="list().total()"
      [pageIndex]="list().pageIndex()"
      [pageSize]="list().query().limit"
      [pageSizeOptions]="pageSizeOptions"
      [loading]="list().loading()"
      [sortActive]="list().sortActive()"
      [sortDirection]="list().sortDirection()"
      [tableLabel]="tableLabel()"
      [emptyText]="list().error() ? null : emptyText()"
      (sortChange)="list().setSort($event.active, $event.direction)"
      (pageChange)="list().setPage($event.pageIndex, $event.pageSize)"
    />
  `,
  styles: `
    :host {
      display: block;
    }
    .paged-list-page__error {
      margin-bottom: 16px;
    }
  `,
})
export class PagedListPage<T> {
  /** The list's state and actions, from {@link pagedList}. */
  readonly list = input.required<PagedList<T>>();
  /** Columns, already translated; rebuild them when the language changes. */
  readonly columns = input.required<readonly PagedTableColumn<T>[]>();
  readonly title = input.required<string>();
  readonly subtitle = input<string | null | undefined>(undefined);
  readonly tableLabel = input.required<string>();
  readonly emptyText = input.required<string>();
  /** Prefix of the test ids, e.g. `users`. */
  readonly testId = input.required<string>();

  protected readonly pageSizeOptions = PAGE_SIZE_OPTIONS;
}
