import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { addDays, hasPermission, OrganisationSummary, Permission, ReportQualityRow } from '@mentor/domain';
import { ErrorMessage, Loading, PageHeader } from '@mentor/shared-ui';
import { catchError, map, of, switchMap, tap } from 'rxjs';
import { AuthService } from '../../../core/auth/auth.service';
import { localToday } from '../../../core/http/local-time';
import { I18nService } from '../../../core/i18n/i18n.service';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import { OrganisationsApiService } from '../../organisations/organisations-api.service';
import { QualityTable, type QualityTableColumn } from '../components/quality-table';
import { ReportQualityQuery, ReportsApiService } from '../reports-api.service';

/** The default period: the last 90 days of due dates. */
const DEFAULT_DAYS = 90;

/**
 * "Rapportkvalitet": per organisation and per mentor over a period of due dates, the reports
 * due, submitted on time, average quality score, share accepted without revision and days to
 * review; both tables sort on every column. A team leader sees their organisation; the
 * administrator all providers side by side, or one.
 */
@Component({
  selector: 'app-report-quality-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    QualityTable,
    ErrorMessage,
    Loading,
    PageHeader,
    TranslatePipe,
  ],
  template: `
    <ui-page-header [title]="'reportQuality.title' | t" [subtitle]="'reportQuality.subtitle' | t">
      @if (loading()) {
        <ui-loading [label]="'common.loading' | t" />
      }
    </ui-page-header>

    <form
      class="filters"
      novalidate
      data-testid="report-quality-filters"
      [formGroup]="filters"
      [attr.aria-label]="'reportQuality.filters' | t"
      (ngSubmit)="apply()"
    >
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>{{ 'reportQuality.from' | t }}</mat-label>
        <input matInput type="date" formControlName="from" data-testid="report-quality-from" />
        <mat-error>{{ 'forms.errors.required' | t }}</mat-error>
      </mat-form-field>
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>{{ 'reportQuality.to' | t }}</mat-label>
        <input matInput type="date" formControlName="to" data-testid="report-quality-to" />
        <mat-error>{{ 'forms.errors.required' | t }}</mat-error>
      </mat-form-field>
      @if (allOrganisations) {
        <mat-form-field appearance="outline" subscriptSizing="dynamic" class="organisation">
          <mat-label>{{ 'reportQuality.organisation' | t }}</mat-label>
          <mat-select formControlName="organisationId" data-testid="report-quality-organisation">
            <mat-option value="">{{ 'reportQuality.allOrganisations' | t }}</mat-option>
            @for (organisation of organisations(); track organisation.id) {
              <mat-option [value]="organisation.id">{{ organisation.name }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
      }
      <button mat-flat-button type="submit" data-testid="report-quality-apply">
        {{ 'reportQuality.apply' | t }}
      </button>
    </form>
    @if (rangeError()) {
      <p class="field-error" role="alert" data-testid="report-quality-range-error">
        {{ 'reportQuality.rangeError' | t }}
      </p>
    }

    @if (failed()) {
      <ui-error-message
        class="box"
        data-testid="report-quality-error"
        [message]="'common.loadFailed' | t"
        [detail]="'common.tryLater' | t"
        [retryLabel]="'common.retry' | t"
        (retry)="retry()"
      />
    }

    <app-quality-table
      testId="report-quality-organisations"
      rowTestId="report-quality-organisation-row"
      [heading]="'reportQuality.byOrganisation' | t"
      [columns]="orgColumns()"
      [rows]="orgRows()"
    />
    <app-quality-table
      testId="report-quality-mentors"
      rowTestId="report-quality-mentor-row"
      [heading]="'reportQuality.byMentor' | t"
      [columns]="mentorColumns()"
      [rows]="mentorRows()"
    />
    <p class="note">{{ 'reportQuality.note' | t }}</p>
  `,
  styles: `
    .filters {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px 12px;
      margin-bottom: 16px;
    }
    .organisation {
      min-width: 240px;
    }
    .field-error {
      margin: 0 0 16px;
      color: var(--mat-sys-error);
    }
    .box {
      display: block;
      margin-bottom: 16px;
    }
    .note {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
  `,
})
export class ReportQualityPage {
  private readonly api = inject(ReportsApiService);
  private readonly i18n = inject(I18nService);
  private readonly destroyRef = inject(DestroyRef);
  private readonly role = inject(AuthService).user()?.role;

  /** The administrator sees every organisation (and may pick one); a team leader only their own. */
  protected readonly allOrganisations =
    !!this.role && hasPermission(this.role, Permission.MunicipalityManage);
  protected readonly organisations = signal<OrganisationSummary[]>([]);
  protected readonly filters = inject(FormBuilder).nonNullable.group({
    from: [addDays(localToday(), -DEFAULT_DAYS), Validators.required],
    to: [localToday(), Validators.required],
    organisationId: [''],
  });
  private readonly query = signal<ReportQualityQuery>(this.queryOf());
  private readonly attempt = signal(0);
  protected readonly loading = signal(true);
  protected readonly failed = signal(false);
  protected readonly rangeError = signal(false);
  private readonly rows = signal<ReportQualityRow[]>([]);

  private readonly metrics = computed((): QualityTableColumn[] => {
    const t = (key: string) => this.i18n.t(key);
    return [
      { id: 'reportsDue', header: t('reportQuality.reportsDue'), numeric: true },
      { id: 'submittedOnTime', header: t('reportQuality.submittedOnTime'), numeric: true },
      { id: 'onTimeShare', header: t('reportQuality.onTimeShare'), numeric: true },
      { id: 'averageQualityScore', header: t('reportQuality.averageQualityScore'), numeric: true },
      {
        id: 'acceptedWithoutRevisionShare',
        header: t('reportQuality.acceptedWithoutRevisionShare'),
        numeric: true,
      },
      { id: 'averageDaysToReview', header: t('reportQuality.averageDaysToReview'), numeric: true },
    ];
  });
  protected readonly orgColumns = computed((): QualityTableColumn[] => [
    { id: 'organisationName', header: this.i18n.t('reportQuality.organisationName'), numeric: false },
    ...this.metrics(),
  ]);
  protected readonly mentorColumns = computed((): QualityTableColumn[] => [
    { id: 'mentorName', header: this.i18n.t('reportQuality.mentorName'), numeric: false },
    { id: 'organisationName', header: this.i18n.t('reportQuality.organisationName'), numeric: false },
    ...this.metrics(),
  ]);
  protected readonly orgRows = computed(() => this.rows().filter((row) => !row.mentorId));
  protected readonly mentorRows = computed(() => this.rows().filter((row) => !!row.mentorId));

  constructor() {
    toObservable(computed(() => ({ query: this.query(), attempt: this.attempt() })))
      .pipe(
        tap(() => {
          this.loading.set(true);
          this.failed.set(false);
        }),
        switchMap(({ query }) =>
          this.api.quality(query).pipe(
            map((rows) => rows as ReportQualityRow[] | null),
            catchError(() => of(null)),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((rows) => {
        this.loading.set(false);
        if (rows) this.rows.set(rows);
        else this.failed.set(true);
      });
    if (this.allOrganisations) {
      inject(OrganisationsApiService)
        .choices()
        .pipe(takeUntilDestroyed(this.destroyRef))
        .subscribe({ next: (page) => this.organisations.set(page.items), error: () => undefined });
    }
  }

  protected apply(): void {
    this.filters.markAllAsTouched();
    const { from, to } = this.filters.getRawValue();
    this.rangeError.set(!!from && !!to && from > to);
    if (this.filters.invalid || this.rangeError()) return;
    this.query.set(this.queryOf());
  }

  protected retry(): void {
    this.attempt.update((n) => n + 1);
  }

  private queryOf(): ReportQualityQuery {
    const { from, to, organisationId } = this.filters.getRawValue();
    return { from, to, organisationId: organisationId || null };
  }
}
