import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { CourseStatus, CourseSummary, PAGE_SIZE_MAX } from '@mentor/domain';
import { BudgetBar, ErrorMessage, FlagChips, Loading, PageHeader } from '@mentor/shared-ui';
import { catchError, of, switchMap } from 'rxjs';
import { urlSearch } from '../../../core/http/url-search';
import { I18nService } from '../../../core/i18n/i18n.service';
import { LocalDatePipe } from '../../../core/i18n/local-date.pipe';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import { courseFlags, minutesOf } from '../course-view';
import { CoursesApiService } from '../courses-api.service';

/**
 * The mentor's citizens as cards: this week's budget, last contact, flags and one-tap logging;
 * a search on the name narrows them (kept in `?search=`).
 */
@Component({
  selector: 'app-my-citizens-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    BudgetBar,
    ErrorMessage,
    FlagChips,
    Loading,
    PageHeader,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    RouterLink,
    TranslatePipe,
    LocalDatePipe,
  ],
  template: `
    <ui-page-header [title]="'myCitizens.title' | t" [subtitle]="'myCitizens.subtitle' | t">
      @if (loading()) {
        <ui-loading [label]="'common.loading' | t" />
      }
    </ui-page-header>

    @if (error()) {
      <ui-error-message
        data-testid="my-citizens-error"
        [message]="'common.loadFailed' | t"
        [detail]="'common.tryLater' | t"
        [retryLabel]="'common.retry' | t"
        (retry)="reload()"
      />
    }

    <mat-form-field appearance="outline" class="search" subscriptSizing="dynamic">
      <mat-label>{{ 'myCitizens.search' | t }}</mat-label>
      <mat-icon matPrefix aria-hidden="true" fontIcon="search" />
      <input
        matInput
        type="search"
        autocomplete="off"
        data-testid="my-citizens-search"
        [value]="searchBox.text()"
        (input)="searchBox.set($any($event.target).value)"
      />
    </mat-form-field>
    <p class="visually-hidden" role="status">
      @if (!loading() && searchBox.term()) {
        {{ 'myCitizens.found' | t: { count: cards().length } }}
      }
    </p>

    @if (!loading() && !error() && cards().length === 0) {
      <p class="empty" data-testid="my-citizens-empty">
        @if (searchBox.term(); as term) {
          {{ 'myCitizens.noMatch' | t: { search: term } }}
        } @else {
          {{ 'myCitizens.empty' | t }}
        }
      </p>
    }

    <ul class="cards" [attr.aria-label]="'myCitizens.listLabel' | t">
      @for (card of cards(); track card.course.id) {
        <li class="card" data-testid="my-citizen-card">
          <h2 class="card-title">
            <a [routerLink]="['/courses', card.course.id]" data-testid="my-citizen-name">{{
              card.course.citizenName
            }}</a>
          </h2>
          <p class="meta">
            <span>{{ 'common.cpr' | t }} {{ card.course.cprMasked }}</span>
            @if (card.course.status !== active) {
              <span> · {{ 'courseStatuses.' + card.course.status | t }}</span>
            }
          </p>
          <ui-budget-bar
            data-testid="my-citizen-budget"
            [logged]="card.course.thisWeek.loggedMinutes"
            [granted]="card.course.thisWeek.grantedMinutes"
            [label]="'budget.thisWeek' | t"
            [valueText]="card.weekText"
          />
          <p class="meta">
            {{ 'myCitizens.lastContact' | t }}:
            @if (card.course.lastContactDate; as last) {
              {{ last | localDate }}
            } @else {
              {{ 'myCitizens.noContactYet' | t }}
            }
          </p>
          <ui-flag-chips [flags]="card.flags" [listLabel]="'courseFlags.label' | t" />
          @if (card.course.status === active) {
            <a
              mat-flat-button
              class="log-button"
              data-testid="log-contact"
              [routerLink]="['/courses', card.course.id, 'log']"
              [attr.aria-label]="'myCitizens.logContactFor' | t: { name: card.course.citizenName }"
            >
              <mat-icon aria-hidden="true" fontIcon="add" />
              {{ 'myCitizens.logContact' | t }}
            </a>
          }
        </li>
      }
    </ul>
  `,
  styles: `
    .search {
      width: min(100%, 320px);
      margin-bottom: 16px;
    }
    .cards {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 300px), 1fr));
      gap: 12px;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .card {
      display: flex;
      flex-direction: column;
      gap: 8px;
      min-width: 0;
      padding: 16px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
      background: var(--mat-sys-surface-container-low);
    }
    .card-title {
      margin: 0;
      font: var(--mat-sys-title-medium);
      overflow-wrap: anywhere;
    }
    .meta {
      margin: 0;
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    .log-button {
      align-self: stretch;
      min-height: 48px;
    }
    .empty {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class MyCitizensPage {
  private readonly api = inject(CoursesApiService);
  private readonly i18n = inject(I18nService);
  private readonly attempt = signal(0);

  /** Query parameter: the name searched for. */
  readonly search = input<string | undefined>(undefined);
  protected readonly searchBox = urlSearch(this.search);

  protected readonly active = CourseStatus.Active;
  protected readonly loading = signal(true);
  protected readonly error = signal(false);
  private readonly courses = signal<CourseSummary[]>([]);

  protected readonly cards = computed(() => {
    const t = (key: string, params?: Record<string, string | number>) => this.i18n.t(key, params);
    return this.courses().map((course) => ({
      course,
      flags: courseFlags(course, t),
      weekText: minutesOf(course.thisWeek.loggedMinutes, course.thisWeek.grantedMinutes, t),
    }));
  });

  constructor() {
    // A mentor has a handful of citizens: one page of the largest size holds them all.
    toObservable(computed(() => ({ search: this.searchBox.term(), attempt: this.attempt() })))
      .pipe(
        switchMap(({ search }) => {
          this.loading.set(true);
          this.error.set(false);
          return this.api
            .list({ limit: PAGE_SIZE_MAX, offset: 0, sort: 'citizenName' }, { search })
            .pipe(catchError(() => of(null)));
        }),
        takeUntilDestroyed(),
      )
      .subscribe((page) => {
        this.loading.set(false);
        if (page) this.courses.set(page.items);
        else this.error.set(true);
      });
  }

  protected reload(): void {
    this.attempt.update((n) => n + 1);
  }
}
