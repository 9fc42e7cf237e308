import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { OrganisationSummary } from '@mentor/domain';
import { PagedTableColumn } from '@mentor/shared-ui';
import { pagedList } from '../../../core/http/paged-list';
import { PagedListPage } from '../../../core/http/paged-list-page';
import { I18nService } from '../../../core/i18n/i18n.service';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import { OrganisationSortField, OrganisationsApiService } from '../organisations-api.service';

const DEFAULT_SORT: OrganisationSortField = 'name';

@Component({
  selector: 'app-organisations-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [PagedListPage, TranslatePipe],
  templateUrl: './organisations.page.html',
})
export class OrganisationsPage {
  private readonly api = inject(OrganisationsApiService);
  private readonly i18n = inject(I18nService);

  protected readonly list = pagedList<OrganisationSummary>((query) => this.api.list(query), DEFAULT_SORT);

  // Reading `t` inside `computed` rebuilds the headers when the language changes.
  protected readonly columns = computed((): PagedTableColumn<OrganisationSummary>[] => {
    const t = (key: string) => this.i18n.t(key);
    return [
      {
        id: 'name',
        header: t('organisations.name'),
        sortable: true,
        sortLabel: t('organisations.sortByName'),
        cell: (organisation) => organisation.name,
      },
      {
        id: 'kind',
        header: t('organisations.kind'),
        sortable: true,
        sortLabel: t('organisations.sortByKind'),
        cell: (organisation) => t(`organisationKinds.${organisation.kind}`),
      },
    ];
  });
}
