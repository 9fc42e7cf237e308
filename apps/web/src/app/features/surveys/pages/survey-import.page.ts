import { DOCUMENT } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  inject,
  input,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import {
  hasPermission,
  Permission,
  SURVEY_IMPORT_MAX_ROWS,
  SURVEY_KINDS,
  SurveyImportError,
  SurveyImportResult,
  surveyImportColumns,
  SurveyKind,
  SURVEYS,
} from '@mentor/domain';
import { ErrorMessage, Loading, PageHeader } from '@mentor/shared-ui';
import { AuthService } from '../../../core/auth/auth.service';
import { FileImport } from '../../../core/http/file-import';
import { I18nService } from '../../../core/i18n/i18n.service';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import { saveFile } from '../../indicators/save-file';
import { importColumnValues, importErrorText, surveyTranslate } from '../survey-text';
import { SurveysApiService } from '../surveys-api.service';

/**
 * "Importér svar": responses exported from a survey tool (CSV or XLSX, one questionnaire per
 * file). A dry run lists every error by row and column; only a file that passed it can be
 * imported, all or nothing. The column format and an empty template are offered beside.
 */
@Component({
  selector: 'app-survey-import-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatSelectModule,
    RouterLink,
    ErrorMessage,
    Loading,
    PageHeader,
    TranslatePipe,
  ],
  template: `
    <ui-page-header [title]="'surveys.import.title' | t" [subtitle]="'surveys.import.subtitle' | t">
      @if (busy()) {
        <ui-loading [label]="'surveys.import.working' | t" />
      }
      <a mat-button routerLink="/surveys">{{ 'surveys.back' | t }}</a>
    </ui-page-header>

    <form class="upload" novalidate (submit)="$event.preventDefault()">
      <mat-form-field appearance="outline">
        <mat-label>{{ 'surveys.import.kind' | t }}</mat-label>
        <mat-select
          data-testid="survey-import-kind"
          [value]="surveyKind()"
          (valueChange)="chooseKind($event)"
        >
          @for (kind of kinds; track kind) {
            <mat-option [value]="kind">{{ 'surveys.kinds.' + kind + '.name' | t }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <div class="file">
        <label for="survey-import-file" class="file-label">{{ 'surveys.import.file' | t }}</label>
        <input
          id="survey-import-file"
          type="file"
          data-testid="survey-import-file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-describedby="survey-import-file-hint"
          (change)="chooseFile($any($event.target).files)"
        />
        <span id="survey-import-file-hint" class="hint">{{
          'surveys.import.fileHint' | t: { max: maxRows() }
        }}</span>
      </div>
      <div class="buttons">
        <button
          mat-stroked-button
          type="button"
          data-testid="survey-import-check"
          [disabled]="!file() || busy()"
          (click)="run(true)"
        >
          {{ 'surveys.import.check' | t }}
        </button>
        <button
          mat-flat-button
          type="button"
          data-testid="survey-import-commit"
          [disabled]="!canCommit() || busy()"
          (click)="run(false)"
        >
          {{ 'surveys.import.commit' | t }}
        </button>
        @for (format of templateFormats; track format) {
          <button
            mat-button
            type="button"
            [attr.data-testid]="'survey-import-template-' + format"
            [disabled]="downloading()"
            (click)="downloadTemplate(format)"
          >
            <mat-icon aria-hidden="true" fontIcon="download" />
            {{ 'surveys.import.template.' + format | t }}
          </button>
        }
      </div>
      <p class="hint">{{ 'surveys.import.commitHint' | t }}</p>
    </form>

    @if (problem(); as problem) {
      <ui-error-message class="box" data-testid="survey-import-problem" [message]="problem" />
    }

    @if (outcome(); as outcome) {
      <section
        class="panel"
        aria-labelledby="survey-import-result-heading"
        data-testid="survey-import-result"
      >
        <h2 id="survey-import-result-heading">{{ resultHeading() | t }}</h2>
        <p
          role="status"
          data-testid="survey-import-summary"
          [class.ok]="!outcome.result.errors.length"
          [class.bad]="outcome.result.errors.length"
        >
          {{ summary() }}
        </p>
        @if (errors().length) {
          <div class="scroll">
            <table class="data-table" data-testid="survey-import-errors">
              <caption class="visually-hidden">
                {{
                  'surveys.import.errorsCaption' | t
                }}
              </caption>
              <thead>
                <tr>
                  <th scope="col" class="numeric">{{ 'surveys.import.row' | t }}</th>
                  <th scope="col">{{ 'surveys.import.column' | t }}</th>
                  <th scope="col">{{ 'surveys.import.error' | t }}</th>
                </tr>
              </thead>
              <tbody>
                @for (error of errors(); track $index) {
                  <tr data-testid="survey-import-error-row">
                    <td class="numeric" data-testid="survey-import-error-line">{{ error.row }}</td>
                    <td data-testid="survey-import-error-column">
                      {{ error.column ?? ('surveys.import.wholeRow' | t) }}
                    </td>
                    <td data-testid="survey-import-error-text">{{ textOf(error) }}</td>
                  </tr>
                }
              </tbody>
            </table>
          </div>
        }
      </section>
    }

    <section class="panel" aria-labelledby="survey-import-format-heading" data-testid="survey-import-format">
      <h2 id="survey-import-format-heading">{{ 'surveys.import.formatTitle' | t }}</h2>
      <ul>
        <li>{{ 'surveys.import.formatFile' | t }}</li>
        <li>
          {{
            (canPickOrganisation
              ? 'surveys.import.formatOrganisationAdmin'
              : 'surveys.import.formatOrganisation'
            ) | t
          }}
        </li>
        <li>{{ 'surveys.import.formatEmpty' | t }}</li>
        <li>{{ 'surveys.import.formatAllOrNothing' | t }}</li>
      </ul>
      <div class="scroll">
        <table class="data-table" data-testid="survey-import-columns">
          <caption class="visually-hidden">
            {{
              'surveys.import.columnsCaption' | t: { survey: ('surveys.kinds.' + surveyKind() + '.name' | t) }
            }}
          </caption>
          <thead>
            <tr>
              <th scope="col">{{ 'surveys.import.column' | t }}</th>
              <th scope="col">{{ 'surveys.import.question' | t }}</th>
              <th scope="col">{{ 'surveys.import.values.title' | t }}</th>
            </tr>
          </thead>
          <tbody>
            @for (column of columns(); track column.header) {
              <tr>
                <td>
                  <code>{{ column.header }}</code>
                </td>
                <td>{{ column.label }}</td>
                <td>{{ column.values }}</td>
              </tr>
            }
          </tbody>
        </table>
      </div>
    </section>
  `,
  styleUrl: '../../../core/http/file-import.css',
  styles: `
    .upload {
      max-width: 640px;
    }
  `,
})
export class SurveyImportPage {
  private readonly api = inject(SurveysApiService);
  private readonly i18n = inject(I18nService);
  private readonly destroyRef = inject(DestroyRef);
  private readonly document = inject(DOCUMENT);
  private readonly role = inject(AuthService).user()?.role;

  /** The questionnaire in the address (`?kind=`), the citizen interview by default. */
  readonly kind = input<string | undefined>(undefined);

  /** An administrator names each row's organisation; a team leader imports into their own. */
  protected readonly canPickOrganisation =
    !!this.role && hasPermission(this.role, Permission.MunicipalityManage);
  protected readonly kinds = SURVEY_KINDS;
  protected readonly maxRows = computed(() =>
    new Intl.NumberFormat(this.i18n.locale() === 'da' ? 'da-DK' : 'en-GB').format(SURVEY_IMPORT_MAX_ROWS),
  );
  private readonly chosenKind = signal<SurveyKind | null>(null);
  protected readonly surveyKind = computed(
    () => this.chosenKind() ?? SURVEY_KINDS.find((kind) => kind === this.kind()) ?? SurveyKind.Citizen,
  );
  protected readonly templateFormats = ['xlsx', 'csv'] as const;
  protected readonly downloading = signal(false);
  // Typed here: its summary reads the outcome it holds.
  private readonly upload: FileImport<SurveyKind, SurveyImportError, SurveyImportResult> = new FileImport({
    refused: (errors) => ({ dryRun: false, committed: false, rows: 0, created: 0, errors }),
    translate: surveyTranslate((key, params) => this.i18n.t(key, params)),
    failedKey: 'surveys.import.failed',
    summary: (): string => this.summary(),
  });
  protected readonly file = this.upload.file;
  protected readonly busy = this.upload.busy;
  protected readonly outcome = this.upload.outcome;
  protected readonly problem = this.upload.problem;

  protected readonly errors = computed(() =>
    [...(this.outcome()?.result.errors ?? [])].sort(
      (a, b) => a.row - b.row || this.columnOrder(a) - this.columnOrder(b),
    ),
  );
  /** Only the file that just passed a dry run without errors, for the same questionnaire, can be imported. */
  protected readonly canCommit = computed(() => {
    const passed = this.upload.cleanDryRun();
    return !!passed && passed.result.created > 0 && passed.kind === this.surveyKind();
  });
  protected readonly resultHeading = computed(() => {
    const result = this.outcome()?.result;
    if (!result) return '';
    if (result.committed) return 'surveys.import.committedTitle';
    return result.dryRun ? 'surveys.import.dryRunTitle' : 'surveys.import.refusedTitle';
  });
  protected readonly summary = computed(() => {
    const result = this.outcome()?.result;
    if (!result) return '';
    if (result.errors.length)
      return this.i18n.t('surveys.import.summaryErrors', { count: result.errors.length });
    return this.i18n.t(
      result.committed ? 'surveys.import.summaryCommitted' : 'surveys.import.summaryDryRun',
      {
        rows: result.rows,
        created: result.created,
      },
    );
  });
  protected readonly columns = computed(() => {
    const kind = this.surveyKind();
    const t = (key: string, params?: Record<string, string | number>) => this.i18n.t(key, params);
    return surveyImportColumns(kind).map((header) => ({
      header,
      label: SURVEYS[kind].questions.some((q) => q.key === header)
        ? t(`surveys.${kind}.${header}.label`)
        : t(`surveys.import.columns.${header}`),
      values: importColumnValues(kind, header, t),
    }));
  });

  protected chooseFile(files: FileList | null): void {
    this.upload.chooseFile(files);
  }

  protected chooseKind(kind: SurveyKind): void {
    this.chosenKind.set(kind);
    this.upload.clear();
  }

  protected textOf(error: SurveyImportError): string {
    return importErrorText(error, (key, params) => this.i18n.t(key, params));
  }

  /** Fetches the questionnaire's empty template and saves it; a failure is said, not saved. */
  protected downloadTemplate(format: 'xlsx' | 'csv'): void {
    if (this.downloading()) return;
    this.downloading.set(true);
    this.problem.set(null);
    this.api
      .template(this.surveyKind(), format)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (file) => {
          this.downloading.set(false);
          saveFile(this.document, file);
        },
        error: () => {
          this.downloading.set(false);
          this.problem.set(this.i18n.t('surveys.import.templateFailed'));
        },
      });
  }

  /** A dry run, or the import itself; either way every error by row and column. */
  protected run(dryRun: boolean): void {
    const kind = this.surveyKind();
    this.upload.run(kind, (file) => this.api.import(kind, file, dryRun));
  }

  /** Errors of a row in the file's column order; whole-row errors first. */
  private columnOrder(error: SurveyImportError): number {
    return error.column === null ? -1 : surveyImportColumns(this.surveyKind()).indexOf(error.column);
  }
}
