import { LiveAnnouncer } from '@angular/cdk/a11y';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormBuilder, FormGroup, ReactiveFormsModule, ValidatorFn, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { MatSelectModule } from '@angular/material/select';
import { toFieldErrors } from '@mentor/domain';
import { ChipGroup, ChipOption, ErrorMessage } from '@mentor/shared-ui';
import { Observable } from 'rxjs';
import { applyServerErrors, controlErrorKey } from '../../../core/http/form-errors';
import { localToday } from '../../../core/http/local-time';
import { fieldErrors, problemCode, problemOf, translateFieldErrors } from '../../../core/http/problem';
import { I18nService } from '../../../core/i18n/i18n.service';
import { formatLocalDate } from '../../../core/i18n/local-date.pipe';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import {
  AnyRecord,
  RecordField,
  recordBody,
  RecordFormValue,
  recordFormValue,
  RecordKind,
  sortedRecords,
} from '../record-kinds';
import { RecordPath, RecordTypes, WorkforceApiService } from '../workforce-api.service';

/** The record being changed, or a new one (`record` null). */
interface Editing {
  record: AnyRecord | null;
  form: FormGroup;
}

let nextId = 0;

/**
 * One kind of a mentor's records (training, certification, upskilling, supervision) as a table,
 * newest first; with `canEdit` a form to add, change and delete them. The form checks the rules of
 * `@mentor/domain` before sending and shows the API's field errors beside their fields. Emits
 * `changed` after every change, so the page reloads what depends on it (certification status).
 * Test ids: `<key>-row`, `<key>-add`, `<key>-edit`, `<key>-delete`, `<key>-<field>`, `<key>-save`.
 */
@Component({
  selector: 'app-records-section',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatRadioModule,
    MatSelectModule,
    ChipGroup,
    ErrorMessage,
    TranslatePipe,
  ],
  template: `
    @let key = kind().key;
    <section [attr.aria-labelledby]="headingId" [attr.data-testid]="'records-' + key">
      <h2 [id]="headingId">{{ 'workforce.records.' + key + '.title' | t }}</h2>

      @if (message(); as message) {
        @if (message.kind === 'error') {
          <ui-error-message class="message" [attr.data-testid]="key + '-message'" [message]="message.text" />
        } @else {
          <p class="message info" role="status" [attr.data-testid]="key + '-message'">{{ message.text }}</p>
        }
      }

      @if (rows().length) {
        <div class="scroll">
          <table class="data-table" [attr.data-testid]="key + '-table'">
            <caption class="visually-hidden">
              {{
                'workforce.records.' + key + '.title' | t
              }}
            </caption>
            <thead>
              <tr>
                @for (column of kind().columns; track column.id) {
                  <th scope="col">{{ column.labelKey | t }}</th>
                }
                @if (canEdit()) {
                  <th scope="col">
                    <span class="visually-hidden">{{ 'workforce.records.actions' | t }}</span>
                  </th>
                }
              </tr>
            </thead>
            <tbody>
              @for (row of rows(); track row.record.id) {
                <tr [attr.data-testid]="key + '-row'">
                  @for (cell of row.cells; track $index) {
                    <td>{{ cell }}</td>
                  }
                  @if (canEdit()) {
                    <td class="actions">
                      <button
                        mat-button
                        type="button"
                        [attr.data-testid]="key + '-edit'"
                        [attr.aria-label]="'workforce.records.editLabel' | t: { what: row.label }"
                        [disabled]="busy()"
                        (click)="edit(row.record)"
                      >
                        {{ 'workforce.records.edit' | t }}
                      </button>
                      <button
                        mat-button
                        type="button"
                        [attr.data-testid]="key + '-delete'"
                        [attr.aria-label]="'workforce.records.deleteLabel' | t: { what: row.label }"
                        [disabled]="busy()"
                        (click)="remove(row.record)"
                      >
                        {{ 'workforce.records.delete' | t }}
                      </button>
                    </td>
                  }
                </tr>
              }
            </tbody>
          </table>
        </div>
      } @else {
        <p class="muted" [attr.data-testid]="key + '-empty'">
          {{ 'workforce.records.' + key + '.empty' | t }}
        </p>
      }

      @if (canEdit()) {
        @if (editing(); as editing) {
          <form class="form" novalidate [formGroup]="editing.form" (ngSubmit)="save()">
            <h3 class="form-title">
              {{ (editing.record ? 'workforce.records.editTitle' : 'workforce.records.' + key + '.add') | t }}
            </h3>
            @for (field of kind().fields; track field.name) {
              @let id = key + '-' + field.name;
              @switch (field.type) {
                @case ('select') {
                  <mat-form-field appearance="outline">
                    <mat-label>{{ field.labelKey | t }}</mat-label>
                    <mat-select [formControlName]="field.name" [attr.data-testid]="id">
                      @if (!field.required) {
                        <mat-option value="">{{ 'workforce.notRecorded' | t }}</mat-option>
                      }
                      @for (option of field.options; track option) {
                        <mat-option [value]="option">{{ field.optionPrefix + '.' + option | t }}</mat-option>
                      }
                    </mat-select>
                    <mat-error>{{ errorOf(editing.form, field) }}</mat-error>
                  </mat-form-field>
                }
                @case ('multi') {
                  <ui-chip-group
                    [formControlName]="field.name"
                    [attr.data-testid]="id"
                    [legend]="field.labelKey | t"
                    [options]="optionsOf(field)"
                    [error]="errorOf(editing.form, field) || null"
                  />
                }
                @case ('textarea') {
                  <mat-form-field appearance="outline">
                    <mat-label>{{ field.labelKey | t }}</mat-label>
                    <textarea
                      matInput
                      rows="2"
                      [formControlName]="field.name"
                      [attr.data-testid]="id"
                    ></textarea>
                    <mat-error>{{ errorOf(editing.form, field) }}</mat-error>
                  </mat-form-field>
                }
                @case ('int') {
                  <mat-form-field appearance="outline">
                    <mat-label>{{ field.labelKey | t }}</mat-label>
                    <input
                      matInput
                      type="number"
                      inputmode="numeric"
                      [min]="field.min ?? null"
                      [max]="field.max ?? null"
                      [formControlName]="field.name"
                      [attr.data-testid]="id"
                    />
                    <mat-error>{{ errorOf(editing.form, field) }}</mat-error>
                  </mat-form-field>
                }
                @case ('date') {
                  <mat-form-field appearance="outline">
                    <mat-label>{{ field.labelKey | t }}</mat-label>
                    <input matInput type="date" [formControlName]="field.name" [attr.data-testid]="id" />
                    <mat-error>{{ errorOf(editing.form, field) }}</mat-error>
                  </mat-form-field>
                }
                @case ('yesNo') {
                  <fieldset class="group">
                    <legend [id]="id + '-legend-' + uid">{{ field.labelKey | t }}</legend>
                    <mat-radio-group
                      class="radios"
                      [formControlName]="field.name"
                      [attr.data-testid]="id"
                      [attr.aria-labelledby]="id + '-legend-' + uid"
                    >
                      <mat-radio-button value="yes">{{ 'common.yes' | t }}</mat-radio-button>
                      <mat-radio-button value="no">{{ 'common.no' | t }}</mat-radio-button>
                      <mat-radio-button value="">{{ 'workforce.notRecorded' | t }}</mat-radio-button>
                    </mat-radio-group>
                    @if (errorOf(editing.form, field); as error) {
                      <p class="field-error" role="alert">{{ error }}</p>
                    }
                  </fieldset>
                }
                @case ('check') {
                  <div class="check">
                    <mat-checkbox [formControlName]="field.name" [attr.data-testid]="id">
                      {{ field.labelKey | t }}
                    </mat-checkbox>
                    @if (errorOf(editing.form, field); as error) {
                      <p class="field-error" role="alert">{{ error }}</p>
                    }
                  </div>
                }
                @default {
                  <mat-form-field appearance="outline">
                    <mat-label>{{ field.labelKey | t }}</mat-label>
                    <input
                      matInput
                      [formControlName]="field.name"
                      autocomplete="off"
                      [attr.data-testid]="id"
                    />
                    <mat-error>{{ errorOf(editing.form, field) }}</mat-error>
                  </mat-form-field>
                }
              }
            }
            <div class="buttons">
              <button mat-flat-button type="submit" [attr.data-testid]="key + '-save'" [disabled]="busy()">
                {{ (busy() ? 'common.saving' : 'workforce.records.save') | t }}
              </button>
              <button mat-button type="button" [attr.data-testid]="key + '-cancel'" (click)="cancel()">
                {{ 'common.cancel' | t }}
              </button>
            </div>
          </form>
        } @else {
          <button mat-stroked-button type="button" [attr.data-testid]="key + '-add'" (click)="edit(null)">
            {{ 'workforce.records.' + key + '.add' | t }}
          </button>
        }
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
    .form-title {
      margin: 16px 0 8px;
      font: var(--mat-sys-title-medium);
    }
    .scroll {
      overflow-x: auto;
      margin-bottom: 12px;
    }
    .data-table th {
      font: var(--mat-sys-title-small);
    }
    .actions {
      white-space: nowrap;
    }
    .form {
      display: flex;
      flex-direction: column;
      gap: 4px;
      max-width: 560px;
    }
    .group {
      margin: 0 0 12px;
      padding: 0;
      border: 0;
    }
    .group legend {
      margin-bottom: 4px;
      font: var(--mat-sys-title-small);
    }
    .radios {
      display: flex;
      flex-wrap: wrap;
      gap: 0 16px;
    }
    .check {
      margin-bottom: 12px;
    }
    .field-error {
      margin: 4px 0 0;
      color: var(--mat-sys-error);
      font: var(--mat-sys-body-small);
    }
    .buttons {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
    .message {
      display: block;
      margin-bottom: 12px;
    }
    .info {
      padding: 12px 16px;
      border-radius: 8px;
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class RecordsSection {
  private readonly api = inject(WorkforceApiService);
  private readonly i18n = inject(I18nService);
  private readonly announcer = inject(LiveAnnouncer);
  private readonly destroyRef = inject(DestroyRef);
  private readonly fb = inject(FormBuilder).nonNullable;

  readonly kind = input.required<RecordKind>();
  readonly records = input.required<readonly AnyRecord[]>();
  readonly mentorId = input.required<string>();
  /** The team leader keeps the records; the administrator only reads them. */
  readonly canEdit = input(false);
  /** A record was added, changed or deleted (or found changed by someone else). */
  readonly changed = output<void>();

  protected readonly uid = nextId++;
  protected readonly headingId = `records-heading-${this.uid}`;
  protected readonly editing = signal<Editing | null>(null);
  protected readonly busy = signal(false);
  protected readonly message = signal<{ kind: 'info' | 'error'; text: string } | null>(null);

  protected readonly rows = computed(() => {
    const kind = this.kind();
    const t = (key: string, params?: Record<string, string | number>) => this.i18n.t(key, params);
    const date = (iso: string) => formatLocalDate(iso, this.i18n.locale());
    return sortedRecords(kind, this.records()).map((record) => {
      const cells = kind.columns.map((column) => column.text(record, t, date));
      // The first two columns (what and when) name the record for the buttons' labels.
      return { record, cells, label: cells.slice(0, 2).join(', ') };
    });
  });

  protected optionsOf(field: RecordField): ChipOption[] {
    return (field.options ?? []).map((option) => ({
      value: option,
      label: this.i18n.t(`${field.optionPrefix}.${option}`),
    }));
  }

  protected edit(record: AnyRecord | null): void {
    const kind = this.kind();
    const value = recordFormValue(kind, record, localToday());
    const controls = Object.fromEntries(
      kind.fields.map((field) => [field.name, this.fb.control(value[field.name], validatorsOf(field))]),
    );
    this.message.set(null);
    this.editing.set({ record, form: this.fb.group(controls) });
  }

  protected cancel(): void {
    this.editing.set(null);
  }

  protected save(): void {
    const editing = this.editing();
    if (!editing || this.busy()) return;
    const kind = this.kind();
    const { form, record } = editing;
    form.markAllAsTouched();
    const body = recordBody(kind, form.getRawValue() as RecordFormValue);
    const violations = kind.validate(body, localToday());
    if (violations.length) applyServerErrors(form, translateFieldErrors(toFieldErrors(violations), this.t));
    if (form.invalid || violations.length) return;

    const path = kind.path;
    type Body = RecordTypes[RecordPath]['body'];
    const call: Observable<unknown> = record
      ? this.api.updateRecord(path, record.id, { ...(body as Body), version: record.version })
      : this.api.createRecord(path, this.mentorId(), body as Body);
    this.busy.set(true);
    this.message.set(null);
    call.pipe(takeUntilDestroyed(this.destroyRef)).subscribe({
      next: () => {
        this.busy.set(false);
        this.editing.set(null);
        this.say('info', record ? 'workforce.records.updated' : 'workforce.records.added');
        this.changed.emit();
      },
      error: (error: unknown) => {
        this.busy.set(false);
        const fields = fieldErrors(error, this.t);
        if (Object.keys(fields).length) {
          const unplaced = applyServerErrors(form, fields);
          if (unplaced.length) this.message.set({ kind: 'error', text: unplaced.join(' ') });
          return;
        }
        this.failed(error);
      },
    });
  }

  protected remove(record: AnyRecord): void {
    if (this.busy() || !window.confirm(this.i18n.t('workforce.records.confirmDelete'))) return;
    this.busy.set(true);
    this.message.set(null);
    this.api
      .deleteRecord(this.kind().path, record.id, record.version)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: () => {
          this.busy.set(false);
          if (this.editing()?.record?.id === record.id) this.editing.set(null);
          this.say('info', 'workforce.records.deleted');
          this.changed.emit();
        },
        error: (error: unknown) => {
          this.busy.set(false);
          this.failed(error);
        },
      });
  }

  /** The first error of a field in words: the server's or the rules', else the client check's. */
  protected errorOf(form: FormGroup, field: RecordField): string {
    const control = form.get(field.name);
    const error = control && control.touched ? controlErrorKey(control) : null;
    if (!error) return '';
    if (error.text) return error.text;
    if (
      field.rangeKey &&
      (error.key === 'forms.errors.min' ||
        error.key === 'forms.errors.max' ||
        error.key === 'forms.errors.pattern')
    )
      return this.i18n.t(field.rangeKey);
    return this.i18n.t(error.key ?? 'forms.errors.invalid');
  }

  private readonly t = (key: string) => this.i18n.t(key);

  /** Someone else changed or deleted it (409/404): reload; anything else: say it failed. */
  private failed(error: unknown): void {
    const status = problemOf(error)?.status;
    if (problemCode(error)?.endsWith('stale_version') || status === 409 || status === 404) {
      this.editing.set(null);
      this.say('error', 'workforce.records.stale');
      this.changed.emit();
      return;
    }
    this.message.set({ kind: 'error', text: this.i18n.t('forms.saveFailed') });
  }

  private say(kind: 'info' | 'error', key: string): void {
    const text = this.i18n.t(key);
    this.message.set({ kind, text });
    void this.announcer.announce(text);
  }
}

function validatorsOf(field: RecordField): ValidatorFn[] {
  const validators: ValidatorFn[] = [];
  // A list left empty is caught by the domain's rule (`arrayNotEmpty`), with its own message.
  if (field.required && field.type !== 'multi') validators.push(Validators.required);
  if (field.maxLength !== undefined) validators.push(Validators.maxLength(field.maxLength));
  if (field.type === 'int') validators.push(Validators.pattern(/^\d+$/));
  if (field.min !== undefined) validators.push(Validators.min(field.min));
  if (field.max !== undefined) validators.push(Validators.max(field.max));
  return validators;
}
