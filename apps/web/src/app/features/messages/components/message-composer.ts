import { LiveAnnouncer } from '@angular/cdk/a11y';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  ElementRef,
  inject,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, FormGroupDirective, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import {
  CASE_FILE_ACCEPT,
  MESSAGE_ATTACHMENTS_MAX,
  MESSAGE_MAX_LENGTH,
  MessageAttachment,
  MessageView,
} from '@mentor/domain';
import { ErrorMessage, Loading } from '@mentor/shared-ui';
import { fieldErrors, problemCode } from '../../../core/http/problem';
import { I18nService } from '../../../core/i18n/i18n.service';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import { fileProblemKey, fileTypeKey, formatFileSize, uploadErrorText } from '../../case-sharing/case-files';
import { MessagesApiService } from '../messages-api.service';

/**
 * Writes a message: text with a counter, attachments uploaded as they are chosen (and removable
 * until sent), then sent with their ids. Emits the sent message.
 */
@Component({
  selector: 'app-message-composer',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    ErrorMessage,
    Loading,
    TranslatePipe,
  ],
  template: `
    <form
      class="composer"
      novalidate
      [formGroup]="form"
      #formDirective="ngForm"
      [attr.aria-label]="'messages.composer.label' | t"
      (ngSubmit)="send()"
    >
      <mat-form-field appearance="outline" class="body">
        <mat-label>{{ 'messages.composer.body' | t }}</mat-label>
        <textarea
          matInput
          rows="4"
          data-testid="message-body"
          formControlName="body"
          [maxlength]="max"
          aria-describedby="message-counter"
        ></textarea>
        <mat-hint align="end" id="message-counter" data-testid="message-counter">{{
          'messages.composer.counter' | t: { count: length(), max: max }
        }}</mat-hint>
        <mat-error>{{ bodyError() }}</mat-error>
      </mat-form-field>

      <div class="attach">
        <label for="message-attachment" class="attach-label">{{ 'messages.composer.attach' | t }}</label>
        <input
          #fileInput
          id="message-attachment"
          type="file"
          data-testid="message-attachment-input"
          [accept]="accept"
          [disabled]="attachments().length >= maxAttachments || uploading()"
          aria-describedby="message-attachment-hint"
          (change)="attach($any($event.target).files)"
        />
        <span id="message-attachment-hint" class="hint">{{
          'messages.composer.attachHint' | t: { max: maxAttachments }
        }}</span>
        @if (uploading()) {
          <ui-loading [label]="'caseSharing.files.uploading' | t" />
        }
      </div>
      @if (attachments().length) {
        <ul class="pending" [attr.aria-label]="'messages.composer.attachments' | t">
          @for (attachment of attachments(); track attachment.id) {
            <li data-testid="message-pending-attachment">
              <mat-icon aria-hidden="true" fontIcon="attach_file" />
              <span class="name">{{ attachment.fileName }}</span>
              <span class="details">({{ details(attachment) }})</span>
              <button
                mat-icon-button
                type="button"
                data-testid="message-remove-attachment"
                [attr.aria-label]="'messages.composer.remove' | t: { name: attachment.fileName }"
                (click)="remove(attachment)"
              >
                <mat-icon aria-hidden="true" fontIcon="close" />
              </button>
            </li>
          }
        </ul>
      }
      @if (problem(); as problem) {
        <ui-error-message data-testid="message-error" [message]="problem" />
      }
      <div class="actions">
        <button
          mat-flat-button
          type="submit"
          data-testid="message-send"
          [disabled]="sending() || uploading()"
        >
          <mat-icon aria-hidden="true" fontIcon="send" />
          {{ (sending() ? 'messages.composer.sending' : 'messages.composer.send') | t }}
        </button>
      </div>
    </form>
  `,
  styles: `
    .composer {
      display: flex;
      flex-direction: column;
      gap: 8px;
    }
    .body {
      width: 100%;
    }
    .attach {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 4px 12px;
    }
    .attach-label {
      font: var(--mat-sys-title-small);
    }
    .hint,
    .details {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .pending {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .pending li {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 4px 8px;
    }
    .name {
      overflow-wrap: anywhere;
    }
    .actions {
      display: flex;
      justify-content: flex-end;
    }
  `,
})
export class MessageComposer {
  private readonly api = inject(MessagesApiService);
  private readonly i18n = inject(I18nService);
  private readonly announcer = inject(LiveAnnouncer);
  private readonly destroyRef = inject(DestroyRef);
  private readonly fileInput = viewChild<ElementRef<HTMLInputElement>>('fileInput');
  private readonly formDirective = viewChild('formDirective', { read: FormGroupDirective });

  readonly courseId = input.required<string>();
  readonly sent = output<MessageView>();

  protected readonly max = MESSAGE_MAX_LENGTH;
  protected readonly maxAttachments = MESSAGE_ATTACHMENTS_MAX;
  protected readonly accept = CASE_FILE_ACCEPT;
  readonly form = new FormGroup({
    body: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(MESSAGE_MAX_LENGTH)],
    }),
  });
  private readonly body = this.form.controls.body;
  private readonly value = toSignal(this.body.valueChanges, { initialValue: '' });
  protected readonly length = computed(() => this.value().length);
  protected readonly attachments = signal<MessageAttachment[]>([]);
  protected readonly uploading = signal(false);
  protected readonly sending = signal(false);
  protected readonly problem = signal<string | null>(null);

  protected details(attachment: MessageAttachment): string {
    return `${this.i18n.t(fileTypeKey(attachment.contentType))}, ${formatFileSize(attachment.sizeBytes, this.i18n.locale())}`;
  }

  protected attach(files: FileList | null): void {
    const file = files?.item(0);
    this.clearFileInput();
    if (!file) return;
    const problemKey =
      this.attachments().length >= MESSAGE_ATTACHMENTS_MAX
        ? 'messages.composer.tooMany'
        : fileProblemKey(file);
    if (problemKey) {
      this.fail(this.i18n.t(problemKey, { max: MESSAGE_ATTACHMENTS_MAX }));
      return;
    }
    this.problem.set(null);
    this.uploading.set(true);
    this.api
      .uploadAttachment(this.courseId(), file)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (attachment) => {
          this.uploading.set(false);
          this.attachments.update((list) => [...list, attachment]);
          void this.announcer.announce(
            this.i18n.t('messages.composer.attached', { name: attachment.fileName }),
          );
        },
        error: (error: unknown) => {
          this.uploading.set(false);
          this.fail(
            problemCode(error) === 'message.too_many_pending_attachments'
              ? this.i18n.t('messages.composer.tooManyPending')
              : uploadErrorText(error, (key) => this.i18n.t(key)),
          );
        },
      });
  }

  protected remove(attachment: MessageAttachment): void {
    this.attachments.update((list) => list.filter((a) => a.id !== attachment.id));
    void this.announcer.announce(this.i18n.t('messages.composer.removed', { name: attachment.fileName }));
  }

  protected send(): void {
    if (!this.body.value.trim()) this.body.setValue('');
    this.body.markAsTouched();
    if (this.body.invalid || this.sending() || this.uploading()) return;
    this.sending.set(true);
    this.problem.set(null);
    const attachmentIds = this.attachments().map((a) => a.id);
    this.api
      .send(this.courseId(), {
        body: this.body.value.trim(),
        ...(attachmentIds.length ? { attachmentIds } : {}),
      })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (message) => {
          this.sending.set(false);
          // Through the directive, so the emptied text does not show "required" as if just submitted.
          this.formDirective()?.resetForm();
          this.attachments.set([]);
          this.sent.emit(message);
        },
        error: (error: unknown) => {
          this.sending.set(false);
          const fields = Object.values(fieldErrors(error, (key) => this.i18n.t(key))).flat();
          this.fail(fields.length ? [...new Set(fields)].join(' ') : this.i18n.t('messages.composer.failed'));
        },
      });
  }

  protected bodyError(): string {
    const errors = this.body.errors;
    if (errors?.['required']) return this.i18n.t('messages.composer.empty');
    if (errors?.['maxlength']) return this.i18n.t('forms.errors.maxlength');
    return '';
  }

  private fail(text: string): void {
    this.problem.set(text);
    void this.announcer.announce(text);
  }

  private clearFileInput(): void {
    const element = this.fileInput()?.nativeElement;
    if (element) element.value = '';
  }
}
