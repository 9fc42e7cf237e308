import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input, output, TemplateRef } from '@angular/core';
import { MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatSortModule, Sort, SortDirection } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';

/** One column of a {@link PagedTable}; all texts already translated. */
export interface PagedTableColumn<T> {
  /** Column id; for a sortable column also the sort field sent to the server. */
  readonly id: string;
  /** Header text. */
  readonly header: string;
  /** Whether the header sorts the list. */
  readonly sortable?: boolean;
  /** What a screen reader hears for the sort button, e.g. "Sorter efter navn". */
  readonly sortLabel?: string;
  /** Text of the cell for a row. */
  readonly cell: (row: T) => string;
  /** Optional rich cell (a link, chips); gets the row as `$implicit`. `cell` stays the plain text. */
  readonly template?: TemplateRef<{ $implicit: T }> | null;
}

/** A sort change: a column id and a direction; an empty direction means "no sort chosen". */
export interface PagedTableSort {
  readonly active: string;
  readonly direction: SortDirection;
}

/** A paginator change: the zero-based page and the page size. */
export interface PagedTablePage {
  readonly pageIndex: number;
  readonly pageSize: number;
}

/**
 * A server-paged, server-sorted table: Material table with sortable headers, an empty row and a
 * paginator, scrolling sideways inside its own box on narrow screens. It only shows the page it
 * is given and reports sort and page changes; paginator labels come from `MatPaginatorIntl`.
 * With `testId` set, the table, its rows and the paginator get `<testId>-table`,
 * `<testId>-row` and `<testId>-paginator`.
 */
@Component({
  selector: 'ui-paged-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatTableModule, MatSortModule, MatPaginatorModule, NgTemplateOutlet],
  template: `
    <div class="ui-paged-table__scroll">
      <table
        mat-table
        class="ui-paged-table__table"
        [attr.data-testid]="testIdFor('table')"
        [dataSource]="rows()"
        [attr.aria-label]="tableLabel()"
        [attr.aria-busy]="loading()"
        matSort
        [matSortActive]="sortActive()"
        [matSortDirection]="sortDirection()"
        (matSortChange)="onSort($event)"
      >
        @for (column of columns(); track column.id) {
          <ng-container [matColumnDef]="column.id">
            @if (column.sortable) {
              <th
                mat-header-cell
                *matHeaderCellDef
                mat-sort-header
                [sortActionDescription]="column.sortLabel ?? ''"
              >
                {{ column.header }}
              </th>
            } @else {
              <th mat-header-cell *matHeaderCellDef>{{ column.header }}</th>
            }
            <td mat-cell *matCellDef="let row">
              @if (column.template; as template) {
                <ng-container *ngTemplateOutlet="template; context: { $implicit: row }" />
              } @else {
                {{ column.cell(row) }}
              }
            </td>
          </ng-container>
        }

        <tr mat-header-row *matHeaderRowDef="columnIds()"></tr>
        <tr mat-row *matRowDef="let row; columns: columnIds()" [attr.data-testid]="testIdFor('row')"></tr>
        <tr class="mat-mdc-row" *matNoDataRow>
          <td class="mat-mdc-cell ui-paged-table__empty" [attr.colspan]="columnIds().length">
            @if (!loading()) {
              {{ emptyText() }}
            }
          </td>
        </tr>
      </table>
    </div>

    <mat-paginator
      [attr.data-testid]="testIdFor('paginator')"
      [length]="total()"
      [pageIndex]="pageIndex()"
      [pageSize]="pageSize()"
      [pageSizeOptions]="pageSizeOptions()"
      [showFirstLastButtons]="true"
      (page)="onPage($event)"
    />
  `,
  styles: `
    :host {
      display: block;
    }
    .ui-paged-table__scroll {
      overflow-x: auto;
      max-width: 100%;
    }
    .ui-paged-table__table {
      width: 100%;
    }
    .ui-paged-table__empty {
      padding: 16px;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class PagedTable<T> {
  /** Columns in display order. */
  readonly columns = input.required<readonly PagedTableColumn<T>[]>();
  /** The rows of the current page. */
  readonly rows = input.required<readonly T[]>();
  /** Number of rows across all pages. */
  readonly total = input.required<number>();
  /** Zero-based index of the current page. */
  readonly pageIndex = input.required<number>();
  /** Rows per page. */
  readonly pageSize = input.required<number>();
  /** Page sizes the paginator offers. */
  readonly pageSizeOptions = input.required<readonly number[]>();
  /** A page is on its way: sets `aria-busy` and holds back the empty text. */
  readonly loading = input(false);
  /** Id of the column the list is sorted by. */
  readonly sortActive = input<string>('');
  /** Direction of that sort. */
  readonly sortDirection = input<SortDirection>('');
  /** Accessible name of the table. */
  readonly tableLabel = input.required<string>();
  /** Shown in the table when there are no rows and nothing is loading; nothing when empty. */
  readonly emptyText = input<string | null | undefined>(undefined);
  /** Prefix of the `data-testid`s of the table, its rows and the paginator. */
  readonly testId = input<string | null | undefined>(undefined);

  /** A header was clicked: the column id and the new direction. */
  readonly sortChange = output<PagedTableSort>();
  /** Another page or page size was chosen. */
  readonly pageChange = output<PagedTablePage>();

  protected readonly columnIds = computed(() => this.columns().map((column) => column.id));

  protected testIdFor(part: 'table' | 'row' | 'paginator'): string | null {
    const prefix = this.testId();
    return prefix ? `${prefix}-${part}` : null;
  }

  protected onSort(sort: Sort): void {
    this.sortChange.emit({ active: sort.active, direction: sort.direction });
  }

  protected onPage(event: PageEvent): void {
    this.pageChange.emit({ pageIndex: event.pageIndex, pageSize: event.pageSize });
  }
}
