import { LiveAnnouncer } from '@angular/cdk/a11y';
import { TextFieldModule } from '@angular/cdk/text-field';
import { DOCUMENT } from '@angular/common';
import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  inject,
  Injector,
  input,
  linkedSignal,
  output,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import {
  checkReportQuality,
  ReportComment,
  ReportDetail,
  ReportSection,
  ReportStatus,
  ReportVersion,
  REPORT_TEXT_MAX,
  reportChanges,
} from '@mentor/domain';
import { ErrorMessage } from '@mentor/shared-ui';
import { Observable } from 'rxjs';
import { localToday } from '../../../core/http/local-time';
import { I18nService } from '../../../core/i18n/i18n.service';
import { formatLocalDate, LocalDatePipe } from '../../../core/i18n/local-date.pipe';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import { isStale, reportErrorText } from '../report-errors';
import { changeValue, fieldLabel, hintViews } from '../report-fields';
import { ReportsApiService } from '../reports-api.service';
import { QualityPanel } from './quality-panel';
import { ReportSections } from './report-sections';

/** What the reading view shows: a submitted version, or the report itself before its first submit. */
interface Shown {
  number: number | null;
  periodFrom: string;
  periodTo: string;
  attendance: ReportVersion['attendance'];
  content: ReportVersion['content'];
  qualityScore: number;
  justification: string | null;
  review: ReportVersion['review'];
}

/**
 * The reading view of a report: clean and printable, every section, the quality score and hints,
 * the versions with what changed since the one before; for the citizen's caseworker, return with
 * comments per section or accept; the PDF once accepted.
 */
@Component({
  selector: 'app-report-review',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    TextFieldModule,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    ErrorMessage,
    QualityPanel,
    ReportSections,
    TranslatePipe,
    LocalDatePipe,
  ],
  templateUrl: './report-review.html',
  styleUrl: './report-review.scss',
})
export class ReportReview {
  private readonly api = inject(ReportsApiService);
  private readonly i18n = inject(I18nService);
  private readonly announcer = inject(LiveAnnouncer);
  private readonly document = inject(DOCUMENT);
  private readonly injector = inject(Injector);
  private readonly destroyRef = inject(DestroyRef);

  readonly report = input.required<ReportDetail>();
  /** The report after a review, or loaded anew after a 409. */
  readonly changed = output<ReportDetail>();

  protected readonly statuses = ReportStatus;
  protected readonly sectionList = Object.values(ReportSection);
  protected readonly textMax = REPORT_TEXT_MAX;

  /** The version shown: the newest, until another is chosen. */
  protected readonly selected = linkedSignal<ReportDetail, number | null>({
    source: () => this.report(),
    computation: (report) => latest(report)?.number ?? null,
  });
  protected readonly versions = computed(() =>
    [...this.report().versions].sort((a, b) => b.number - a.number),
  );
  protected readonly shown = computed((): Shown => {
    const report = this.report();
    const version = report.versions.find((v) => v.number === this.selected());
    if (version) return version;
    return {
      number: null,
      periodFrom: report.periodFrom,
      periodTo: report.periodTo,
      attendance: report.attendance,
      content: report.content,
      qualityScore: report.qualityScore,
      justification: null,
      review: null,
    };
  });
  protected readonly previous = computed(() => {
    const number = this.shown().number;
    return number === null ? null : (this.report().versions.find((v) => v.number === number - 1) ?? null);
  });
  protected readonly changes = computed(() => {
    const before = this.previous();
    if (!before) return [];
    const t = this.t;
    const goalIds = this.report().goals.map((goal) => goal.id);
    const date = (value: string) => formatLocalDate(value, this.i18n.locale());
    return reportChanges(before, this.shown()).map((change) => ({
      section: t(`reports.sections.${change.section}`),
      field: fieldLabel(change.field, t, goalIds),
      before: changeValue(change, change.before, t, date),
      after: changeValue(change, change.after, t, date),
    }));
  });
  protected readonly hints = computed(() => {
    const shown = this.shown();
    const result = checkReportQuality(shown.content, {
      goalIds: this.report().goals.map((goal) => goal.id),
      attendance: shown.attendance,
      periodFrom: shown.periodFrom,
      periodTo: shown.periodTo,
      today: localToday(),
    });
    return hintViews(result.hints, this.t);
  });
  /** The comments shown at the sections: those of the review that answered the version shown. */
  protected readonly comments = computed(() => this.shown().review?.comments ?? []);
  protected readonly isLatest = computed(
    () => this.shown().number === (latest(this.report())?.number ?? null),
  );

  protected readonly returning = signal(false);
  protected readonly busy = signal(false);
  protected readonly message = signal<{ kind: 'info' | 'error'; text: string; stale?: boolean } | null>(null);
  protected readonly commentError = signal<string | null>(null);
  protected readonly commentControls = Object.fromEntries(
    Object.values(ReportSection).map((section) => [
      section,
      new FormControl('', { nonNullable: true, validators: [Validators.maxLength(REPORT_TEXT_MAX)] }),
    ]),
  ) as Record<ReportSection, FormControl<string>>;
  protected readonly returnForm = new FormGroup(this.commentControls);

  private readonly t = (key: string, params?: Record<string, string | number>) => this.i18n.t(key, params);

  protected pdfUrl(): string {
    return this.api.pdfUrl(this.report().id);
  }

  protected choose(number: number): void {
    this.selected.set(number);
  }

  protected print(): void {
    this.document.defaultView?.print();
  }

  protected startReturn(): void {
    this.returning.set(true);
    this.commentError.set(null);
    afterNextRender(() => this.document.getElementById(`review-comment-${ReportSection.Goals}`)?.focus(), {
      injector: this.injector,
    });
  }

  protected cancelReturn(): void {
    this.returning.set(false);
    this.commentError.set(null);
  }

  protected sendBack(): void {
    const comments: ReportComment[] = this.sectionList
      .map((section) => ({ section, comment: this.commentControls[section].value.trim() }))
      .filter((comment) => comment.comment.length > 0);
    if (!comments.length) {
      this.commentError.set(this.t('reports.review.commentRequired'));
      this.document.getElementById(`review-comment-${ReportSection.Attendance}`)?.focus();
      return;
    }
    this.commentError.set(null);
    const report = this.report();
    this.run(this.api.returnReport(report.id, report.version, comments), 'reports.review.returned', () => {
      for (const control of Object.values(this.commentControls)) control.reset('');
      this.returning.set(false);
    });
  }

  protected accept(): void {
    const report = this.report();
    this.run(this.api.accept(report.id, report.version), 'reports.review.accepted');
  }

  /** Loads the report anew, e.g. after someone else reviewed it. */
  protected reload(): void {
    this.api
      .get(this.report().id)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (detail) => {
          this.message.set(null);
          this.changed.emit(detail);
        },
        error: () => this.message.set({ kind: 'error', text: this.t('common.loadFailed') }),
      });
  }

  private run(call: Observable<ReportDetail>, doneKey: string, done?: () => void): void {
    this.busy.set(true);
    this.message.set(null);
    call.pipe(takeUntilDestroyed(this.destroyRef)).subscribe({
      next: (detail) => {
        this.busy.set(false);
        done?.();
        const text = this.t(doneKey);
        this.message.set({ kind: 'info', text });
        void this.announcer.announce(text);
        this.changed.emit(detail);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        if (isStale(error)) {
          this.message.set({ kind: 'error', text: this.t('reports.review.stale'), stale: true });
        } else {
          this.message.set({ kind: 'error', text: reportErrorText(error, this.t, 'forms.saveFailed') });
        }
      },
    });
  }
}

function latest(report: ReportDetail): ReportVersion | undefined {
  return report.versions.reduce<ReportVersion | undefined>(
    (best, version) => (!best || version.number > best.number ? version : best),
    undefined,
  );
}
