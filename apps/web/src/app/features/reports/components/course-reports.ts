import { LiveAnnouncer } from '@angular/cdk/a11y';
import { DOCUMENT } from '@angular/common';
import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  effect,
  inject,
  Injector,
  input,
  signal,
  untracked,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { Router, RouterLink } from '@angular/router';
import {
  CourseDetail,
  CourseReporting,
  CourseStatus,
  hasPermission,
  Permission,
  ReportStatus,
  ReportSummary,
} from '@mentor/domain';
import { ErrorMessage, FlagChips } from '@mentor/shared-ui';
import { forkJoin } from 'rxjs';
import { AuthService } from '../../../core/auth/auth.service';
import { localToday } from '../../../core/http/local-time';
import { I18nService } from '../../../core/i18n/i18n.service';
import { LocalDatePipe } from '../../../core/i18n/local-date.pipe';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import { reportErrorText } from '../report-errors';
import { reportingFlags } from '../report-status';
import { ReportsApiService } from '../reports-api.service';

/**
 * The course page's "Progressionsrapporter": when the next report is due (due soon / overdue),
 * the course's reports with status and score, and "Skriv rapport" for the course's mentor, which
 * asks for the period's last day (today unless changed).
 */
@Component({
  selector: 'app-course-reports',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    RouterLink,
    ErrorMessage,
    FlagChips,
    TranslatePipe,
    LocalDatePipe,
  ],
  template: `
    <section class="panel" aria-labelledby="course-reports-heading" data-testid="course-reports">
      <h2 id="course-reports-heading">{{ 'courseReports.heading' | t }}</h2>
      @if (failed()) {
        <ui-error-message
          data-testid="course-reports-error"
          [message]="'common.loadFailed' | t"
          [retryLabel]="'common.retry' | t"
          (retry)="load()"
        />
      }
      @if (reporting(); as reporting) {
        <p class="due" data-testid="course-reports-due">
          @if (reporting.nextDueOn) {
            {{ 'courseReports.nextDue' | t: { date: (reporting.nextDueOn | localDate) } }}
          } @else {
            {{ 'courseReports.noneDue' | t }}
          }
          · {{ 'course.everyWeeks' | t: { weeks: reporting.intervalWeeks } }}
        </p>
        <ui-flag-chips [flags]="flags()" [listLabel]="'courseFlags.label' | t" />
      }

      <div class="actions">
        @if (openDraft(); as open) {
          @if (canWrite()) {
            <a mat-flat-button data-testid="course-reports-continue" [routerLink]="['/reports', open.id]">
              <mat-icon aria-hidden="true" fontIcon="edit_note" />
              {{ (open.status === returned ? 'courseReports.revise' : 'courseReports.continue') | t }}
            </a>
          }
        } @else if (canWrite() && !reporting()?.openReportId && !asking()) {
          <button mat-flat-button type="button" data-testid="course-reports-write" (click)="ask()">
            <mat-icon aria-hidden="true" fontIcon="edit_note" />
            {{ 'courseReports.write' | t }}
          </button>
        }
      </div>

      @if (asking()) {
        <form
          class="inline-form"
          novalidate
          data-testid="course-reports-new"
          [formGroup]="newReport"
          [attr.aria-label]="'courseReports.write' | t"
          (ngSubmit)="create()"
        >
          <mat-form-field appearance="outline" subscriptSizing="dynamic">
            <mat-label>{{ 'courseReports.periodTo' | t }}</mat-label>
            <input
              matInput
              type="date"
              id="course-reports-period-to"
              data-testid="course-reports-period-to"
              formControlName="periodTo"
              [attr.min]="course().startsOn"
              [attr.max]="today"
            />
            <mat-hint>{{ 'courseReports.periodHint' | t }}</mat-hint>
            <mat-error>{{ 'forms.errors.required' | t }}</mat-error>
          </mat-form-field>
          <button mat-flat-button type="submit" data-testid="course-reports-create" [disabled]="busy()">
            {{ 'courseReports.create' | t }}
          </button>
          <button mat-button type="button" (click)="asking.set(false)">{{ 'common.cancel' | t }}</button>
        </form>
      }
      @if (createError(); as error) {
        <ui-error-message data-testid="course-reports-create-error" [message]="error" />
      }

      @if (reports().length) {
        <div class="scroll">
          <table class="data-table" data-testid="course-reports-table">
            <caption class="visually-hidden">
              {{
                'courseReports.tableCaption' | t
              }}
            </caption>
            <thead>
              <tr>
                <th scope="col">{{ 'courseReports.period' | t }}</th>
                <th scope="col">{{ 'courseReports.status' | t }}</th>
                <th scope="col">{{ 'courseReports.score' | t }}</th>
                <th scope="col">{{ 'courseReports.submitted' | t }}</th>
              </tr>
            </thead>
            <tbody>
              @for (report of reports(); track report.id) {
                <tr data-testid="course-report-row">
                  <td>
                    <a [routerLink]="['/reports', report.id]" data-testid="course-report-link">
                      {{ report.periodFrom | localDate }} – {{ report.periodTo | localDate }}
                    </a>
                  </td>
                  <td data-testid="course-report-status">{{ 'reportStatuses.' + report.status | t }}</td>
                  <td>{{ report.qualityScore }}</td>
                  <td>{{ report.submittedAt ? (report.submittedAt | localDate) : '–' }}</td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      } @else if (loaded()) {
        <p data-testid="course-reports-empty">{{ 'courseReports.empty' | t }}</p>
      }
    </section>
  `,
  styles: `
    :host {
      display: block;
    }
    h2 {
      margin: 0 0 12px;
      font: var(--mat-sys-title-large);
    }
    .due {
      margin: 0 0 8px;
    }
    .actions:not(:empty) {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      margin: 12px 0;
    }
    .inline-form {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px 12px;
      margin-bottom: 12px;
    }
    .scroll {
      overflow-x: auto;
    }
  `,
})
export class CourseReports {
  private readonly api = inject(ReportsApiService);
  private readonly i18n = inject(I18nService);
  private readonly router = inject(Router);
  private readonly announcer = inject(LiveAnnouncer);
  private readonly document = inject(DOCUMENT);
  private readonly injector = inject(Injector);
  private readonly destroyRef = inject(DestroyRef);
  private readonly user = inject(AuthService).user;

  readonly course = input.required<CourseDetail>();

  protected readonly today = localToday();
  protected readonly returned = ReportStatus.Returned;
  protected readonly reporting = signal<CourseReporting | null>(null);
  protected readonly reports = signal<ReportSummary[]>([]);
  protected readonly loaded = signal(false);
  protected readonly failed = signal(false);
  protected readonly asking = signal(false);
  protected readonly busy = signal(false);
  protected readonly createError = signal<string | null>(null);
  protected readonly periodTo = new FormControl(this.today, {
    nonNullable: true,
    validators: [Validators.required],
  });
  protected readonly newReport = new FormGroup({ periodTo: this.periodTo });

  private readonly courseId = computed(() => this.course().id);
  /** The course's own mentor writes its reports, while it has not ended. */
  protected readonly canWrite = computed(() => {
    const user = this.user();
    const course = this.course();
    return (
      !!user &&
      hasPermission(user.role, Permission.ReportsWrite) &&
      course.mentorId === user.id &&
      course.status !== CourseStatus.Ended
    );
  });
  /** The report being written or revised, if any. */
  protected readonly openDraft = computed(() =>
    this.reports().find((r) => r.status === ReportStatus.Draft || r.status === ReportStatus.Returned),
  );
  protected readonly flags = computed(() => {
    const reporting = this.reporting();
    return reporting ? reportingFlags(reporting, (key) => this.i18n.t(key)) : [];
  });

  constructor() {
    effect(() => {
      this.courseId();
      untracked(() => this.load());
    });
  }

  load(): void {
    const id = this.courseId();
    this.failed.set(false);
    forkJoin([this.api.reporting(id), this.api.forCourse(id)])
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: ([reporting, reports]) => {
          this.reporting.set(reporting);
          this.reports.set(reports);
          this.loaded.set(true);
        },
        error: () => this.failed.set(true),
      });
  }

  protected ask(): void {
    this.periodTo.setValue(this.today);
    this.createError.set(null);
    this.asking.set(true);
    afterNextRender(() => this.document.getElementById('course-reports-period-to')?.focus(), {
      injector: this.injector,
    });
  }

  protected create(): void {
    this.periodTo.markAsTouched();
    if (this.periodTo.invalid || this.busy()) return;
    this.busy.set(true);
    this.createError.set(null);
    this.api
      .create(this.course().id, { periodTo: this.periodTo.value })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (report) => {
          this.busy.set(false);
          void this.announcer.announce(this.i18n.t('courseReports.created'));
          void this.router.navigate(['/reports', report.id]);
        },
        error: (error: unknown) => {
          this.busy.set(false);
          this.createError.set(
            reportErrorText(error, (key) => this.i18n.t(key), 'courseReports.createFailed'),
          );
          this.load();
        },
      });
  }
}
