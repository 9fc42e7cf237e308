import { LiveAnnouncer } from '@angular/cdk/a11y';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  signal,
  type TemplateRef,
  viewChild,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { hasPermission, Permission, UserSummary } from '@mentor/domain';
import { PagedTableColumn } from '@mentor/shared-ui';
import { AuthService } from '../../../core/auth/auth.service';
import { pagedList } from '../../../core/http/paged-list';
import { PagedListPage } from '../../../core/http/paged-list-page';
import { I18nService } from '../../../core/i18n/i18n.service';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import { UserSortField, UsersApiService } from '../users-api.service';

const DEFAULT_SORT: UserSortField = 'name';

@Component({
  selector: 'app-users-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, PagedListPage, TranslatePipe],
  templateUrl: './users.page.html',
  styles: `
    .status-action {
      margin-inline-start: 12px;
    }
  `,
})
export class UsersPage {
  private readonly api = inject(UsersApiService);
  private readonly i18n = inject(I18nService);
  private readonly announcer = inject(LiveAnnouncer);
  private readonly me = inject(AuthService).user();

  protected readonly list = pagedList<UserSummary>((query) => this.api.list(query), DEFAULT_SORT);
  /** Administrators disable and enable users; nobody disables themselves. */
  protected readonly canManage = !!this.me && hasPermission(this.me.role, Permission.UsersManage);
  protected readonly myId = this.me?.id;
  /** Changes made here, shown at once without reloading the page. */
  private readonly changed = signal<ReadonlyMap<string, boolean>>(new Map());
  protected readonly busy = signal<string | null>(null);
  protected readonly failed = signal(false);
  private readonly statusCell = viewChild<TemplateRef<{ $implicit: UserSummary }>>('statusCell');

  protected isActive(user: UserSummary): boolean {
    return this.changed().get(user.id) ?? user.active;
  }

  protected toggle(user: UserSummary): void {
    const active = !this.isActive(user);
    this.busy.set(user.id);
    this.failed.set(false);
    this.api.setActive(user.id, active).subscribe({
      next: (status) => {
        this.changed.update((map) => new Map(map).set(user.id, status.active));
        this.busy.set(null);
        void this.announcer.announce(
          this.i18n.t(status.active ? 'users.enabled' : 'users.disabled', { name: user.name }),
        );
      },
      error: () => {
        this.busy.set(null);
        this.failed.set(true);
      },
    });
  }

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
      {
        id: 'status',
        header: t('users.status'),
        cell: (user) => t(this.isActive(user) ? 'users.active' : 'users.inactive'),
        template: this.statusCell() ?? null,
      },
    ];
  });
}
