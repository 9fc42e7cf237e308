import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import {
  CourseDetail,
  CourseStatus,
  hasPermission,
  HandoverPacket,
  HandoverStatus,
  Permission,
} from '@mentor/domain';
import { catchError, of, Subscription } from 'rxjs';
import { AuthService } from '../../../core/auth/auth.service';
import { formatLocalDate } from '../../../core/i18n/local-date.pipe';
import { I18nService } from '../../../core/i18n/i18n.service';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import { HandoverApiService } from '../handover-api.service';

/** What the banner says, or null for no banner. */
export type HandoverBannerKind =
  'mentorAcknowledge' | 'mentorOverdue' | 'caseworkerWrite' | 'caseworkerAwaiting' | 'caseworkerOverdue';

/**
 * The banner a course's packet calls for: the mentor must acknowledge a sent packet before
 * the first contact; the caseworker has a packet to write and send, or one awaiting (or overdue
 * for) acknowledgement. Nothing once acknowledged, and nothing for an ended course.
 */
export function handoverBannerKind(
  packet: HandoverPacket | null,
  viewer: 'mentor' | 'caseworker',
): HandoverBannerKind | null {
  if (!packet) return null;
  if (viewer === 'mentor') {
    if (packet.status !== HandoverStatus.Sent) return null;
    return packet.acknowledgeOverdue ? 'mentorOverdue' : 'mentorAcknowledge';
  }
  if (packet.status === HandoverStatus.Draft) return 'caseworkerWrite';
  if (packet.status === HandoverStatus.Sent) {
    return packet.acknowledgeOverdue ? 'caseworkerOverdue' : 'caseworkerAwaiting';
  }
  return null;
}

/**
 * On the course page: a clear banner while the handover packet needs something of the viewer,
 * with a link to the handover page. Asks the API only for the course's mentor and caseworkers.
 */
@Component({
  selector: 'app-handover-banner',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatIconModule, RouterLink, TranslatePipe],
  template: `
    @if (kind(); as kind) {
      <div
        class="banner"
        role="status"
        data-testid="handover-banner"
        [attr.data-kind]="kind"
        [class.urgent]="urgent()"
      >
        <mat-icon aria-hidden="true" [fontIcon]="urgent() ? 'priority_high' : 'assignment'" />
        <p class="text">{{ text() }}</p>
        <a
          mat-flat-button
          data-testid="handover-banner-link"
          [routerLink]="['/courses', course().id, 'handover']"
        >
          {{ 'handover.banner.' + (kind.startsWith('mentor') ? 'read' : 'open') | t }}
        </a>
      </div>
    }
  `,
  styles: `
    .banner {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px 16px;
      margin: 0 0 16px;
      padding: 12px 16px;
      border-radius: 8px;
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
    .banner.urgent {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .text {
      flex: 1 1 16rem;
      margin: 0;
      font: var(--mat-sys-body-large);
    }
  `,
})
export class HandoverBanner {
  private readonly api = inject(HandoverApiService);
  private readonly i18n = inject(I18nService);
  private readonly user = inject(AuthService).user;

  readonly course = input.required<CourseDetail>();

  private readonly packet = signal<HandoverPacket | null>(null);
  /** The course page sets a new course object on every reload; the packet is fetched once per course. */
  private readonly courseId = computed(() => this.course().id);
  private readonly viewer = computed((): 'mentor' | 'caseworker' | null => {
    const user = this.user();
    const course = this.course();
    if (!user || !course.mentorId || course.status === CourseStatus.Ended) return null;
    if (hasPermission(user.role, Permission.HandoverWrite)) return 'caseworker';
    if (hasPermission(user.role, Permission.HandoverAcknowledge) && course.mentorId === user.id)
      return 'mentor';
    return null;
  });
  protected readonly kind = computed(() => {
    const viewer = this.viewer();
    return viewer ? handoverBannerKind(this.packet(), viewer) : null;
  });
  protected readonly urgent = computed(() => {
    const kind = this.kind();
    return kind === 'mentorAcknowledge' || kind === 'mentorOverdue' || kind === 'caseworkerOverdue';
  });
  protected readonly text = computed(() => {
    const kind = this.kind();
    const packet = this.packet();
    if (!kind || !packet) return '';
    return this.i18n.t(`handover.banner.${kind}`, {
      name: packet.mentorName,
      date: formatLocalDate(packet.acknowledgeBy, this.i18n.locale()),
    });
  });

  private loading?: Subscription;

  constructor() {
    effect((onCleanup) => {
      const viewer = this.viewer();
      const id = this.courseId();
      untracked(() => {
        this.packet.set(null);
        if (!viewer) return;
        // No banner when the packet cannot be read: the course page itself still works.
        this.loading = this.api
          .get(id)
          .pipe(catchError(() => of(null)))
          .subscribe((handover) => this.packet.set(handover?.current ?? null));
      });
      onCleanup(() => this.loading?.unsubscribe());
    });
  }
}
