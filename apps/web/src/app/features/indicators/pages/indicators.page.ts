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
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import {
  hasPermission,
  INDICATOR_SUPPRESSION_MAX,
  IndicatorQuery,
  IndicatorReport,
  MENTOR_TYPES,
  MentorType,
  ORGANISATION_KINDS,
  OrganisationKind,
  OrganisationSummary,
  Permission,
} from '@mentor/domain';
import { ErrorMessage, Loading, PageHeader } from '@mentor/shared-ui';
import { catchError, map, of, startWith } from 'rxjs';
import { AuthService } from '../../../core/auth/auth.service';
import { queryParamsNavigator } from '../../../core/http/paged-list';
import { localToday } from '../../../core/http/local-time';
import { pageLoad } from '../../../core/http/page-load';
import { I18nService } from '../../../core/i18n/i18n.service';
import { formatLocalDate } from '../../../core/i18n/local-date.pipe';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import { OrganisationsApiService } from '../../organisations/organisations-api.service';
import { IndicatorChart } from '../components/indicator-chart';
import { IndicatorChartModel } from '../indicator-chart-config';
import { PeriodError, periodError, queryFromUrl, urlFromQuery } from '../indicator-filters';
import {
  countText,
  currentText,
  figureCounts,
  figureReference,
  figureTitleKey,
  IndicatorFigure,
  indicatorLabelKey,
  indicatorSections,
  studyBar,
  studyText,
} from '../indicator-view';
import {
  INDICATOR_EXPORT_FORMATS,
  IndicatorExportFormat,
  IndicatorsApiService,
} from '../indicators-api.service';
import { saveFile } from '../save-file';

interface SectionView {
  readonly group: string;
  readonly figures: readonly IndicatorChartModel[];
}

/**
 * "Indikatorer": every indicator of the 2015 study computed from live data over a period, grouped
 * like the study (citizens, recruitment and training, mentors), one chart per figure with the
 * study's value beside today's and N below. Filters live in the address; the whole report exports
 * as CSV, XLSX and a PDF made on the server. A team leader sees their organisation, an
 * administrator the municipality or one organisation.
 */
@Component({
  selector: 'app-indicators-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatSelectModule,
    IndicatorChart,
    ErrorMessage,
    Loading,
    PageHeader,
    TranslatePipe,
  ],
  template: `
    <ui-page-header [title]="'indicators.title' | t" [subtitle]="subtitle()">
      @if (load.loading()) {
        <ui-loading [label]="'common.loading' | t" />
      }
      <div class="export no-print" role="group" [attr.aria-label]="'indicators.export' | t">
        @for (format of formats; track format) {
          <button
            mat-stroked-button
            type="button"
            [attr.data-testid]="'indicators-export-' + format"
            [disabled]="exporting() !== null"
            (click)="download(format)"
          >
            <mat-icon aria-hidden="true" [fontIcon]="format === 'pdf' ? 'picture_as_pdf' : 'download'" />
            {{ 'indicators.exportAs.' + format | t }}
          </button>
        }
      </div>
    </ui-page-header>

    <form
      class="filters no-print"
      novalidate
      data-testid="indicators-filters"
      [formGroup]="form"
      [attr.aria-label]="'indicators.filters' | t"
      (ngSubmit)="apply()"
    >
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>{{ 'indicators.from' | t }}</mat-label>
        <input matInput type="date" formControlName="from" data-testid="indicators-from" />
      </mat-form-field>
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>{{ 'indicators.to' | t }}</mat-label>
        <input matInput type="date" formControlName="to" data-testid="indicators-to" />
      </mat-form-field>
      @if (canPickOrganisation) {
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>{{ 'indicators.organisationType' | t }}</mat-label>
          <mat-select formControlName="organisationType" data-testid="indicators-organisation-type">
            <mat-option value="">{{ 'indicators.allOrganisationTypes' | t }}</mat-option>
            @for (kind of organisationKinds; track kind) {
              <mat-option [value]="kind">{{ 'organisationKinds.' + kind | t }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field appearance="outline" subscriptSizing="dynamic" class="organisation">
          <mat-label>{{ 'indicators.organisation' | t }}</mat-label>
          <mat-select formControlName="organisationId" data-testid="indicators-organisation">
            <mat-option value="">{{ 'indicators.allOrganisations' | t }}</mat-option>
            @for (organisation of organisationChoices(); track organisation.id) {
              <mat-option [value]="organisation.id">{{ organisation.name }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
      }
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>{{ 'indicators.mentorType' | t }}</mat-label>
        <mat-select formControlName="mentorType" data-testid="indicators-mentor-type">
          <mat-option value="">{{ 'indicators.allMentorTypes' | t }}</mat-option>
          @for (type of mentorTypes; track type) {
            <mat-option [value]="type">{{ 'mentorTypes.' + type | t }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <button mat-flat-button type="submit" data-testid="indicators-apply">
        {{ 'indicators.apply' | t }}
      </button>
    </form>
    @if (formError(); as error) {
      <p class="field-error no-print" role="alert" data-testid="indicators-period-error">
        {{ 'indicators.periodErrors.' + error | t }}
      </p>
    }

    <p class="scope" data-testid="indicators-scope">{{ scope() }}</p>

    @if (exportProblem()) {
      <ui-error-message
        class="box no-print"
        data-testid="indicators-export-error"
        [message]="'indicators.exportFailed' | t"
        [detail]="'common.tryLater' | t"
      />
    }
    @if (load.failed()) {
      <ui-error-message
        class="box"
        data-testid="indicators-error"
        [message]="'common.loadFailed' | t"
        [detail]="'common.tryLater' | t"
        [retryLabel]="'common.retry' | t"
        (retry)="reload()"
      />
    }

    @for (section of sections(); track section.group) {
      <section
        class="section"
        data-testid="indicators-section"
        [attr.data-group]="section.group"
        [attr.aria-labelledby]="'indicators-group-' + section.group"
      >
        <h2 [id]="'indicators-group-' + section.group">{{ 'indicators.groups.' + section.group | t }}</h2>
        @for (figure of section.figures; track figure.key) {
          <app-indicator-chart [model]="figure" />
        }
      </section>
    }

    <p class="note" data-testid="indicators-note">{{ 'indicators.note' | t: { min: suppressionMin } }}</p>
  `,
  styles: `
    .export {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
    .filters {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px 12px;
      margin-bottom: 8px;
    }
    .organisation {
      min-width: 260px;
    }
    .field-error {
      margin: 0 0 8px;
      color: var(--mat-sys-error);
    }
    .scope {
      margin: 0 0 16px;
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    .box {
      display: block;
      margin-bottom: 16px;
    }
    .section h2 {
      margin: 24px 0 12px;
      font: var(--mat-sys-headline-small);
    }
    .note {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    @media print {
      .section {
        break-before: auto;
      }
      .section h2 {
        break-after: avoid;
      }
    }
  `,
})
export class IndicatorsPage {
  private readonly api = inject(IndicatorsApiService);
  private readonly i18n = inject(I18nService);
  private readonly announcer = inject(LiveAnnouncer);
  private readonly document = inject(DOCUMENT);
  private readonly destroyRef = inject(DestroyRef);
  private readonly navigate = queryParamsNavigator();
  private readonly user = inject(AuthService).user();

  /** An administrator looks at the whole municipality and may narrow it; a team leader sees their own organisation. */
  protected readonly canPickOrganisation =
    !!this.user && hasPermission(this.user.role, Permission.MunicipalityManage);
  protected readonly formats = INDICATOR_EXPORT_FORMATS;
  protected readonly organisationKinds = ORGANISATION_KINDS;
  protected readonly mentorTypes = MENTOR_TYPES;
  protected readonly suppressionMin = INDICATOR_SUPPRESSION_MAX + 1;

  // Query parameters, bound by the router: the whole state of the page.
  readonly from = input<string | undefined>(undefined);
  readonly to = input<string | undefined>(undefined);
  readonly organisationType = input<string | undefined>(undefined);
  readonly organisationId = input<string | undefined>(undefined);
  readonly mentorType = input<string | undefined>(undefined);

  protected readonly query = computed(
    () =>
      queryFromUrl(
        {
          from: this.from(),
          to: this.to(),
          organisationType: this.organisationType(),
          organisationId: this.organisationId(),
          mentorType: this.mentorType(),
        },
        localToday(),
        this.canPickOrganisation,
      ),
    { equal: (a, b) => JSON.stringify(a) === JSON.stringify(b) },
  );

  protected readonly form = inject(FormBuilder).nonNullable.group({
    from: [''],
    to: [''],
    organisationType: [''],
    organisationId: [''],
    mentorType: [''],
  });
  protected readonly formError = signal<PeriodError | null>(null);

  protected readonly organisations = this.canPickOrganisation
    ? toSignal(
        inject(OrganisationsApiService)
          .choices()
          .pipe(
            map((page) => page.items),
            catchError(() => of([] as OrganisationSummary[])),
          ),
        { initialValue: [] as OrganisationSummary[] },
      )
    : signal<OrganisationSummary[]>([]);
  private readonly chosenType = toSignal(
    this.form.controls.organisationType.valueChanges.pipe(
      startWith(this.form.controls.organisationType.value),
    ),
    { initialValue: '' },
  );
  /** The organisations of the chosen kind (all when none is chosen). */
  protected readonly organisationChoices = computed(() => {
    const kind = this.chosenType();
    return this.organisations().filter((organisation) => !kind || organisation.kind === kind);
  });

  protected readonly load = pageLoad();
  private readonly attempt = signal(0);
  protected readonly report = signal<IndicatorReport | null>(null);
  protected readonly exporting = signal<IndicatorExportFormat | null>(null);
  protected readonly exportProblem = signal(false);

  protected readonly subtitle = computed(() =>
    this.i18n.t(this.canPickOrganisation ? 'indicators.subtitleAdmin' : 'indicators.subtitle', {
      organisation: this.user?.organisationName ?? '',
    }),
  );

  /** What the figures cover, in words: period, organisations, mentor type (printed with the report). */
  protected readonly scope = computed(() => {
    const query = this.query();
    const t = (key: string, params?: Record<string, string | number>) => this.i18n.t(key, params);
    const locale = this.i18n.locale();
    const organisation = query.organisationId
      ? (this.organisations().find((o) => o.id === query.organisationId)?.name ??
        t('indicators.oneOrganisation'))
      : query.organisationType
        ? t(`organisationKinds.${query.organisationType}`)
        : this.canPickOrganisation
          ? t('indicators.allOrganisations')
          : (this.user?.organisationName ?? '');
    return t('indicators.scope', {
      from: formatLocalDate(query.from, locale),
      to: formatLocalDate(query.to, locale),
      organisation,
      mentorType: query.mentorType ? t(`mentorTypes.${query.mentorType}`) : t('indicators.allMentorTypes'),
    });
  });

  protected readonly sections = computed((): SectionView[] => {
    const report = this.report();
    if (!report) return [];
    return indicatorSections(report.indicators).map((section) => ({
      group: section.group,
      figures: section.figures.map((figure) => this.chartModel(figure)),
    }));
  });

  constructor() {
    // The form follows the address (a shared link, Back).
    effect(() => {
      const query = this.query();
      untracked(() => {
        this.form.setValue({
          from: query.from,
          to: query.to,
          organisationType: query.organisationType ?? '',
          organisationId: query.organisationId ?? '',
          mentorType: query.mentorType ?? '',
        });
        this.formError.set(null);
      });
    });
    // A different kind of organisation clears a chosen organisation of the other kind.
    this.form.controls.organisationType.valueChanges.pipe(takeUntilDestroyed()).subscribe((kind) => {
      const chosen = this.organisations().find((o) => o.id === this.form.controls.organisationId.value);
      if (kind && chosen && chosen.kind !== kind) this.form.controls.organisationId.setValue('');
    });
    let first = true;
    effect(() => {
      const query = this.query();
      this.attempt();
      untracked(() =>
        this.load.run(this.api.report(query), (report) => {
          this.report.set(report);
          if (!first) void this.announcer.announce(this.i18n.t('indicators.updated'));
          first = false;
        }),
      );
    });
  }

  protected apply(): void {
    const value = this.form.getRawValue();
    const error = periodError(value.from, value.to);
    this.formError.set(error);
    if (error) return;
    const query: IndicatorQuery = { from: value.from, to: value.to };
    if (value.organisationType) query.organisationType = value.organisationType as OrganisationKind;
    if (value.organisationId) query.organisationId = value.organisationId;
    if (value.mentorType) query.mentorType = value.mentorType as MentorType;
    this.navigate(urlFromQuery(query));
  }

  protected reload(): void {
    this.attempt.update((n) => n + 1);
  }

  /** Fetches the export of what the page shows and saves it; a failure is shown, never saved. */
  protected download(format: IndicatorExportFormat): void {
    if (this.exporting()) return;
    this.exporting.set(format);
    this.exportProblem.set(false);
    this.api
      .export(format, this.query())
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (file) => {
          this.exporting.set(null);
          saveFile(this.document, file);
        },
        error: () => {
          this.exporting.set(null);
          this.exportProblem.set(true);
        },
      });
  }

  private chartModel(figure: IndicatorFigure): IndicatorChartModel {
    const t = (key: string, params?: Record<string, string | number>) => this.i18n.t(key, params);
    const locale = this.i18n.locale();
    const reference = figureReference(figure.figure, t);
    const titleKey = figureTitleKey(figure.figure);
    const title = t(titleKey);
    const counts = figureCounts(figure.items, t);
    return {
      key: figure.figure.replace(/[.\s]+/g, '_'),
      reference,
      title: title === titleKey ? '' : title,
      studyLabel: t('indicators.studyLabel'),
      currentLabel: t('indicators.currentLabel'),
      currentN: counts.current,
      studyN: counts.study,
      locale,
      rows: figure.items.map(({ definition, result }) => {
        const key = indicatorLabelKey(definition.id);
        const label = t(key);
        return {
          id: definition.id,
          label: label === key ? definition.question : label,
          study: studyBar(definition.study),
          studyText: studyText(definition.study, locale, t),
          current: result && !result.suppressed ? result.value : null,
          currentText: currentText(result, locale, t),
          countText: countText(result, t),
          suppressed: !!result?.suppressed,
        };
      }),
    };
  }
}
