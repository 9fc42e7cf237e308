import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  signal,
  TemplateRef,
  viewChild,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatChipsModule } from '@angular/material/chips';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import {
  COURSE_FLAGS,
  CourseFlag,
  CourseStatus,
  CourseSummary,
  hasPermission,
  Permission,
} from '@mentor/domain';
import { FlagChips, PagedTableColumn } from '@mentor/shared-ui';
import { AuthService } from '../../../core/auth/auth.service';
import { pagedList } from '../../../core/http/paged-list';
import { PagedListPage } from '../../../core/http/paged-list-page';
import { urlSearch } from '../../../core/http/url-search';
import { I18nService } from '../../../core/i18n/i18n.service';
import { formatLocalDate, LocalDatePipe } from '../../../core/i18n/local-date.pipe';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import { caseloadTitleKey } from '../caseload-title';
import { courseFlags, minutesOf } from '../course-view';
import { CourseFilters, CourseSortField, CoursesApiService } from '../courses-api.service';

const DEFAULT_SORT: CourseSortField = 'citizenName';

/**
 * A caseworker's caseload ("Min sagsstamme") or a team leader's organisation courses ("Forløb"):
 * server-paged and sorted, filtered by flag, name (kept in `?search=`) and ended courses.
 */
@Component({
  selector: 'app-caseload-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    PagedListPage,
    FlagChips,
    FormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatChipsModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    RouterLink,
    TranslatePipe,
    LocalDatePipe,
  ],
  template: `
    <app-paged-list-page
      testId="caseload"
      [list]="list"
      [columns]="columns()"
      [title]="titleKey | t"
      [subtitle]="(canGrant ? 'caseload.subtitle' : 'caseload.teamSubtitle') | t"
      [tableLabel]="titleKey | t"
      [emptyText]="'caseload.empty' | t"
    >
      @if (canGrant) {
        <div pageActions class="actions">
          <a mat-stroked-button routerLink="/citizens/new" data-testid="caseload-new-citizen">
            <mat-icon aria-hidden="true" fontIcon="person_add" />
            {{ 'caseload.newCitizen' | t }}
          </a>
          <a mat-flat-button routerLink="/grants/new" data-testid="caseload-new-grant">
            <mat-icon aria-hidden="true" fontIcon="add" />
            {{ 'caseload.newGrant' | t }}
          </a>
        </div>
      }

      <div class="filters">
        <mat-form-field appearance="outline" class="search" subscriptSizing="dynamic">
          <mat-label>{{ 'caseload.search' | t }}</mat-label>
          <mat-icon matPrefix aria-hidden="true" fontIcon="search" />
          <input
            matInput
            type="search"
            data-testid="caseload-search"
            [ngModel]="searchBox.text()"
            (ngModelChange)="searchBox.set($event)"
          />
        </mat-form-field>
        <mat-chip-listbox
          data-testid="caseload-flags"
          [attr.aria-label]="'caseload.flagFilter' | t"
          [value]="flag()"
          (change)="setFlag($event.value)"
        >
          @for (flag of flags; track flag) {
            <mat-chip-option [value]="flag" [attr.data-testid]="'caseload-flag-' + flag">{{
              'courseFlags.' + flag | t
            }}</mat-chip-option>
          }
        </mat-chip-listbox>
        <mat-checkbox
          data-testid="caseload-ended"
          [checked]="showEnded()"
          (change)="setEnded($event.checked)"
        >
          {{ 'caseload.showEnded' | t }}
        </mat-checkbox>
      </div>
    </app-paged-list-page>

    <ng-template #citizenCell let-row>
      <a [routerLink]="['/courses', row.id]" data-testid="caseload-citizen">{{ row.citizenName }}</a>
      <span class="cpr">{{ row.cprMasked }}</span>
    </ng-template>
    <ng-template #endsCell let-row>
      {{ row.endsOn | localDate }}
      @if (row.expiresSoon) {
        <span class="expiring" data-testid="caseload-expires-soon">{{ 'caseload.expiresSoon' | t }}</span>
      }
    </ng-template>
    <ng-template #lastWeekCell let-row>
      {{ lastWeekOf(row) }}
      @if (row.lastWeek.underDeliveredMinutes > 0) {
        <span class="under" data-testid="caseload-under-delivered">
          <span aria-hidden="true">{{
            'caseload.underDeliveredShort' | t: { minutes: row.lastWeek.underDeliveredMinutes }
          }}</span>
          <span class="visually-hidden">{{
            'caseload.underDeliveredLong' | t: { minutes: row.lastWeek.underDeliveredMinutes }
          }}</span>
        </span>
      }
    </ng-template>
    <ng-template #flagsCell let-row>
      <ui-flag-chips [flags]="flagsOf(row)" [listLabel]="'courseFlags.label' | t" />
    </ng-template>
  `,
  styles: `
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
    .filters {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px 16px;
      margin-bottom: 16px;
    }
    .search {
      flex: 0 1 320px;
      min-width: 0;
    }
    .cpr {
      display: block;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .under {
      font-weight: 500;
      color: var(--mat-sys-error);
      white-space: nowrap;
    }
    .expiring {
      display: block;
      font: var(--mat-sys-label-medium);
      color: var(--mat-sys-error);
    }
  `,
})
export class CaseloadPage {
  private readonly api = inject(CoursesApiService);
  private readonly i18n = inject(I18nService);
  private readonly role = inject(AuthService).user()?.role;

  protected readonly canGrant = !!this.role && hasPermission(this.role, Permission.GrantsWrite);
  protected readonly titleKey = caseloadTitleKey(this.role);
  protected readonly flags = COURSE_FLAGS;
  /** Query parameter: the name searched for. */
  readonly search = input<string | undefined>(undefined);
  protected readonly searchBox = urlSearch(this.search);
  protected readonly flag = signal<CourseFlag | null>(null);
  protected readonly showEnded = signal(false);
  // A change of any filter reloads the list from its first page (see pagedList).
  private readonly filters = computed<CourseFilters>(() => ({
    search: this.searchBox.term(),
    flag: this.flag(),
    status: this.showEnded() ? CourseStatus.Ended : null,
  }));

  protected readonly list = pagedList<CourseSummary, CourseFilters>(
    (query, filters) => this.api.list(query, filters),
    DEFAULT_SORT,
    this.filters,
  );

  private readonly citizenCell = viewChild<TemplateRef<{ $implicit: CourseSummary }>>('citizenCell');
  private readonly endsCell = viewChild<TemplateRef<{ $implicit: CourseSummary }>>('endsCell');
  private readonly lastWeekCell = viewChild<TemplateRef<{ $implicit: CourseSummary }>>('lastWeekCell');
  private readonly flagsCell = viewChild<TemplateRef<{ $implicit: CourseSummary }>>('flagsCell');

  protected readonly columns = computed((): PagedTableColumn<CourseSummary>[] => {
    const t = (key: string, params?: Record<string, string | number>) => this.i18n.t(key, params);
    return [
      {
        id: 'citizenName',
        header: t('caseload.citizen'),
        sortable: true,
        sortLabel: t('caseload.sortByCitizen'),
        cell: (c) => c.citizenName,
        template: this.citizenCell(),
      },
      { id: 'mentor', header: t('caseload.mentor'), cell: (c) => c.mentorName ?? t('caseload.noMentor') },
      { id: 'type', header: t('caseload.type'), cell: (c) => t(`mentorTypes.${c.mentorType}`) },
      { id: 'organisation', header: t('caseload.organisation'), cell: (c) => c.organisationName },
      {
        id: 'month',
        header: t('caseload.month'),
        cell: (c) =>
          t('budget.minutesOf', { logged: c.monthDeliveredMinutes, granted: c.monthGrantedMinutes }),
      },
      {
        id: 'lastWeek',
        header: t('caseload.lastWeek'),
        cell: (c) => {
          const under = c.lastWeek.underDeliveredMinutes;
          const text = this.lastWeekOf(c);
          return under > 0 ? `${text} ${t('caseload.underDeliveredShort', { minutes: under })}` : text;
        },
        template: this.lastWeekCell(),
      },
      {
        id: 'lastContactDate',
        header: t('caseload.lastContact'),
        sortable: true,
        sortLabel: t('caseload.sortByLastContact'),
        cell: (c) =>
          c.lastContactDate ? formatLocalDate(c.lastContactDate, this.i18n.locale()) : t('caseload.never'),
      },
      {
        id: 'endsOn',
        header: t('caseload.endsOn'),
        sortable: true,
        sortLabel: t('caseload.sortByEndsOn'),
        cell: (c) => formatLocalDate(c.endsOn, this.i18n.locale()),
        template: this.endsCell(),
      },
      { id: 'status', header: t('caseload.status'), cell: (c) => t(`courseStatuses.${c.status}`) },
      { id: 'flags', header: t('caseload.flags'), cell: () => '', template: this.flagsCell() },
    ];
  });

  /** Last week, complete: "40 af 60 min". */
  protected lastWeekOf(course: CourseSummary): string {
    const week = course.lastWeek;
    return minutesOf(week.loggedMinutes, week.grantedMinutes, (key, params) => this.i18n.t(key, params));
  }

  protected flagsOf(course: CourseSummary) {
    return courseFlags(course, (key, params) => this.i18n.t(key, params));
  }

  protected setFlag(flag: CourseFlag | null | undefined): void {
    this.flag.set(flag ?? null);
  }

  protected setEnded(ended: boolean): void {
    this.showEnded.set(ended);
  }
}
