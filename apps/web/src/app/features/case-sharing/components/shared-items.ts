import { LiveAnnouncer } from '@angular/cdk/a11y';
import { HttpErrorResponse } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { CaseItemKind, SharedItem } from '@mentor/domain';
import { ErrorMessage, Loading } from '@mentor/shared-ui';
import { pageLoad } from '../../../core/http/page-load';
import { I18nService } from '../../../core/i18n/i18n.service';
import { LocalDatePipe } from '../../../core/i18n/local-date.pipe';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import { CaseSharingApiService } from '../case-sharing-api.service';
import { CaseItemFile } from './case-item-file';

/** An opened note: its text, or that it is no longer shared. */
type OpenNote = { shareId: string; body: string | null; loading: boolean };

/**
 * The mentor's side of a course's shares: exactly the items shared now, nothing else of the case.
 * A note opens in place (read on demand, so the read is logged when it happens); a document
 * downloads. A share ended meanwhile answers 404 and leaves the list.
 */
@Component({
  selector: 'app-shared-items',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatButtonModule,
    MatIconModule,
    ErrorMessage,
    Loading,
    CaseItemFile,
    TranslatePipe,
    LocalDatePipe,
  ],
  template: `
    <p class="notice" data-testid="shared-items-notice">
      <mat-icon aria-hidden="true" fontIcon="visibility" />
      <span>{{ 'caseSharing.sharedItems.notice' | t }}</span>
    </p>
    @if (loading()) {
      <ui-loading [label]="'common.loading' | t" />
    }
    @if (loadFailed()) {
      <ui-error-message
        class="box"
        [message]="'common.loadFailed' | t"
        [retryLabel]="'common.retry' | t"
        (retry)="load()"
      />
    }
    @if (gone(); as gone) {
      <ui-error-message class="box" data-testid="shared-item-gone" [message]="gone" />
    }

    <ul class="items" [attr.aria-label]="'caseSharing.sharedItems.listLabel' | t">
      @for (item of items(); track item.shareId) {
        <li class="item" data-testid="shared-item" [attr.data-kind]="item.kind">
          <h3 class="title" data-testid="shared-item-title">{{ item.title }}</h3>
          <p class="meta">
            {{ 'caseSharing.kinds.' + item.kind | t }} ·
            {{ 'caseSharing.sharedItems.sharedOn' | t: { date: (item.sharedOn | localDate) } }} ·
            {{ 'caseSharing.sharedItems.expiresOn' | t: { date: (item.expiresOn | localDate) } }}
          </p>
          @if (item.kind === kinds.Document && item.file) {
            <app-case-item-file [file]="item.file" [href]="fileUrl(item)" testId="shared-item-download" />
          } @else {
            <button
              mat-stroked-button
              type="button"
              data-testid="shared-item-open"
              [attr.aria-expanded]="open()?.shareId === item.shareId"
              [attr.aria-controls]="'shared-note-' + item.shareId"
              (click)="toggle(item)"
            >
              {{ (open()?.shareId === item.shareId ? 'caseSharing.hideNote' : 'caseSharing.showNote') | t }}
            </button>
            @if (open(); as open) {
              @if (open.shareId === item.shareId) {
                <div class="note" [id]="'shared-note-' + item.shareId">
                  @if (open.loading) {
                    <ui-loading [label]="'common.loading' | t" />
                  } @else {
                    <p class="note-body" data-testid="shared-item-note-body">{{ open.body }}</p>
                  }
                </div>
              }
            }
          }
        </li>
      } @empty {
        @if (!loading() && !loadFailed()) {
          <li class="empty" data-testid="shared-items-empty">{{ 'caseSharing.sharedItems.empty' | t }}</li>
        }
      }
    </ul>
  `,
  styles: `
    .notice {
      display: flex;
      gap: 8px;
      align-items: flex-start;
      max-width: 760px;
      margin: 0 0 16px;
      padding: 12px 16px;
      border-radius: 8px;
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    /* A flex item: without this a long text squeezes the icon. */
    .notice mat-icon {
      flex: none;
    }
    .box {
      display: block;
      margin: 8px 0;
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
    .title {
      margin: 0;
      font: var(--mat-sys-title-medium);
      overflow-wrap: anywhere;
    }
    .meta {
      margin: 0;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .note {
      max-width: 760px;
      padding: 8px 12px;
      border-left: 4px solid var(--mat-sys-primary);
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
export class SharedItems {
  private readonly api = inject(CaseSharingApiService);
  private readonly i18n = inject(I18nService);
  private readonly announcer = inject(LiveAnnouncer);
  private readonly destroyRef = inject(DestroyRef);

  readonly courseId = input.required<string>();

  protected readonly kinds = CaseItemKind;
  private readonly resource = pageLoad();
  protected readonly loading = this.resource.loading;
  protected readonly loadFailed = this.resource.failed;
  protected readonly items = signal<SharedItem[]>([]);
  protected readonly open = signal<OpenNote | null>(null);
  protected readonly gone = signal<string | null>(null);

  constructor() {
    effect(() => {
      this.courseId();
      untracked(() => this.load());
    });
  }

  load(): void {
    this.resource.run(this.api.sharedItems(this.courseId()), (items) => this.items.set(items));
  }

  protected fileUrl(item: SharedItem): string {
    return this.api.sharedFileUrl(item.shareId);
  }

  protected toggle(item: SharedItem): void {
    if (this.open()?.shareId === item.shareId) {
      this.open.set(null);
      return;
    }
    this.gone.set(null);
    this.open.set({ shareId: item.shareId, body: null, loading: true });
    this.api
      .sharedItem(item.shareId)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (read) => this.open.set({ shareId: item.shareId, body: read.body, loading: false }),
        error: (error: unknown) => {
          this.open.set(null);
          const notShared = error instanceof HttpErrorResponse && error.status === 404;
          if (notShared) this.items.update((items) => items.filter((i) => i.shareId !== item.shareId));
          const text = notShared
            ? this.i18n.t('caseSharing.sharedItems.gone', { title: item.title })
            : this.i18n.t('common.loadFailed');
          this.gone.set(text);
          void this.announcer.announce(text);
        },
      });
  }
}
