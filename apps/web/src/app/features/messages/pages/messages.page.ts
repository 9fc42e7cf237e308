import { LiveAnnouncer } from '@angular/cdk/a11y';
import { DOCUMENT } from '@angular/common';
import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  effect,
  inject,
  Injector,
  input,
  signal,
  untracked,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatSlideToggleChange, MatSlideToggleModule } from '@angular/material/slide-toggle';
import { CourseDetail, MessageThread, MessageView, Role, ThreadSettingsRequest } from '@mentor/domain';
import { ErrorMessage, Loading, PageHeader } from '@mentor/shared-ui';
import { catchError, filter, forkJoin, interval, of, switchMap } from 'rxjs';
import { AuthService } from '../../../core/auth/auth.service';
import { pageLoad } from '../../../core/http/page-load';
import { I18nService } from '../../../core/i18n/i18n.service';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import { CourseNav } from '../../courses/components/course-nav';
import { CoursesApiService } from '../../courses/courses-api.service';
import { MessageComposer } from '../components/message-composer';
import { MessageItem } from '../components/message-item';
import { MessagesApiService } from '../messages-api.service';
import { arrivedFromOthers, mergeMessages, THREAD_POLL_MS } from '../thread-state';

/** The thread's facts without its messages (kept apart: messages accumulate over pages and polls). */
type ThreadFacts = Omit<MessageThread, 'messages'>;

/**
 * "Beskeder": the course's secure thread between the caseworker and the mentor (and the mentor's
 * team leaders when asked in). Oldest first with older pages on request; new messages are
 * fetched every 30 seconds while the page is open and visible, announced, and marked read.
 */
@Component({
  selector: 'app-messages-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatButtonModule,
    MatIconModule,
    MatSlideToggleModule,
    CourseNav,
    ErrorMessage,
    Loading,
    PageHeader,
    MessageComposer,
    MessageItem,
    TranslatePipe,
  ],
  template: `
    <app-course-nav
      [courseId]="id()"
      [unreadMessages]="facts()?.unreadCount ?? null"
      [needsSparring]="facts()?.needsSparring ?? false"
    />
    <ui-page-header [title]="'messages.title' | t" [subtitle]="course()?.citizenName ?? null">
      @if (loading()) {
        <ui-loading [label]="'common.loading' | t" />
      }
    </ui-page-header>

    @if (loadFailed()) {
      <ui-error-message
        class="box"
        data-testid="messages-load-error"
        [message]="'common.loadFailed' | t"
        [retryLabel]="'common.retry' | t"
        (retry)="load()"
      />
    }

    @if (facts(); as facts) {
      @if (facts.needsSparring) {
        <p class="sparring" data-testid="messages-sparring-banner">
          <mat-icon aria-hidden="true" fontIcon="support_agent" />
          <span>{{ 'messages.sparring.banner' | t }}</span>
        </p>
      }

      <section class="panel settings" aria-labelledby="messages-settings-heading">
        <h2 id="messages-settings-heading" class="visually-hidden">{{ 'messages.settings.title' | t }}</h2>
        @if (canChangeSettings()) {
          <div class="toggle">
            <mat-slide-toggle
              data-testid="messages-needs-sparring"
              aria-describedby="messages-sparring-hint"
              [checked]="facts.needsSparring"
              [disabled]="savingSettings()"
              (change)="changeSetting('needsSparring', $event)"
            >
              {{ 'messages.sparring.toggle' | t }}
            </mat-slide-toggle>
            <p id="messages-sparring-hint" class="hint">{{ 'messages.sparring.hint' | t }}</p>
          </div>
          <div class="toggle">
            <mat-slide-toggle
              data-testid="messages-invite-team-leader"
              aria-describedby="messages-team-leader-hint"
              [checked]="facts.teamLeaderInvited"
              [disabled]="savingSettings()"
              (change)="changeSetting('teamLeaderInvited', $event)"
            >
              {{ 'messages.teamLeader.toggle' | t }}
            </mat-slide-toggle>
            <p id="messages-team-leader-hint" class="hint">{{ 'messages.teamLeader.hint' | t }}</p>
          </div>
        } @else if (facts.teamLeaderInvited) {
          <p class="hint" data-testid="messages-team-leader-invited">
            {{ 'messages.teamLeader.invited' | t }}
          </p>
        }
        @if (settingsProblem(); as problem) {
          <ui-error-message data-testid="messages-settings-error" [message]="problem" />
        }
        <p class="participants" data-testid="messages-participants">
          <span class="label">{{ 'messages.participants' | t }}:</span>
          @for (participant of facts.participants; track participant.userId; let last = $last) {
            <span>{{ participant.name }} ({{ 'roles.' + participant.role | t }}){{ last ? '' : ',' }}</span>
          }
        </p>
        <p class="hint">{{ 'messages.privacy' | t }}</p>
      </section>

      <section class="thread" aria-labelledby="messages-thread-heading">
        <h2 id="messages-thread-heading" class="visually-hidden">{{ 'messages.thread.title' | t }}</h2>
        @if (facts.hasOlder) {
          <button
            mat-stroked-button
            type="button"
            class="older"
            data-testid="messages-load-older"
            [disabled]="loadingOlder()"
            (click)="loadOlder()"
          >
            {{ (loadingOlder() ? 'common.loading' : 'messages.thread.loadOlder') | t }}
          </button>
        }
        <ol class="messages" data-testid="messages-list">
          @for (message of messages(); track message.id) {
            <li
              data-testid="message"
              tabindex="-1"
              [id]="'message-' + message.id"
              [attr.data-own]="message.own"
            >
              <app-message-item [courseId]="id()" [message]="message" />
            </li>
          } @empty {
            <li class="empty" data-testid="messages-empty">{{ 'messages.thread.empty' | t }}</li>
          }
        </ol>
      </section>

      <section class="panel" aria-labelledby="messages-composer-heading">
        <h2 id="messages-composer-heading">{{ 'messages.composer.title' | t }}</h2>
        <app-message-composer [courseId]="id()" (sent)="sent($event)" />
      </section>
    }
  `,
  styles: `
    .box {
      display: block;
      margin-bottom: 16px;
    }
    .sparring {
      display: flex;
      gap: 12px;
      align-items: center;
      margin: 0 0 16px;
      padding: 12px 16px;
      border-radius: 8px;
      border-left: 6px solid var(--mat-sys-tertiary);
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
      font: var(--mat-sys-title-medium);
    }
    /* A flex item: without this a long text squeezes the icon. */
    .sparring mat-icon {
      flex: none;
    }
    h2 {
      margin: 0 0 12px;
      font: var(--mat-sys-title-large);
    }
    .settings {
      display: flex;
      flex-direction: column;
      gap: 8px;
    }
    .hint {
      margin: 0;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .participants {
      display: flex;
      flex-wrap: wrap;
      gap: 4px;
      margin: 0;
    }
    .participants .label {
      font-weight: 500;
    }
    .older {
      margin-bottom: 12px;
    }
    .messages {
      display: flex;
      flex-direction: column;
      gap: 12px;
      margin: 0 0 16px;
      padding: 0;
      list-style: none;
    }
    .empty {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class MessagesPage {
  private readonly api = inject(MessagesApiService);
  private readonly courses = inject(CoursesApiService);
  private readonly i18n = inject(I18nService);
  private readonly announcer = inject(LiveAnnouncer);
  private readonly destroyRef = inject(DestroyRef);
  private readonly document = inject(DOCUMENT);
  private readonly injector = inject(Injector);
  private readonly user = inject(AuthService).user;

  /** Route parameter: the course. */
  readonly id = input.required<string>();

  private readonly resource = pageLoad();
  protected readonly loading = this.resource.loading;
  protected readonly loadFailed = this.resource.failed;
  protected readonly course = signal<CourseDetail | null>(null);
  protected readonly facts = signal<ThreadFacts | null>(null);
  protected readonly messages = signal<MessageView[]>([]);
  protected readonly loadingOlder = signal(false);
  protected readonly savingSettings = signal(false);
  protected readonly settingsProblem = signal<string | null>(null);
  /** The mentor and the caseworker flag sparring and ask the team leader in; a team leader reads and writes. */
  protected readonly canChangeSettings = computed(() => {
    const role = this.user()?.role;
    return role === Role.Mentor || role === Role.Caseworker;
  });

  constructor() {
    effect(() => {
      this.id();
      untracked(() => this.load());
    });
    interval(THREAD_POLL_MS)
      .pipe(
        // Only a thread on screen is fetched, so "read" means shown.
        filter(() => !!this.facts() && this.document.visibilityState !== 'hidden'),
        // A failed poll keeps what is shown; the next one tries again.
        switchMap(() => this.api.thread(this.id()).pipe(catchError(() => of(null)))),
        takeUntilDestroyed(),
      )
      .subscribe((thread) => {
        if (thread) this.polled(thread);
      });
  }

  load(): void {
    const id = this.id();
    this.messages.set([]);
    this.facts.set(null);
    this.resource.run(forkJoin([this.courses.get(id), this.api.thread(id)]), ([course, thread]) => {
      this.course.set(course);
      this.show(thread, true);
    });
  }

  protected loadOlder(): void {
    const first = this.messages()[0];
    if (!first || this.loadingOlder()) return;
    this.loadingOlder.set(true);
    this.api
      .thread(this.id(), first.id)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (thread) => {
          this.loadingOlder.set(false);
          this.messages.update((shown) => mergeMessages(shown, thread.messages));
          this.facts.update((facts) => (facts ? { ...facts, hasOlder: thread.hasOlder } : facts));
          void this.announcer.announce(
            this.i18n.t('messages.thread.olderLoaded', { count: thread.messages.length }),
          );
          // The button is gone with the last page: keep the keyboard user at the oldest message.
          if (!thread.hasOlder && thread.messages.length) {
            afterNextRender(() => this.document.getElementById(`message-${thread.messages[0].id}`)?.focus(), {
              injector: this.injector,
            });
          }
        },
        error: () => {
          this.loadingOlder.set(false);
          void this.announcer.announce(this.i18n.t('common.loadFailed'));
        },
      });
  }

  protected sent(message: MessageView): void {
    this.messages.update((shown) => mergeMessages(shown, [message]));
    void this.announcer.announce(this.i18n.t('messages.composer.sent'));
  }

  protected changeSetting(setting: keyof ThreadSettingsRequest, change: MatSlideToggleChange): void {
    const value = change.checked;
    this.savingSettings.set(true);
    this.settingsProblem.set(null);
    this.api
      .settings(this.id(), { [setting]: value })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (thread) => {
          this.savingSettings.set(false);
          // Asking the team leader in changes who takes part as well.
          const { needsSparring, teamLeaderInvited, participants } = thread;
          this.facts.update((facts) =>
            facts ? { ...facts, needsSparring, teamLeaderInvited, participants } : facts,
          );
          void this.announcer.announce(this.i18n.t(`messages.settings.${setting}.${value ? 'on' : 'off'}`));
        },
        error: () => {
          this.savingSettings.set(false);
          // The toggle flipped itself: put it back to what is stored.
          change.source.checked = !value;
          const text = this.i18n.t('messages.settings.failed');
          this.settingsProblem.set(text);
          void this.announcer.announce(text);
        },
      });
  }

  private polled(thread: MessageThread): void {
    const arrived = arrivedFromOthers(this.messages(), thread.messages);
    this.show(thread, false);
    if (arrived.length) {
      void this.announcer.announce(
        arrived.length === 1
          ? this.i18n.t('messages.thread.newOne', { name: arrived[0].authorName })
          : this.i18n.t('messages.thread.new', { count: arrived.length }),
      );
    }
  }

  /** Shows a fetched newest page; older pages already shown stay. */
  private show(thread: MessageThread, first: boolean): void {
    const { messages, ...facts } = thread;
    this.messages.update((shown) => mergeMessages(shown, messages));
    // Whether older messages exist is known from the first page and "load older", not from polls.
    this.facts.update((before) => ({
      ...facts,
      hasOlder: first || !before ? facts.hasOlder : before.hasOlder,
    }));
    this.markRead();
  }

  /** Marks everything shown read when there is something unread. */
  private markRead(): void {
    const facts = this.facts();
    const newest = this.messages().at(-1);
    if (!facts || !newest || facts.unreadCount === 0) return;
    this.api
      .markRead(this.id(), newest.id)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: () => this.facts.update((f) => (f ? { ...f, unreadCount: 0 } : f)),
        // Left unread: the next poll tries again.
        error: () => undefined,
      });
  }
}
