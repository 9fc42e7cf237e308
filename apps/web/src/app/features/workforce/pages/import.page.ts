import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { IMPORT_KINDS, ImportKind, ImportKindCounts, ImportResult, ImportRowError } from '@mentor/domain';
import { ErrorMessage, Loading, PageHeader } from '@mentor/shared-ui';
import { AuthService } from '../../../core/auth/auth.service';
import { FileImport } from '../../../core/http/file-import';
import { I18nService } from '../../../core/i18n/i18n.service';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import { IMPORT_FORMAT, importErrorText, sortedImportErrors } from '../import-format';
import { uploadType, WorkforceApiService } from '../workforce-api.service';

/**
 * "Importér": a team leader uploads mentor profiles and records (CSV of one kind, or XLSX with a
 * sheet per kind). A dry run lists every error by sheet, row and column and what would change;
 * only a file that passed it can be imported, all or nothing. The column format is shown beside.
 */
@Component({
  selector: 'app-import-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatButtonModule,
    MatFormFieldModule,
    MatSelectModule,
    RouterLink,
    ErrorMessage,
    Loading,
    PageHeader,
    TranslatePipe,
  ],
  template: `
    <ui-page-header
      [title]="'workforce.importPage.title' | t"
      [subtitle]="'workforce.importPage.subtitle' | t"
    >
      @if (busy()) {
        <ui-loading [label]="'workforce.importPage.working' | t" />
      }
      <a mat-button routerLink="/workforce">{{ 'workforce.mentor.back' | t }}</a>
    </ui-page-header>

    <p class="intro">
      {{ 'workforce.importPage.intro' | t }}
      <a href="#import-format" data-testid="import-format-link" (click)="showFormat($event)">{{
        'workforce.importPage.formatLink' | t
      }}</a>
    </p>

    <form class="upload" novalidate (submit)="$event.preventDefault()">
      <div class="file">
        <label for="import-file" class="file-label">{{ 'workforce.importPage.file' | t }}</label>
        <input
          id="import-file"
          type="file"
          data-testid="import-file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-describedby="import-file-hint"
          (change)="chooseFile($any($event.target).files)"
        />
        <span id="import-file-hint" class="hint">{{ 'workforce.importPage.fileHint' | t }}</span>
      </div>
      <mat-form-field appearance="outline">
        <mat-label>{{ 'workforce.importPage.kind' | t }}</mat-label>
        <mat-select
          data-testid="import-kind"
          [value]="kind()"
          [disabled]="isXlsx()"
          (valueChange)="chooseKind($event)"
        >
          @for (kind of kinds; track kind) {
            <mat-option [value]="kind">{{ 'importKinds.' + kind | t }}</mat-option>
          }
        </mat-select>
        <mat-hint>{{
          (isXlsx() ? 'workforce.importPage.kindXlsx' : 'workforce.importPage.kindHint') | t
        }}</mat-hint>
      </mat-form-field>
      <div class="buttons">
        <button
          mat-stroked-button
          type="button"
          data-testid="import-check"
          [disabled]="!file() || busy()"
          (click)="run(true)"
        >
          {{ 'workforce.importPage.check' | t }}
        </button>
        <button
          mat-flat-button
          type="button"
          data-testid="import-commit"
          [disabled]="!canCommit() || busy()"
          (click)="run(false)"
        >
          {{ 'workforce.importPage.commit' | t }}
        </button>
      </div>
      <p class="hint">{{ 'workforce.importPage.commitHint' | t }}</p>
    </form>

    @if (problem(); as problem) {
      <ui-error-message class="box" data-testid="import-problem" [message]="problem" />
    }

    @if (outcome(); as outcome) {
      <section class="panel" aria-labelledby="import-result-heading" data-testid="import-result">
        <h2 id="import-result-heading">{{ resultHeading() | t }}</h2>
        <p
          role="status"
          data-testid="import-summary"
          [class.ok]="!errors().length"
          [class.bad]="errors().length"
        >
          {{ summary() }}
        </p>
        @if (countRows().length) {
          <div class="scroll">
            <table class="data-table" data-testid="import-counts">
              <caption class="visually-hidden">
                {{
                  'workforce.importPage.countsCaption' | t
                }}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{{ 'workforce.importPage.sheet' | t }}</th>
                  <th scope="col" class="numeric">{{ 'workforce.importPage.rows' | t }}</th>
                  <th scope="col" class="numeric">{{ 'workforce.importPage.created' | t }}</th>
                  <th scope="col" class="numeric">{{ 'workforce.importPage.updated' | t }}</th>
                  <th scope="col" class="numeric">{{ 'workforce.importPage.unchanged' | t }}</th>
                </tr>
              </thead>
              <tbody>
                @for (row of countRows(); track row.kind) {
                  <tr data-testid="import-count-row" [attr.data-kind]="row.kind">
                    <th scope="row">{{ 'importKinds.' + row.kind | t }}</th>
                    <td class="numeric">{{ row.counts.rows }}</td>
                    <td class="numeric" data-testid="import-created">{{ row.counts.created }}</td>
                    <td class="numeric" data-testid="import-updated">{{ row.counts.updated }}</td>
                    <td class="numeric">{{ row.counts.unchanged }}</td>
                  </tr>
                }
              </tbody>
            </table>
          </div>
        }
        @if (errors().length) {
          <h3>{{ 'workforce.importPage.errorsTitle' | t: { count: errors().length } }}</h3>
          <div class="scroll">
            <table class="data-table" data-testid="import-errors">
              <caption class="visually-hidden">
                {{
                  'workforce.importPage.errorsCaption' | t
                }}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{{ 'workforce.importPage.sheet' | t }}</th>
                  <th scope="col" class="numeric">{{ 'workforce.importPage.row' | t }}</th>
                  <th scope="col">{{ 'workforce.importPage.column' | t }}</th>
                  <th scope="col">{{ 'workforce.importPage.error' | t }}</th>
                </tr>
              </thead>
              <tbody>
                @for (error of errors(); track $index) {
                  <tr data-testid="import-error-row">
                    <td>{{ 'importKinds.' + error.kind | t }}</td>
                    <td class="numeric" data-testid="import-error-line">{{ error.row }}</td>
                    <td data-testid="import-error-column">
                      {{ error.column ?? ('workforce.importPage.wholeRow' | t) }}
                    </td>
                    <td data-testid="import-error-text">{{ textOf(error) }}</td>
                  </tr>
                }
              </tbody>
            </table>
          </div>
        }
      </section>
    }

    <details id="import-format" class="panel format" data-testid="import-format" [open]="formatOpen()">
      <summary (click)="toggleFormat($event)">{{ 'workforce.importPage.formatTitle' | t }}</summary>
      <p>{{ 'workforce.importPage.formatIntro' | t }}</p>
      <ul>
        <li>{{ 'workforce.importPage.formatCsv' | t }}</li>
        <li>{{ 'workforce.importPage.formatXlsx' | t }}</li>
        <li>{{ 'workforce.importPage.formatKeys' | t }}</li>
        <li>{{ 'workforce.importPage.formatValues' | t }}</li>
        <li>{{ 'workforce.importPage.formatRepeat' | t }}</li>
      </ul>
      @for (kind of kinds; track kind) {
        <h3>
          {{ 'importKinds.' + kind | t }} <code>({{ kind }})</code>
        </h3>
        <div class="scroll">
          <table class="data-table">
            <caption class="visually-hidden">
              {{
                'importKinds.' + kind | t
              }}
            </caption>
            <thead>
              <tr>
                <th scope="col">{{ 'workforce.importPage.column' | t }}</th>
                <th scope="col">{{ 'workforce.importPage.content' | t }}</th>
              </tr>
            </thead>
            <tbody>
              @for (column of format[kind]; track column.header) {
                <tr>
                  <td>
                    <code>{{ column.header }}</code>{{ column.required ? ' *' : '' }}
                  </td>
                  <td>
                    {{ 'workforce.importPage.types.' + column.type | t }}
                    @if (column.values) {
                      : <code>{{ column.values.join(', ') }}</code>
                    }
                  </td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      }
      <p class="hint">{{ 'workforce.importPage.formatRequired' | t }}</p>
    </details>
  `,
  styleUrl: '../../../core/http/file-import.css',
  styles: `
    .intro {
      max-width: 720px;
    }
    .upload {
      max-width: 560px;
    }
    h3 {
      margin: 16px 0 8px;
      font: var(--mat-sys-title-medium);
    }
    .format summary {
      cursor: pointer;
      font: var(--mat-sys-title-medium);
    }
  `,
})
export class ImportPage {
  private readonly api = inject(WorkforceApiService);
  private readonly i18n = inject(I18nService);
  private readonly document = inject(DOCUMENT);
  private readonly organisationId = inject(AuthService).user()?.organisationId ?? '';

  protected readonly kinds = IMPORT_KINDS;
  protected readonly format = IMPORT_FORMAT;
  protected readonly kind = signal<ImportKind>(ImportKind.Profiles);
  protected readonly formatOpen = signal(false);
  // Typed here: its summary reads the outcome it holds.
  private readonly upload: FileImport<ImportKind, ImportRowError, ImportResult> = new FileImport({
    refused: (errors) => ({ dryRun: false, committed: false, counts: {}, errors }),
    translate: (key) => this.i18n.t(key),
    failedKey: 'workforce.importPage.failed',
    summary: (): string => this.summary(),
  });
  protected readonly file = this.upload.file;
  protected readonly busy = this.upload.busy;
  protected readonly outcome = this.upload.outcome;
  protected readonly problem = this.upload.problem;

  protected readonly isXlsx = computed(() => {
    const file = this.file();
    return !!file && uploadType(file) !== 'text/csv';
  });
  protected readonly errors = computed(() => sortedImportErrors(this.outcome()?.result.errors ?? []));
  /** Only the file (and kind) that just passed a dry run without errors can be imported. */
  protected readonly canCommit = computed(() => {
    const passed = this.upload.cleanDryRun();
    return !!passed && (this.isXlsx() || passed.kind === this.kind());
  });
  protected readonly countRows = computed(() => {
    const counts = this.outcome()?.result.counts ?? {};
    return IMPORT_KINDS.filter((kind) => counts[kind]).map((kind) => ({
      kind,
      counts: counts[kind] as ImportKindCounts,
    }));
  });
  protected readonly resultHeading = computed(() => {
    const result = this.outcome()?.result;
    if (!result) return '';
    if (result.committed) return 'workforce.importPage.committedTitle';
    return result.dryRun ? 'workforce.importPage.dryRunTitle' : 'workforce.importPage.refusedTitle';
  });
  protected readonly summary = computed(() => {
    const result = this.outcome()?.result;
    if (!result) return '';
    const totals = this.countRows().reduce(
      (sum, row) => ({
        created: sum.created + row.counts.created,
        updated: sum.updated + row.counts.updated,
        unchanged: sum.unchanged + row.counts.unchanged,
      }),
      { created: 0, updated: 0, unchanged: 0 },
    );
    if (result.errors.length)
      return this.i18n.t('workforce.importPage.summaryErrors', { count: result.errors.length });
    return this.i18n.t(
      result.committed ? 'workforce.importPage.summaryCommitted' : 'workforce.importPage.summaryDryRun',
      totals,
    );
  });

  protected chooseFile(files: FileList | null): void {
    this.upload.chooseFile(files);
  }

  protected chooseKind(kind: ImportKind): void {
    this.kind.set(kind);
    this.upload.clear();
  }

  protected showFormat(event: Event): void {
    event.preventDefault();
    this.formatOpen.set(true);
    this.document.getElementById('import-format')?.scrollIntoView();
  }

  protected toggleFormat(event: Event): void {
    // The signal owns the open state, so a re-render never closes what the user opened.
    event.preventDefault();
    this.formatOpen.update((open) => !open);
  }

  protected textOf(error: ImportRowError): string {
    return importErrorText(error, (key, params) => this.i18n.t(key, params));
  }

  /** A dry run, or the import itself; either way every error by row and column. */
  protected run(dryRun: boolean): void {
    const kind = this.kind();
    this.upload.run(kind, (file) => this.api.import(this.organisationId, file, { dryRun, kind }));
  }
}
