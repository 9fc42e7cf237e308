import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { filter } from 'rxjs';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { NavigationEnd, Router, RouterLink } from '@angular/router';
import { ReportDetail } from '@mentor/domain';
import { ErrorMessage, Loading, PageHeader } from '@mentor/shared-ui';
import { LocalDatePipe } from '../../../core/i18n/local-date.pipe';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import { ReportEditor } from '../components/report-editor';
import { ReportReview } from '../components/report-review';
import { ReportsApiService } from '../reports-api.service';
import { pageLoad } from '../../../core/http/page-load';

/**
 * One progression report: the editor while the caller may edit it (the course's mentor, draft or
 * returned), else the reading view (with the review actions for the citizen's caseworker).
 */
@Component({
  selector: 'app-report-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ErrorMessage,
    Loading,
    PageHeader,
    MatButtonModule,
    MatIconModule,
    RouterLink,
    ReportEditor,
    ReportReview,
    TranslatePipe,
    LocalDatePipe,
  ],
  template: `
    <ui-page-header
      [title]="
        report()
          ? ('reports.page.title' | t: { name: report()!.citizenName })
          : ('reports.page.plainTitle' | t)
      "
    >
      @if (loading()) {
        <ui-loading [label]="'common.loading' | t" />
      }
      @if (report(); as report) {
        <a
          mat-button
          class="no-print"
          data-testid="report-back-to-course"
          [routerLink]="['/courses', report.courseId]"
        >
          <mat-icon aria-hidden="true" fontIcon="arrow_back" />
          {{ 'reports.page.backToCourse' | t }}
        </a>
      }
    </ui-page-header>

    @if (loadFailed()) {
      <ui-error-message
        data-testid="report-load-error"
        [message]="'common.loadFailed' | t"
        [retryLabel]="'common.retry' | t"
        (retry)="load()"
      />
    }

    @if (notice(); as notice) {
      <p class="notice no-print" role="status" data-testid="report-notice">{{ notice | t }}</p>
    }

    @if (report(); as report) {
      <p class="meta" data-testid="report-meta">
        <span class="status" data-testid="report-status">{{ 'reportStatuses.' + report.status | t }}</span>
        <span>{{ 'reports.page.mentor' | t: { name: report.mentorName } }}</span>
        <span>{{ 'reports.page.dueOn' | t: { date: (report.dueOn | localDate) } }}</span>
        @if (report.submittedAt) {
          <span>{{
            'reports.page.submittedAt' | t: { when: (report.submittedAt | localDate: 'datetime') }
          }}</span>
        }
      </p>
      @if (report.can.edit) {
        <app-report-editor
          [report]="report"
          (submitted)="submitted($event)"
          (replaced)="report$.set($event)"
        />
      } @else {
        <app-report-review [report]="report" (changed)="report$.set($event)" />
      }
    }
  `,
  styles: `
    .meta {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 4px 16px;
      margin: -12px 0 16px;
      color: var(--mat-sys-on-surface-variant);
    }
    .status {
      padding: 2px 10px;
      border-radius: 12px;
      font: var(--mat-sys-label-large);
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    .notice {
      margin: 0 0 16px;
      padding: 12px 16px;
      border-radius: 8px;
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
  `,
})
export class ReportPage {
  private readonly api = inject(ReportsApiService);
  private readonly destroyRef = inject(DestroyRef);

  readonly id = input.required<string>();

  protected readonly report$ = signal<ReportDetail | null>(null);
  protected readonly report = this.report$.asReadonly();
  private readonly resource = pageLoad();
  protected readonly loading = this.resource.loading;
  protected readonly loadFailed = this.resource.failed;
  protected readonly notice = signal<string | null>(null);

  constructor() {
    effect(() => {
      this.id();
      untracked(() => this.load());
    });
    // A link to this very report (a notification that it was returned) shows its news: the router
    // reloads same-URL navigations, and the page fetches anew unless it is loading already.
    const router = inject(Router);
    router.events
      .pipe(
        filter((event) => event instanceof NavigationEnd),
        takeUntilDestroyed(),
      )
      .subscribe((event) => {
        const path = (event as NavigationEnd).urlAfterRedirects.split(/[?#]/)[0];
        if (path === `/reports/${this.id()}` && !this.loading()) this.load();
      });
  }

  load(): void {
    this.notice.set(null);
    this.resource.run(this.api.get(this.id()), (report) => {
      this.report$.set(report);
    });
  }

  protected submitted(report: ReportDetail): void {
    this.notice.set('reports.editor.submitted');
    this.report$.set(report);
  }
}
