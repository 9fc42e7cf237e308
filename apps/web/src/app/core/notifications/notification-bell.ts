import { LiveAnnouncer } from '@angular/cdk/a11y';
import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';
import { NavigationEnd, Router, RouterLink } from '@angular/router';
import { NotificationKind, NotificationPage, NotificationView } from '@mentor/domain';
import { catchError, filter, interval, merge, of, startWith, switchMap } from 'rxjs';
import { I18nService } from '../i18n/i18n.service';
import { formatLocalDate, LocalDatePipe } from '../i18n/local-date.pipe';
import { TranslatePipe } from '../i18n/translate.pipe';
import { NotificationsApiService } from './notifications-api.service';

/** How often the unread count is fetched while the app is open (and on every navigation). */
export const NOTIFICATION_POLL_MS = 60_000;
/** How many of the newest notifications the menu lists. */
export const NOTIFICATION_MENU_SIZE = 10;

/** The course page a kind of notification is about, below `/courses/:id` (none: the course itself). */
const COURSE_PAGE_OF_KIND: Partial<Record<NotificationKind, string>> = {
  [NotificationKind.ItemShared]: 'case',
  [NotificationKind.MessageReceived]: 'messages',
  [NotificationKind.SparringRequested]: 'messages',
  [NotificationKind.HandoverSent]: 'handover',
  [NotificationKind.HandoverAcknowledged]: 'handover',
  [NotificationKind.HandoverOverdue]: 'handover',
};

/** Where a notification leads: its report, else its course (or the course's page it is about). */
export function notificationLink(notification: NotificationView): string[] | null {
  if (notification.reportId) return ['/reports', notification.reportId];
  if (notification.courseId) {
    const page = COURSE_PAGE_OF_KIND[notification.kind];
    return page ? ['/courses', notification.courseId, page] : ['/courses', notification.courseId];
  }
  return null;
}

/** A notification's text in the UI's language, from its kind; it carries ids, never names. */
export function notificationText(
  notification: NotificationView,
  t: (key: string, params?: Record<string, string | number>) => string,
  locale: string,
): string {
  return t(`notifications.kinds.${notification.kind}`, {
    date: formatLocalDate(notification.dueOn, locale),
    version: notification.reportVersion ?? '',
  });
}

/**
 * The toolbar's bell: the unread count (fetched every minute and on navigation, announced when
 * it grows), a menu of the newest notifications that lead to their report or course and are
 * marked read on opening, and "mark all read".
 */
@Component({
  selector: 'app-notification-bell',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    NgTemplateOutlet,
    MatButtonModule,
    MatIconModule,
    MatMenuModule,
    RouterLink,
    TranslatePipe,
    LocalDatePipe,
  ],
  template: `
    <button
      mat-icon-button
      type="button"
      class="bell"
      data-testid="notifications-bell"
      [matMenuTriggerFor]="menu"
      [attr.aria-label]="label()"
      (menuOpened)="refresh()"
    >
      <mat-icon aria-hidden="true" fontIcon="notifications" />
      @if (unread() > 0) {
        <span class="badge" aria-hidden="true" data-testid="notifications-count">{{
          unread() > 99 ? '99+' : unread()
        }}</span>
      }
    </button>
    <mat-menu #menu="matMenu" class="notifications-menu" xPosition="before">
      @for (item of items(); track item.notification.id) {
        @if (item.link; as link) {
          <a
            mat-menu-item
            class="notification"
            data-testid="notification"
            [attr.data-kind]="item.notification.kind"
            [class.unread]="!item.notification.readAt"
            [routerLink]="link"
            (click)="open(item.notification)"
          >
            <ng-container *ngTemplateOutlet="body; context: { $implicit: item }" />
          </a>
        } @else {
          <button
            mat-menu-item
            type="button"
            class="notification"
            data-testid="notification"
            [attr.data-kind]="item.notification.kind"
            [class.unread]="!item.notification.readAt"
            (click)="open(item.notification)"
          >
            <ng-container *ngTemplateOutlet="body; context: { $implicit: item }" />
          </button>
        }
      } @empty {
        <button mat-menu-item type="button" disabled data-testid="notifications-empty">
          {{ 'notifications.empty' | t }}
        </button>
      }
      <button
        mat-menu-item
        type="button"
        class="read-all"
        data-testid="notifications-read-all"
        [disabled]="unread() === 0"
        (click)="markAllRead()"
      >
        <mat-icon aria-hidden="true" fontIcon="done_all" />
        {{ 'notifications.markAllRead' | t }}
      </button>
    </mat-menu>

    <ng-template #body let-item>
      <span class="notification-body">
        @if (!item.notification.readAt) {
          <span class="visually-hidden">{{ 'notifications.unread' | t }}:</span>
        }
        <span class="notification-text">{{ item.text }}</span>
        <span class="notification-when">{{ item.notification.createdAt | localDate: 'datetime' }}</span>
      </span>
    </ng-template>
  `,
  styles: `
    :host {
      display: inline-flex;
    }
    .bell {
      position: relative;
    }
    .badge {
      position: absolute;
      top: 4px;
      right: 2px;
      min-width: 18px;
      height: 18px;
      padding: 0 4px;
      box-sizing: border-box;
      border-radius: 9px;
      background: var(--mat-sys-error);
      color: var(--mat-sys-on-error);
      font: var(--mat-sys-label-small);
      line-height: 18px;
      text-align: center;
      pointer-events: none;
    }
  `,
})
export class NotificationBell {
  private readonly api = inject(NotificationsApiService);
  private readonly i18n = inject(I18nService);
  private readonly announcer = inject(LiveAnnouncer);
  private readonly destroyRef = inject(DestroyRef);

  private readonly page = signal<NotificationPage | null>(null);
  protected readonly unread = computed(() => this.page()?.unreadCount ?? 0);
  protected readonly label = computed(() => {
    const count = this.unread();
    return count === 0
      ? this.i18n.t('notifications.labelNone')
      : this.i18n.t(count === 1 ? 'notifications.labelOne' : 'notifications.label', { count });
  });
  protected readonly items = computed(() =>
    (this.page()?.items ?? []).map((notification) => ({
      notification,
      link: notificationLink(notification),
      text: notificationText(notification, (k, p) => this.i18n.t(k, p), this.i18n.locale()),
    })),
  );

  constructor() {
    const router = inject(Router);
    merge(
      interval(NOTIFICATION_POLL_MS),
      router.events.pipe(filter((event) => event instanceof NavigationEnd)),
    )
      .pipe(
        startWith(null),
        // A failed poll keeps what is shown; the next one tries again.
        switchMap(() => this.api.list(NOTIFICATION_MENU_SIZE).pipe(catchError(() => of(null)))),
        takeUntilDestroyed(),
      )
      .subscribe((page) => {
        if (page) this.show(page);
      });
  }

  /** Fetches anew, e.g. when the menu opens. */
  protected refresh(): void {
    this.api
      .list(NOTIFICATION_MENU_SIZE)
      .pipe(
        catchError(() => of(null)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe((page) => {
        if (page) this.show(page);
      });
  }

  protected open(notification: NotificationView): void {
    if (notification.readAt) return;
    this.markLocally(notification.id);
    this.api
      .markRead(notification.id)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({ error: () => this.refresh() });
  }

  protected markAllRead(): void {
    this.markLocally(null);
    this.api
      .markAllRead()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: () => void this.announcer.announce(this.i18n.t('notifications.allRead')),
        error: () => this.refresh(),
      });
  }

  private show(page: NotificationPage): void {
    const before = this.page()?.unreadCount;
    this.page.set(page);
    // Said when new ones arrive, not on the first fetch (the button's name says the count).
    if (before !== undefined && page.unreadCount > before) {
      void this.announcer.announce(
        this.i18n.t(page.unreadCount === 1 ? 'notifications.newOne' : 'notifications.new', {
          count: page.unreadCount,
        }),
      );
    }
  }

  /** Marks one notification (or, with null, all) read in the view before the server answers. */
  private markLocally(id: string | null): void {
    const page = this.page();
    if (!page) return;
    const now = new Date().toISOString();
    let marked = 0;
    const items = page.items.map((n) => {
      if (n.readAt || (id !== null && n.id !== id)) return n;
      marked++;
      return { ...n, readAt: now };
    });
    this.page.set({ ...page, items, unreadCount: id === null ? 0 : Math.max(0, page.unreadCount - marked) });
  }
}
