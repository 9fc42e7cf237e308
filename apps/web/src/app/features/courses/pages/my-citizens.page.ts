import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { CourseStatus, CourseSummary, PAGE_SIZE_MAX } from '@mentor/domain';
import { BudgetBar, ErrorMessage, FlagChips, Loading, PageHeader } from '@mentor/shared-ui';
import { BehaviorSubject, catchError, of, switchMap } from 'rxjs';
import { I18nService } from '../../../core/i18n/i18n.service';
import { LocalDatePipe } from '../../../core/i18n/local-date.pipe';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import { courseFlags, minutesOf } from '../course-view';
import { CoursesApiService } from '../courses-api.service';

/** The mentor's citizens as cards: this week's budget, last contact, flags and one-tap logging. */
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
    MatIconModule,
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

    @if (!loading() && !error() && cards().length === 0) {
      <p class="empty" data-testid="my-citizens-empty">{{ 'myCitizens.empty' | t }}</p>
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
  private readonly reloads = new BehaviorSubject<void>(undefined);

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
    this.reloads
      .pipe(
        switchMap(() => {
          this.loading.set(true);
          this.error.set(false);
          return this.api
            .list({ limit: PAGE_SIZE_MAX, offset: 0, sort: 'citizenName' })
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
    this.reloads.next();
  }
}
