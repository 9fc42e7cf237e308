import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink, RouterLinkActive } from '@angular/router';
import { hasPermission, Permission } from '@mentor/domain';
import { AuthService } from '../../../core/auth/auth.service';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';

interface CourseNavLink {
  readonly id: 'course' | 'handover' | 'case' | 'messages';
  readonly path: readonly string[];
  readonly label: string;
}

/**
 * The course's pages: the course itself, the handover packet, the shared case items and the
 * message thread; the current page is marked `aria-current="page"`. Each link shows only to roles
 * that may use its page. Optional counts for the messages link: unread messages, and whether the
 * mentor asks for sparring.
 */
@Component({
  selector: 'app-course-nav',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, RouterLinkActive, TranslatePipe],
  template: `
    <nav class="course-nav" data-testid="course-nav" [attr.aria-label]="'courseNav.label' | t">
      <ul>
        @for (link of links(); track link.id) {
          <li>
            <a
              class="link"
              routerLinkActive="active"
              ariaCurrentWhenActive="page"
              [routerLinkActiveOptions]="{ exact: true }"
              [routerLink]="link.path"
              [attr.data-testid]="'course-nav-' + link.id"
            >
              {{ link.label | t }}
              @if (link.id === 'messages') {
                @if (unreadMessages(); as unread) {
                  <span class="badge" data-testid="course-nav-unread">
                    <span aria-hidden="true">{{ unread > 99 ? '99+' : unread }}</span>
                    <span class="visually-hidden">{{ 'courseNav.unread' | t: { count: unread } }}</span>
                  </span>
                }
                @if (needsSparring()) {
                  <span class="badge sparring" data-testid="course-nav-sparring">{{
                    'courseNav.needsSparring' | t
                  }}</span>
                }
              }
            </a>
          </li>
        }
      </ul>
    </nav>
  `,
  styles: `
    :host {
      display: block;
      margin-bottom: 16px;
    }
    ul {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 8px;
      margin: 0;
      padding: 0 0 4px;
      list-style: none;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .link {
      display: inline-flex;
      align-items: center;
      gap: 6px;
      min-height: 40px;
      padding: 0 12px;
      border-radius: 20px;
      color: var(--mat-sys-on-surface);
      font: var(--mat-sys-label-large);
      text-decoration: none;
    }
    .link:hover {
      background: var(--mat-sys-surface-container-high);
    }
    .link:focus-visible {
      outline: 2px solid var(--mat-sys-primary);
      outline-offset: 2px;
    }
    .link.active {
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
      text-decoration: underline;
      text-underline-offset: 4px;
    }
    .badge {
      min-width: 20px;
      padding: 0 6px;
      box-sizing: border-box;
      border-radius: 10px;
      background: var(--mat-sys-error);
      color: var(--mat-sys-on-error);
      font: var(--mat-sys-label-small);
      line-height: 20px;
      text-align: center;
    }
    .badge.sparring {
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
  `,
})
export class CourseNav {
  private readonly user = inject(AuthService).user;

  readonly courseId = input.required<string>();
  /** Unread messages in the course's thread; no badge when 0 or not given. */
  readonly unreadMessages = input<number | null>(null);
  /** The mentor asks for sparring in the thread. */
  readonly needsSparring = input(false);

  protected readonly links = computed((): CourseNavLink[] => {
    const role = this.user()?.role;
    const may = (permission: Permission) => !!role && hasPermission(role, permission);
    const base = ['/courses', this.courseId()];
    const links: CourseNavLink[] = [
      { id: 'course', path: base, label: 'courseNav.course' },
      { id: 'handover', path: [...base, 'handover'], label: 'courseNav.handover' },
    ];
    if (may(Permission.CaseShare) || may(Permission.SharedRead)) {
      links.push({ id: 'case', path: [...base, 'case'], label: 'courseNav.case' });
    }
    if (may(Permission.MessagesWrite)) {
      links.push({ id: 'messages', path: [...base, 'messages'], label: 'courseNav.messages' });
    }
    return links;
  });
}
