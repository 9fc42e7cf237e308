import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatSortModule, Sort } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { OrganisationSummary } from '@mentor/domain';
import { ErrorMessage, Loading, PageHeader } from '@mentor/shared-ui';
import { PAGE_SIZE_OPTIONS, pagedList } from '../../../core/http/paged-list';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import { OrganisationSortField, OrganisationsApiService } from '../organisations-api.service';

const DEFAULT_SORT: OrganisationSortField = 'name';

@Component({
  selector: 'app-organisations-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatTableModule,
    MatSortModule,
    MatPaginatorModule,
    PageHeader,
    ErrorMessage,
    Loading,
    TranslatePipe,
  ],
  templateUrl: './organisations.page.html',
  styleUrl: '../../list-page.scss',
})
export class OrganisationsPage {
  private readonly api = inject(OrganisationsApiService);

  protected readonly list = pagedList<OrganisationSummary>((query) => this.api.list(query), DEFAULT_SORT);
  protected readonly columns = ['name', 'kind'] as const;
  protected readonly pageSizeOptions = PAGE_SIZE_OPTIONS;
  protected readonly defaultSort = DEFAULT_SORT;

  protected onSort(sort: Sort): void {
    this.list.setSort(sort.active, sort.direction);
  }

  protected onPage(event: PageEvent): void {
    this.list.setPage(event.pageIndex, event.pageSize);
  }
}
