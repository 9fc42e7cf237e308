import { LiveAnnouncer } from '@angular/cdk/a11y';
import { DOCUMENT } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { AccessLogEntry, addMonths, CitizenDetail } from '@mentor/domain';
import { ErrorMessage, Loading, PagedTable, PagedTableColumn, PageHeader } from '@mentor/shared-ui';
import { localToday } from '../../../core/http/local-time';
import { pageLoad } from '../../../core/http/page-load';
import { pagedList, PAGE_SIZE_OPTIONS } from '../../../core/http/paged-list';
import { I18nService } from '../../../core/i18n/i18n.service';
import { formatLocalDate } from '../../../core/i18n/local-date.pipe';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import { CitizensApiService } from '../../citizens/citizens-api.service';
import { AccessLogApiService, AccessLogFormat, AccessLogRange } from '../access-log-api.service';
import { accessLogActionText } from '../access-log-text';
import { attachmentName, blobProblemCode, saveFile } from '../file-download';

/** The default period: the last 12 months up to today. */
export function defaultAccessLogRange(today = localToday()): AccessLogRange {
  return { from: addMonths(today, -12), to: today };
}

/**
 * "Indsigtslog" (caseworker): when the citizen's data was read or changed, by which kind of staff
 * (role and organisation, never names) and why, over a period; for the citizen's right of
 * access, with the period as CSV or PDF.
 */
@Component({
  selector: 'app-access-log-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    RouterLink,
    ErrorMessage,
    Loading,
    PagedTable,
    PageHeader,
    TranslatePipe,
  ],
  template: `
    <ui-page-header
      [title]="'accessLog.title' | t"
      [subtitle]="
        citizen() ? ('accessLog.subtitle' | t: { name: citizen()!.name, cpr: citizen()!.cprMasked }) : null
      "
    >
      @if (citizenLoading() || list.loading()) {
        <ui-loading [label]="'common.loading' | t" />
      }
    </ui-page-header>

    <p class="lead" data-testid="access-log-explanation">{{ 'accessLog.explanation' | t }}</p>

    @if (citizenFailed()) {
      <ui-error-message
        class="box"
        data-testid="access-log-citizen-error"
        [message]="'common.loadFailed' | t"
        [retryLabel]="'common.retry' | t"
        (retry)="loadCitizen()"
      />
    }

    <form
      class="filters"
      novalidate
      data-testid="access-log-filters"
      [formGroup]="filters"
      [attr.aria-label]="'accessLog.period' | t"
      (ngSubmit)="apply()"
    >
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>{{ 'accessLog.from' | t }}</mat-label>
        <input
          matInput
          type="date"
          formControlName="from"
          data-testid="access-log-from"
          [attr.max]="filters.controls.to.value || null"
        />
        <mat-error>{{ 'forms.errors.required' | t }}</mat-error>
      </mat-form-field>
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>{{ 'accessLog.to' | t }}</mat-label>
        <input
          matInput
          type="date"
          formControlName="to"
          data-testid="access-log-to"
          [attr.min]="filters.controls.from.value || null"
        />
        <mat-error>{{ 'forms.errors.required' | t }}</mat-error>
      </mat-form-field>
      <button mat-flat-button type="submit" data-testid="access-log-apply">
        {{ 'accessLog.apply' | t }}
      </button>
    </form>
    @if (rangeError()) {
      <p class="field-error" role="alert" data-testid="access-log-range-error">
        {{ 'accessLog.rangeError' | t }}
      </p>
    }

    <div class="downloads">
      <button
        mat-stroked-button
        type="button"
        data-testid="access-log-csv"
        [disabled]="downloading() !== null"
        (click)="download('csv')"
      >
        <mat-icon aria-hidden="true" fontIcon="download" />
        {{ (downloading() === 'csv' ? 'accessLog.downloading' : 'accessLog.downloadCsv') | t }}
      </button>
      <button
        mat-stroked-button
        type="button"
        data-testid="access-log-pdf"
        [disabled]="downloading() !== null"
        (click)="download('pdf')"
      >
        <mat-icon aria-hidden="true" fontIcon="picture_as_pdf" />
        {{ (downloading() === 'pdf' ? 'accessLog.downloading' : 'accessLog.downloadPdf') | t }}
      </button>
      <span class="hint">{{ 'accessLog.downloadHint' | t }}</span>
    </div>
    @if (downloadError(); as error) {
      <ui-error-message class="box" data-testid="access-log-download-error" [message]="error | t" />
    }

    @if (list.error()) {
      <ui-error-message
        class="box"
        data-testid="access-log-error"
        [message]="'common.loadFailed' | t"
        [detail]="'common.tryLater' | t"
        [retryLabel]="'common.retry' | t"
        (retry)="list.retry()"
      />
    }

    <ui-paged-table
      testId="access-log"
      [columns]="columns()"
      [rows]="list.items()"
      [total]="list.total()"
      [pageIndex]="list.pageIndex()"
      [pageSize]="list.query().limit"
      [pageSizeOptions]="pageSizeOptions"
      [loading]="list.loading()"
      [tableLabel]="'accessLog.tableLabel' | t"
      [emptyText]="'accessLog.empty' | t"
      (pageChange)="list.setPage($event.pageIndex, $event.pageSize)"
    />

    @if (course(); as course) {
      <a mat-button class="back" data-testid="access-log-back" [routerLink]="['/courses', course]">{{
        'accessLog.backToCourse' | t
      }}</a>
    }
  `,
  styles: `
    .lead {
      max-width: 72ch;
      margin: 0 0 16px;
    }
    .filters,
    .downloads {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px 12px;
      margin-bottom: 16px;
    }
    .hint {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
    .field-error {
      margin: 0 0 16px;
      color: var(--mat-sys-error);
    }
    .box {
      display: block;
      margin-bottom: 16px;
    }
    .back {
      margin-top: 16px;
    }
  `,
})
export class AccessLogPage {
  private readonly api = inject(AccessLogApiService);
  private readonly citizens = inject(CitizensApiService);
  private readonly i18n = inject(I18nService);
  private readonly announcer = inject(LiveAnnouncer);
  private readonly destroyRef = inject(DestroyRef);
  private readonly document = inject(DOCUMENT);
  /** A failed download's body is read after the answer: the page may be gone by then. */
  private destroyed = false;

  /** Route parameter: the citizen. */
  readonly id = input.required<string>();
  /** Query parameter: the course the user came from, to lead back to. */
  readonly course = input<string | undefined>(undefined);

  protected readonly pageSizeOptions = PAGE_SIZE_OPTIONS;
  protected readonly filters = inject(FormBuilder).nonNullable.group({
    from: [defaultAccessLogRange().from, Validators.required],
    to: [defaultAccessLogRange().to, Validators.required],
  });
  /** The period shown; changed by "Vis". */
  private readonly range = signal<AccessLogRange>(defaultAccessLogRange());
  protected readonly rangeError = signal(false);
  protected readonly downloading = signal<AccessLogFormat | null>(null);
  protected readonly downloadError = signal<string | null>(null);

  protected readonly citizen = signal<CitizenDetail | null>(null);
  private readonly citizenResource = pageLoad();
  protected readonly citizenLoading = this.citizenResource.loading;
  protected readonly citizenFailed = this.citizenResource.failed;

  private readonly query = computed(() => ({ id: this.id(), range: this.range() }));
  protected readonly list = pagedList<AccessLogEntry, { id: string; range: AccessLogRange }>(
    (page, { id, range }) => this.api.page(id, range, page.limit, page.offset),
    '-at',
    this.query,
  );

  protected readonly columns = computed((): PagedTableColumn<AccessLogEntry>[] => {
    const t = (key: string) => this.i18n.t(key);
    const locale = this.i18n.locale();
    return [
      { id: 'at', header: t('accessLog.columns.at'), cell: (e) => formatLocalDate(e.at, locale, 'datetime') },
      { id: 'role', header: t('accessLog.columns.role'), cell: (e) => t(`roles.${e.actorRole}`) },
      { id: 'organisation', header: t('accessLog.columns.organisation'), cell: (e) => e.organisationName },
      { id: 'action', header: t('accessLog.columns.action'), cell: (e) => accessLogActionText(e, t) },
      { id: 'kind', header: t('accessLog.columns.kind'), cell: (e) => t(`accessLog.kinds.${e.kind}`) },
      {
        id: 'purpose',
        header: t('accessLog.columns.purpose'),
        cell: (e) => t(`accessLog.purposes.${e.purpose}`),
      },
    ];
  });

  constructor() {
    this.destroyRef.onDestroy(() => (this.destroyed = true));
    effect(() => {
      this.id();
      untracked(() => this.loadCitizen());
    });
  }

  loadCitizen(): void {
    this.citizenResource.run(this.citizens.get(this.id()), (citizen) => this.citizen.set(citizen));
  }

  protected apply(): void {
    this.filters.markAllAsTouched();
    const { from, to } = this.filters.getRawValue();
    this.rangeError.set(!!from && !!to && from > to);
    if (this.filters.invalid || this.rangeError()) return;
    this.range.set({ from, to });
  }

  /** Downloads the period shown (not unapplied filter changes: the file matches the table). */
  protected download(format: AccessLogFormat): void {
    if (this.downloading()) return;
    this.downloading.set(format);
    this.downloadError.set(null);
    this.api
      .export(this.id(), this.range(), format)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (response) => {
          this.downloading.set(null);
          if (!response.body) return;
          const name = attachmentName(response.headers.get('Content-Disposition'), `indsigtslog.${format}`);
          saveFile(this.document, response.body, name);
          void this.announcer.announce(this.i18n.t('accessLog.downloaded'));
        },
        error: async (error: unknown) => {
          this.downloading.set(null);
          const code = await blobProblemCode(error);
          if (this.destroyed) return;
          const key =
            code === 'access_log.too_many_events'
              ? 'accessLog.errors.tooManyEvents'
              : 'accessLog.errors.downloadFailed';
          this.downloadError.set(key);
          void this.announcer.announce(this.i18n.t(key));
        },
      });
  }
}
