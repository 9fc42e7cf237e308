import { LiveAnnouncer } from '@angular/cdk/a11y';
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
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { CaseItem, CaseShare, CourseDetail, ShareBasis, ShareState } from '@mentor/domain';
import { ErrorMessage, Loading } from '@mentor/shared-ui';
import { forkJoin } from 'rxjs';
import { pageLoad } from '../../../core/http/page-load';
import { problemCode } from '../../../core/http/problem';
import { I18nService } from '../../../core/i18n/i18n.service';
import { LocalDatePipe } from '../../../core/i18n/local-date.pipe';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import { CaseSharingApiService } from '../case-sharing-api.service';
import { ShareItemDialog, ShareItemDialogData } from '../dialogs/share-item.dialog';
import { ShareStateChip } from './share-state-chip';

/**
 * The caseworker's side of a course's shares: every share (newest first) with its state, ground
 * and expiry; share an item of the citizen's case with the mentor; end a share at once.
 */
@Component({
  selector: 'app-course-shares',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatButtonModule,
    MatIconModule,
    RouterLink,
    ErrorMessage,
    Loading,
    ShareStateChip,
    TranslatePipe,
    LocalDatePipe,
  ],
  template: `
    <p class="notice" data-testid="course-shares-notice">
      <mat-icon aria-hidden="true" fontIcon="visibility" />
      <span>{{
        'caseSharing.shares.notice'
          | t: { mentor: course().mentorName ?? ('caseSharing.shares.theMentor' | t) }
      }}</span>
    </p>

    <div class="toolbar">
      <button
        mat-flat-button
        type="button"
        data-testid="course-shares-add"
        [disabled]="!canShare()"
        (click)="openShare()"
      >
        <mat-icon aria-hidden="true" fontIcon="share" />
        {{ 'caseSharing.shares.add' | t }}
      </button>
      <a
        mat-stroked-button
        data-testid="course-shares-case-link"
        [routerLink]="['/citizens', course().citizenId, 'case']"
      >
        {{ 'caseSharing.shares.caseLink' | t }}
      </a>
      @if (loading()) {
        <ui-loading [label]="'common.loading' | t" />
      }
    </div>
    @if (!course().mentorId) {
      <p class="hint" data-testid="course-shares-no-mentor">{{ 'caseSharing.shares.noMentor' | t }}</p>
    } @else if (!loading() && !loadFailed() && !shareable().length) {
      <p class="hint" data-testid="course-shares-nothing">{{ 'caseSharing.shares.nothingToShare' | t }}</p>
    }

    @if (loadFailed()) {
      <ui-error-message
        class="box"
        [message]="'common.loadFailed' | t"
        [retryLabel]="'common.retry' | t"
        (retry)="load()"
      />
    }
    @if (problem(); as problem) {
      <ui-error-message class="box" data-testid="course-shares-error" [message]="problem" />
    }

    <ul class="shares" [attr.aria-label]="'caseSharing.shares.listLabel' | t">
      @for (share of shares(); track share.id) {
        <li class="share" data-testid="course-share" [attr.data-state]="share.state">
          <div class="share-head">
            <h3 class="title" data-testid="course-share-title">{{ share.title }}</h3>
            <app-share-state-chip [state]="share.state" />
          </div>
          <dl class="facts">
            <dt>{{ 'caseSharing.shares.kind' | t }}</dt>
            <dd>{{ 'caseSharing.kinds.' + share.itemKind | t }}</dd>
            <dt>{{ 'caseSharing.shares.basis' | t }}</dt>
            <dd data-testid="course-share-basis">
              @if (share.basis === bases.Consent) {
                {{ 'caseSharing.shares.consentOn' | t: { date: (share.consentGivenOn | localDate) } }}:
                {{ share.consentScope }}
              } @else {
                {{ 'caseSharing.bases.legal_basis' | t }}: {{ share.legalBasis }}
              }
            </dd>
            <dt>{{ 'caseSharing.shares.expiresOn' | t }}</dt>
            <dd data-testid="course-share-expires">{{ share.expiresOn | localDate }}</dd>
            <dt>{{ 'caseSharing.shares.sharedBy' | t }}</dt>
            <dd>{{ share.sharedByName }}, {{ share.createdAt | localDate: 'datetime' }}</dd>
            @if (share.revokedAt) {
              <dt>{{ 'caseSharing.shares.revokedBy' | t }}</dt>
              <dd>{{ share.revokedByName }}, {{ share.revokedAt | localDate: 'datetime' }}</dd>
            }
          </dl>
          @if (share.state === states.Active) {
            <button
              mat-stroked-button
              type="button"
              class="revoke"
              data-testid="course-share-revoke"
              [disabled]="revoking() === share.id"
              (click)="revoke(share)"
            >
              {{ 'caseSharing.shares.revoke' | t }}<span class="visually-hidden">: {{ share.title }}</span>
            </button>
          }
        </li>
      } @empty {
        @if (!loading()) {
          <li class="empty" data-testid="course-shares-empty">{{ 'caseSharing.shares.empty' | t }}</li>
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
    .toolbar {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
      margin-bottom: 8px;
    }
    .hint,
    .empty {
      color: var(--mat-sys-on-surface-variant);
    }
    .box {
      display: block;
      margin: 8px 0;
    }
    .shares {
      margin: 16px 0 0;
      padding: 0;
      list-style: none;
    }
    .share {
      padding: 12px 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .share-head {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px 12px;
    }
    .title {
      margin: 0;
      font: var(--mat-sys-title-medium);
      overflow-wrap: anywhere;
    }
    .facts {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 4px 16px;
      margin: 8px 0;
    }
    .facts dt {
      font-weight: 500;
      color: var(--mat-sys-on-surface-variant);
    }
    .facts dd {
      margin: 0;
      min-width: 0;
      overflow-wrap: anywhere;
    }
  `,
})
export class CourseShares {
  private readonly api = inject(CaseSharingApiService);
  private readonly dialog = inject(MatDialog);
  private readonly i18n = inject(I18nService);
  private readonly announcer = inject(LiveAnnouncer);
  private readonly destroyRef = inject(DestroyRef);

  readonly course = input.required<CourseDetail>();

  protected readonly bases = ShareBasis;
  protected readonly states = ShareState;
  private readonly resource = pageLoad();
  protected readonly loading = this.resource.loading;
  protected readonly loadFailed = this.resource.failed;
  protected readonly shares = signal<CaseShare[]>([]);
  private readonly items = signal<CaseItem[]>([]);
  protected readonly revoking = signal<string | null>(null);
  protected readonly problem = signal<string | null>(null);

  /** The case's items not actively shared with this course. */
  protected readonly shareable = computed(() => {
    const shared = new Set(
      this.shares()
        .filter((share) => share.state === ShareState.Active)
        .map((share) => share.itemId),
    );
    return this.items().filter((item) => !shared.has(item.id));
  });
  protected readonly canShare = computed(
    () => !!this.course().mentorId && !this.loading() && this.shareable().length > 0,
  );

  constructor() {
    effect(() => {
      this.course();
      untracked(() => this.load());
    });
  }

  load(): void {
    const course = this.course();
    this.resource.run(
      forkJoin([this.api.shares(course.id), this.api.items(course.citizenId)]),
      ([shares, items]) => {
        this.shares.set(shares);
        this.items.set(items);
      },
    );
  }

  protected openShare(): void {
    const course = this.course();
    const data: ShareItemDialogData = {
      courseId: course.id,
      items: this.shareable(),
      courseEndsOn: course.endsOn,
    };
    this.dialog
      .open<ShareItemDialog, ShareItemDialogData, CaseShare>(ShareItemDialog, {
        data,
        width: '600px',
        maxWidth: 'calc(100vw - 32px)',
        autoFocus: 'first-tabbable',
      })
      .afterClosed()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((share) => {
        if (!share) return;
        this.shares.update((shares) => [share, ...shares]);
        this.announce('caseSharing.shares.shared', share.title);
      });
  }

  protected revoke(share: CaseShare): void {
    if (!window.confirm(this.i18n.t('caseSharing.shares.confirmRevoke', { title: share.title }))) return;
    this.revoking.set(share.id);
    this.problem.set(null);
    this.api
      .revoke(share.id)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (revoked) => {
          this.revoking.set(null);
          this.shares.update((shares) => shares.map((s) => (s.id === revoked.id ? revoked : s)));
          this.announce('caseSharing.shares.revoked', share.title);
        },
        error: (error: unknown) => {
          this.revoking.set(null);
          const text = this.i18n.t(
            problemCode(error) === 'share.already_revoked'
              ? 'caseSharing.errors.already_revoked'
              : 'caseSharing.shares.revokeFailed',
          );
          this.problem.set(text);
          void this.announcer.announce(text);
          this.load();
        },
      });
  }

  private announce(key: string, title: string): void {
    void this.announcer.announce(this.i18n.t(key, { title }));
  }
}
