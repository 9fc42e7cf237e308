import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { UserSummary } from '@mentor/domain';
import { PagedTableColumn } from '@mentor/shared-ui';
import { pagedList } from '../../../core/http/paged-list';
import { PagedListPage } from '../../../core/http/paged-list-page';
import { I18nService } from '../../../core/i18n/i18n.service';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import { UserSortField, UsersApiService } from '../users-api.service';

const DEFAULT_SORT: UserSortField = 'name';

@Component({
  selector: 'app-users-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [PagedListPage, TranslatePipe],
  templateUrl: './users.page.html',
})
export class UsersPage {
  private readonly api = inject(UsersApiService);
  private readonly i18n = inject(I18nService);

  protected readonly list = pagedList<UserSummary>((query) => this.api.list(query), DEFAULT_SORT);

  // Reading `t` inside `computed` rebuilds the headers when the language changes.
  protected readonly columns = computed((): PagedTableColumn<UserSummary>[] => {
    const t = (key: string) => this.i18n.t(key);
    return [
      {
        id: 'name',
        header: t('users.name'),
        sortable: true,
        sortLabel: t('users.sortByName'),
        cell: (user) => user.name,
      },
      {
        id: 'username',
        header: t('users.username'),
        sortable: true,
        sortLabel: t('users.sortByUsername'),
        cell: (user) => user.username,
      },
      {
        id: 'role',
        header: t('users.role'),
        sortable: true,
        sortLabel: t('users.sortByRole'),
        cell: (user) => t(`roles.${user.role}`),
      },
      { id: 'organisation', header: t('users.organisation'), cell: (user) => user.organisationName },
    ];
  });
}
