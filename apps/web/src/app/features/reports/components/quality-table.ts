import { formatNumber, formatPercent } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatSortModule, Sort } from '@angular/material/sort';
import { ReportQualityRow } from '@mentor/domain';
import { I18nService } from '../../../core/i18n/i18n.service';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import { onTimeShare, QualityColumn, QualitySort, sortQualityRows } from '../report-quality-table';

export interface QualityTableColumn {
  readonly id: QualityColumn;
  readonly header: string;
  readonly numeric: boolean;
}

/** One table of report quality figures (per organisation or per mentor), sortable on every column. */
@Component({
  selector: 'app-quality-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatSortModule, TranslatePipe],
  template: `
    <section class="block" [attr.aria-labelledby]="testId() + '-heading'">
      <h2 [id]="testId() + '-heading'">{{ heading() }}</h2>
      <div class="scroll">
        <table
          class="data-table"
          matSort
          [attr.data-testid]="testId()"
          [matSortActive]="sort().active"
          [matSortDirection]="sort().direction"
          (matSortChange)="sortBy($event)"
        >
          <caption class="visually-hidden">
            {{
              heading()
            }}
          </caption>
          <thead>
            <tr>
              @for (column of columns(); track column.id) {
                <th
                  scope="col"
                  [mat-sort-header]="column.id"
                  [class.numeric]="column.numeric"
                  [sortActionDescription]="'reportQuality.sortBy' | t: { column: column.header }"
                >
                  {{ column.header }}
                </th>
              }
            </tr>
          </thead>
          <tbody>
            @for (row of sortedRows(); track row.organisationId + (row.mentorId ?? '')) {
              <tr [attr.data-testid]="rowTestId()">
                @for (column of columns(); track column.id) {
                  <td [class.numeric]="column.numeric">{{ cell(row, column.id) }}</td>
                }
              </tr>
            } @empty {
              <tr>
                <td [attr.colspan]="columns().length">{{ 'reportQuality.empty' | t }}</td>
              </tr>
            }
          </tbody>
        </table>
      </div>
    </section>
  `,
  styles: `
    .block {
      margin-bottom: 24px;
    }
    h2 {
      margin: 0 0 8px;
      font: var(--mat-sys-title-large);
    }
    .scroll {
      overflow-x: auto;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
    }
    .data-table th,
    .data-table td {
      white-space: nowrap;
    }
    .data-table th {
      font: var(--mat-sys-title-small);
      white-space: normal;
      vertical-align: bottom;
    }
  `,
})
export class QualityTable {
  private readonly i18n = inject(I18nService);

  readonly heading = input.required<string>();
  /** Also the prefix of the heading's id. */
  readonly testId = input.required<string>();
  readonly rowTestId = input.required<string>();
  readonly columns = input.required<readonly QualityTableColumn[]>();
  readonly rows = input.required<readonly ReportQualityRow[]>();

  protected readonly sort = signal<QualitySort>({ active: '', direction: '' });
  protected readonly sortedRows = computed(() =>
    sortQualityRows([...this.rows()], this.sort(), this.i18n.locale()),
  );

  protected sortBy(sort: Sort): void {
    this.sort.set({ active: sort.active as QualityColumn, direction: sort.direction });
  }

  protected cell(row: ReportQualityRow, column: QualityColumn): string {
    const locale = this.i18n.locale();
    const none = '–';
    const number = (value: number | null, digits = '1.0-1') =>
      value === null ? none : formatNumber(value, locale, digits);
    const percent = (value: number | null) => (value === null ? none : formatPercent(value, locale, '1.0-0'));
    switch (column) {
      case 'organisationName':
        return row.organisationName;
      case 'mentorName':
        return row.mentorName ?? none;
      case 'reportsDue':
      case 'submittedOnTime':
        return String(row[column]);
      case 'onTimeShare':
        return percent(onTimeShare(row));
      case 'averageQualityScore':
        return number(row.averageQualityScore, '1.0-0');
      case 'acceptedWithoutRevisionShare':
        return percent(row.acceptedWithoutRevisionShare);
      case 'averageDaysToReview':
        return number(row.averageDaysToReview);
    }
  }
}
