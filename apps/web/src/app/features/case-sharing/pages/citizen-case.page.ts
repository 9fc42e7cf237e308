import { LiveAnnouncer } from '@angular/cdk/a11y';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  effect,
  ElementRef,
  inject,
  input,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormBuilder, FormGroupDirective, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import {
  CASE_FILE_ACCEPT,
  CASE_NOTE_MAX_LENGTH,
  CASE_TITLE_MAX_LENGTH,
  CaseItem,
  CaseItemKind,
  CitizenDetail,
} from '@mentor/domain';
import { ErrorMessage, Loading, PageHeader } from '@mentor/shared-ui';
import { forkJoin } from 'rxjs';
import { applyServerErrors, controlErrorKey } from '../../../core/http/form-errors';
import { pageLoad } from '../../../core/http/page-load';
import { fieldErrors } from '../../../core/http/problem';
import { I18nService } from '../../../core/i18n/i18n.service';
import { LocalDatePipe } from '../../../core/i18n/local-date.pipe';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import { CitizensApiService } from '../../citizens/citizens-api.service';
import { CaseSharingApiService } from '../case-sharing-api.service';
import { fileProblemKey, uploadErrorText } from '../case-files';
import { CaseItemFile } from '../components/case-item-file';

/**
 * "Sagsdokumenter og notater" (caseworker): the documents and notes kept on a citizen's case, to
 * be shared item by item with a course's mentor. Upload a document, write a note, download.
 */
@Component({
  selector: 'app-citizen-case-page',
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
    PageHeader,
    CaseItemFile,
    TranslatePipe,
    LocalDatePipe,
  ],
  template: `
    <ui-page-header [title]="'caseSharing.citizenCase.title' | t" [subtitle]="citizen()?.name ?? null">
      @if (loading()) {
        <ui-loading [label]="'common.loading' | t" />
      }
      <a mat-button data-testid="citizen-case-back" [routerLink]="['/citizens', id(), 'edit']">
        {{ 'caseSharing.citizenCase.backToCitizen' | t }}
      </a>
    </ui-page-header>

    <p class="intro">{{ 'caseSharing.citizenCase.intro' | t }}</p>

    @if (loadFailed()) {
      <ui-error-message
        class="box"
        data-testid="citizen-case-load-error"
        [message]="'common.loadFailed' | t"
        [retryLabel]="'common.retry' | t"
        (retry)="load()"
      />
    }

    @if (citizen()) {
      <div class="forms">
        <section class="panel" aria-labelledby="case-upload-heading">
          <h2 id="case-upload-heading">{{ 'caseSharing.citizenCase.uploadTitle' | t }}</h2>
          <form class="form" novalidate [formGroup]="uploadForm" (ngSubmit)="upload()">
            <div class="file">
              <label for="case-upload-file" class="file-label">{{ 'caseSharing.files.choose' | t }}</label>
              <input
                #fileInput
                id="case-upload-file"
                type="file"
                data-testid="case-upload-file"
                [accept]="accept"
                aria-describedby="case-upload-file-hint"
                [attr.aria-invalid]="fileProblem() ? true : null"
                (change)="chooseFile($any($event.target).files)"
              />
              <span id="case-upload-file-hint" class="hint">{{ 'caseSharing.files.hint' | t }}</span>
            </div>
            <mat-form-field appearance="outline">
              <mat-label>{{ 'caseSharing.citizenCase.documentTitle' | t }}</mat-label>
              <input
                matInput
                formControlName="title"
                data-testid="case-upload-title"
                [maxlength]="titleMax"
              />
              <mat-hint>{{ 'caseSharing.citizenCase.documentTitleHint' | t }}</mat-hint>
              <mat-error>{{ errorOf('upload', 'title') }}</mat-error>
            </mat-form-field>
            @if (fileProblem(); as problem) {
              <ui-error-message data-testid="case-upload-error" [message]="problem" />
            }
            <div class="actions">
              <button
                mat-flat-button
                type="submit"
                data-testid="case-upload-submit"
                [disabled]="!file() || uploading()"
              >
                <mat-icon aria-hidden="true" fontIcon="upload_file" />
                {{ (uploading() ? 'caseSharing.files.uploading' : 'caseSharing.citizenCase.upload') | t }}
              </button>
            </div>
          </form>
        </section>

        <section class="panel" aria-labelledby="case-note-heading">
          <h2 id="case-note-heading">{{ 'caseSharing.citizenCase.noteTitle' | t }}</h2>
          <form
            class="form"
            novalidate
            [formGroup]="noteForm"
            #noteFormDirective="ngForm"
            (ngSubmit)="saveNote()"
          >
            <mat-form-field appearance="outline">
              <mat-label>{{ 'caseSharing.citizenCase.noteHeading' | t }}</mat-label>
              <input matInput formControlName="title" data-testid="case-note-title" [maxlength]="titleMax" />
              <mat-error>{{ errorOf('note', 'title') }}</mat-error>
            </mat-form-field>
            <mat-form-field appearance="outline">
              <mat-label>{{ 'caseSharing.citizenCase.noteBody' | t }}</mat-label>
              <textarea
                matInput
                rows="5"
                formControlName="body"
                data-testid="case-note-body"
                [maxlength]="noteMax"
              ></textarea>
              <mat-hint align="end">{{ noteForm.controls.body.value.length }} / {{ noteMax }}</mat-hint>
              <mat-error>{{ errorOf('note', 'body') }}</mat-error>
            </mat-form-field>
            @if (noteProblem(); as problem) {
              <ui-error-message data-testid="case-note-error" [message]="problem" />
            }
            <div class="actions">
              <button mat-flat-button type="submit" data-testid="case-note-submit" [disabled]="savingNote()">
                {{ (savingNote() ? 'common.saving' : 'caseSharing.citizenCase.saveNote') | t }}
              </button>
            </div>
          </form>
        </section>
      </div>

      <section class="panel" aria-labelledby="case-items-heading" data-testid="case-items">
        <h2 id="case-items-heading">{{ 'caseSharing.citizenCase.itemsTitle' | t }}</h2>
        <ul class="items">
          @for (item of items(); track item.id) {
            <li class="item" data-testid="case-item" [attr.data-kind]="item.kind">
              <div class="item-head">
                <mat-icon
                  aria-hidden="true"
                  [fontIcon]="item.kind === kinds.Document ? 'description' : 'notes'"
                />
                <div class="item-text">
                  <h3 class="item-title" data-testid="case-item-title">{{ item.title }}</h3>
                  <p class="meta">
                    {{ 'caseSharing.kinds.' + item.kind | t }} ·
                    {{ 'caseSharing.createdBy' | t: { name: item.createdByName } }},
                    {{ item.createdAt | localDate: 'datetime' }} ·
                    <span data-testid="case-item-shares">{{
                      sharedText(item.activeShareCount) | t: { count: item.activeShareCount }
                    }}</span>
                  </p>
                </div>
              </div>
              @if (item.file; as file) {
                <app-case-item-file [file]="file" [href]="fileUrl(item)" testId="case-item-download" />
              } @else {
                <button
                  mat-button
                  type="button"
                  data-testid="case-item-toggle-note"
                  [attr.aria-expanded]="openNoteId() === item.id"
                  [attr.aria-controls]="'case-note-' + item.id"
                  (click)="toggleNote(item.id)"
                >
                  {{ (openNoteId() === item.id ? 'caseSharing.hideNote' : 'caseSharing.showNote') | t }}
                </button>
                @if (openNoteId() === item.id) {
                  <p class="note-body" [id]="'case-note-' + item.id" data-testid="case-item-note-body">
                    {{ item.body }}
                  </p>
                }
              }
            </li>
          } @empty {
            <li class="empty" data-testid="case-items-empty">{{ 'caseSharing.citizenCase.empty' | t }}</li>
          }
        </ul>
      </section>
    }
  `,
  styles: `
    .intro {
      max-width: 720px;
    }
    .box {
      display: block;
      margin-bottom: 16px;
    }
    .forms {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(min(100%, 360px), 1fr));
      gap: 16px;
    }
    h2 {
      margin: 0 0 12px;
      font: var(--mat-sys-title-large);
    }
    .form {
      display: flex;
      flex-direction: column;
      gap: 8px;
    }
    .file {
      display: flex;
      flex-direction: column;
      gap: 4px;
      margin-bottom: 8px;
    }
    .file-label {
      font: var(--mat-sys-title-small);
    }
    .hint,
    .meta {
      margin: 0;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
    .items {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .item {
      display: flex;
      flex-direction: column;
      align-items: flex-start;
      gap: 4px;
      padding: 12px 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .item-head {
      display: flex;
      gap: 12px;
    }
    /* A flex item: without this a long text squeezes the icon. */
    .item-head mat-icon {
      flex: none;
    }
    .item-text {
      min-width: 0;
    }
    .item-title {
      margin: 0;
      font: var(--mat-sys-title-small);
      overflow-wrap: anywhere;
    }
    .note-body {
      margin: 0;
      white-space: pre-line;
      overflow-wrap: anywhere;
    }
    .empty {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class CitizenCasePage {
  private readonly api = inject(CaseSharingApiService);
  private readonly citizens = inject(CitizensApiService);
  private readonly i18n = inject(I18nService);
  private readonly announcer = inject(LiveAnnouncer);
  private readonly destroyRef = inject(DestroyRef);
  private readonly fileInput = viewChild<ElementRef<HTMLInputElement>>('fileInput');
  private readonly noteFormDirective = viewChild('noteFormDirective', { read: FormGroupDirective });

  /** Route parameter: the citizen. */
  readonly id = input.required<string>();

  protected readonly kinds = CaseItemKind;
  protected readonly accept = CASE_FILE_ACCEPT;
  protected readonly titleMax = CASE_TITLE_MAX_LENGTH;
  protected readonly noteMax = CASE_NOTE_MAX_LENGTH;

  private readonly resource = pageLoad();
  protected readonly loading = this.resource.loading;
  protected readonly loadFailed = this.resource.failed;
  protected readonly citizen = signal<CitizenDetail | null>(null);
  protected readonly items = signal<CaseItem[]>([]);
  protected readonly openNoteId = signal<string | null>(null);

  protected readonly file = signal<File | null>(null);
  protected readonly fileProblem = signal<string | null>(null);
  protected readonly uploading = signal(false);
  protected readonly noteProblem = signal<string | null>(null);
  protected readonly savingNote = signal(false);

  private readonly fb = inject(FormBuilder).nonNullable;
  readonly uploadForm = this.fb.group({ title: ['', Validators.maxLength(CASE_TITLE_MAX_LENGTH)] });
  readonly noteForm = this.fb.group({
    title: ['', [Validators.required, Validators.maxLength(CASE_TITLE_MAX_LENGTH)]],
    body: ['', [Validators.required, Validators.maxLength(CASE_NOTE_MAX_LENGTH)]],
  });

  constructor() {
    effect(() => {
      this.id();
      untracked(() => this.load());
    });
  }

  load(): void {
    const id = this.id();
    this.resource.run(forkJoin([this.citizens.get(id), this.api.items(id)]), ([citizen, items]) => {
      this.citizen.set(citizen);
      this.items.set(items);
    });
  }

  protected sharedText(count: number): string {
    if (count === 0) return 'caseSharing.citizenCase.notShared';
    return count === 1 ? 'caseSharing.citizenCase.sharedOnce' : 'caseSharing.citizenCase.sharedCount';
  }

  protected fileUrl(item: CaseItem): string {
    return this.api.itemFileUrl(item.id);
  }

  protected toggleNote(id: string): void {
    this.openNoteId.update((open) => (open === id ? null : id));
  }

  protected chooseFile(files: FileList | null): void {
    const file = files?.item(0) ?? null;
    const problem = file ? fileProblemKey(file) : null;
    this.file.set(problem ? null : file);
    this.fileProblem.set(problem ? this.i18n.t(problem) : null);
    if (problem) void this.announcer.announce(this.i18n.t(problem));
  }

  protected upload(): void {
    const file = this.file();
    if (!file || this.uploading() || this.uploadForm.invalid) return;
    this.uploading.set(true);
    this.fileProblem.set(null);
    const title = this.uploadForm.controls.title.value.trim();
    this.api
      .uploadDocument(this.id(), file, title)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (item) => {
          this.uploading.set(false);
          this.items.update((items) => [item, ...items]);
          this.file.set(null);
          this.uploadForm.reset();
          const input = this.fileInput()?.nativeElement;
          if (input) input.value = '';
          void this.announcer.announce(
            this.i18n.t('caseSharing.citizenCase.uploaded', { title: item.title }),
          );
        },
        error: (error: unknown) => {
          this.uploading.set(false);
          const titleErrors = fieldErrors(error, (key) => this.i18n.t(key))['title'];
          if (titleErrors) {
            applyServerErrors(this.uploadForm, { title: titleErrors });
            return;
          }
          const text = uploadErrorText(error, (key) => this.i18n.t(key));
          this.fileProblem.set(text);
          void this.announcer.announce(text);
        },
      });
  }

  protected saveNote(): void {
    this.noteForm.markAllAsTouched();
    if (this.noteForm.invalid || this.savingNote()) return;
    this.savingNote.set(true);
    this.noteProblem.set(null);
    const { title, body } = this.noteForm.getRawValue();
    this.api
      .createNote(this.id(), { title: title.trim(), body: body.trim() })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (item) => {
          this.savingNote.set(false);
          this.items.update((items) => [item, ...items]);
          // Through the directive, so the emptied form does not show "required" as if just submitted.
          this.noteFormDirective()?.resetForm();
          void this.announcer.announce(
            this.i18n.t('caseSharing.citizenCase.noteSaved', { title: item.title }),
          );
        },
        error: (error: unknown) => {
          this.savingNote.set(false);
          const unplaced = applyServerErrors(
            this.noteForm,
            fieldErrors(error, (key) => this.i18n.t(key)),
          );
          if (unplaced.length || this.noteForm.valid) {
            this.noteProblem.set(unplaced.join(' ') || this.i18n.t('forms.saveFailed'));
          }
        },
      });
  }

  protected errorOf(form: 'upload' | 'note', field: 'title' | 'body'): string {
    const control = form === 'upload' ? this.uploadForm.controls.title : this.noteForm.controls[field];
    const error = controlErrorKey(control);
    return error?.text ?? (error?.key ? this.i18n.t(error.key) : '');
  }
}
