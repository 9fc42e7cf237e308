import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MessageView } from '@mentor/domain';
import { I18nService } from '../../../core/i18n/i18n.service';
import { formatLocalDate, LocalDatePipe } from '../../../core/i18n/local-date.pipe';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import { CaseItemFile } from '../../case-sharing/components/case-item-file';
import { MessagesApiService } from '../messages-api.service';

/** "Læst af Anna Andersen 28.11.2025 kl. 14:03" per reader of an own message. */
export function receiptTexts(
  message: MessageView,
  t: (key: string, params?: Record<string, string | number>) => string,
  locale: string,
): string[] {
  return message.readBy.map((receipt) => {
    const [date, time] = formatLocalDate(receipt.readAt, locale, 'datetime').split(' ');
    return t('messages.thread.readBy', { name: receipt.name, date, time });
  });
}

/** One message of the thread: author and role, time, text, attachments and, on one's own, who has read it. */
@Component({
  selector: 'app-message-item',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [CaseItemFile, TranslatePipe, LocalDatePipe],
  template: `
    <article
      class="message"
      [class.own]="message().own"
      [attr.aria-labelledby]="'message-head-' + message().id"
    >
      <h3 class="head" [id]="'message-head-' + message().id">
        <span class="author" data-testid="message-author">{{
          message().own ? ('messages.thread.you' | t) : message().authorName
        }}</span>
        <span class="role">{{ 'roles.' + message().authorRole | t }}</span>
        <span class="when">{{ message().createdAt | localDate: 'datetime' }}</span>
      </h3>
      <p class="body" data-testid="message-text">{{ message().body }}</p>
      @if (message().attachments.length) {
        <ul class="attachments" [attr.aria-label]="'messages.thread.attachments' | t">
          @for (attachment of message().attachments; track attachment.id) {
            <li>
              <app-case-item-file
                [file]="attachment"
                [href]="attachmentUrl(attachment.id)"
                testId="message-attachment"
              />
            </li>
          }
        </ul>
      }
      @if (message().own) {
        <p class="receipts" data-testid="message-receipts">
          @for (text of receipts(); track $index) {
            <span class="receipt">{{ text }}</span>
          } @empty {
            {{ 'messages.thread.notRead' | t }}
          }
        </p>
      }
    </article>
  `,
  styles: `
    .message {
      max-width: 720px;
      padding: 12px 16px;
      border-radius: 12px;
      border: 1px solid var(--mat-sys-outline-variant);
      background: var(--mat-sys-surface);
    }
    .message.own {
      margin-left: auto;
      background: var(--mat-sys-surface-container);
    }
    .head {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 12px;
      margin: 0 0 4px;
      font: var(--mat-sys-title-small);
    }
    .role,
    .when,
    .receipts {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .body {
      margin: 0;
      white-space: pre-line;
      overflow-wrap: anywhere;
    }
    .attachments {
      margin: 8px 0 0;
      padding: 0;
      list-style: none;
    }
    .receipts {
      display: flex;
      flex-direction: column;
      margin: 8px 0 0;
    }
  `,
})
export class MessageItem {
  private readonly api = inject(MessagesApiService);
  private readonly i18n = inject(I18nService);

  readonly courseId = input.required<string>();
  readonly message = input.required<MessageView>();

  protected readonly receipts = computed(() =>
    receiptTexts(this.message(), (k, p) => this.i18n.t(k, p), this.i18n.locale()),
  );

  protected attachmentUrl(id: string): string {
    return this.api.attachmentUrl(this.courseId(), id);
  }
}
