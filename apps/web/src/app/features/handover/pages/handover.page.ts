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
import { MatExpansionModule } from '@angular/material/expansion';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import {
  CourseDetail,
  CourseHandover,
  CourseStatus,
  hasPermission,
  HandoverPacket,
  HandoverStatus,
  Permission,
} from '@mentor/domain';
import { ErrorMessage, Loading, PageHeader } from '@mentor/shared-ui';
import { forkJoin } from 'rxjs';
import { AuthService } from '../../../core/auth/auth.service';
import { pageLoad } from '../../../core/http/page-load';
import { problemCode } from '../../../core/http/problem';
import { I18nService } from '../../../core/i18n/i18n.service';
import { LocalDatePipe } from '../../../core/i18n/local-date.pipe';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import { CourseNav } from '../../courses/components/course-nav';
import { CoursesApiService } from '../../courses/courses-api.service';
import { HandoverEditor, isStaleHandover } from '../components/handover-editor';
import { handoverStateKey, HandoverStatusView } from '../components/handover-status';
import { HandoverView } from '../components/handover-view';
import { HandoverApiService } from '../handover-api.service';
import { handoverCodeText } from '../handover-form';

type Message = { kind: 'info' | 'error'; text: string };

/**
 * "Overlevering": the handover packet of the course's current mentor and those of earlier mentors.
 * The caseworker writes, saves and sends the draft; the mentor reads the sent packet and
 * acknowledges it (needed before the first contact); a team leader reads.
 */
@Component({
  selector: 'app-handover-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatButtonModule,
    MatExpansionModule,
    MatIconModule,
    RouterLink,
    CourseNav,
    HandoverEditor,
    HandoverStatusView,
    HandoverView,
    ErrorMessage,
    Loading,
    PageHeader,
    LocalDatePipe,
    TranslatePipe,
  ],
  template: `
    <app-course-nav [courseId]="id()" />
    <ui-page-header [title]="'handover.title' | t" [subtitle]="course()?.citizenName ?? null">
      @if (loading()) {
        <ui-loading [label]="'common.loading' | t" />
      }
    </ui-page-header>

    @if (loadFailed()) {
      <ui-error-message
        class="box"
        data-testid="handover-load-error"
        [message]="'common.loadFailed' | t"
        [retryLabel]="'common.retry' | t"
        (retry)="load()"
      />
    }

    @if (message(); as message) {
      @if (message.kind === 'error') {
        <ui-error-message class="box" data-testid="handover-message" [message]="message.text" />
      } @else {
        <div class="box info" data-testid="handover-message">
          <p>{{ message.text }}</p>
          @if (canLogNow()) {
            <a mat-flat-button data-testid="handover-log-contact" [routerLink]="['/courses', id(), 'log']">
              {{ 'myCitizens.logContact' | t }}
            </a>
          }
        </div>
      }
    }

    @if (handover(); as handover) {
      <section class="panel" aria-labelledby="handover-current-heading">
        @if (handover.current; as packet) {
          <h2 id="handover-current-heading">{{ 'handover.currentFor' | t: { name: packet.mentorName } }}</h2>
          <app-handover-status [packet]="packet" />
          @if (canWrite() && packet.status === statuses.Draft) {
            <app-handover-editor
              [courseId]="id()"
              [packet]="packet"
              (saved)="replace($event)"
              (sent)="onSent($event)"
              (reload)="load()"
            />
          } @else {
            @if (awaitsMyAcknowledgement()) {
              <p class="lead" data-testid="handover-read-first">{{ 'handover.mentor.readFirst' | t }}</p>
            }
            <app-handover-view [content]="packet.content" [source]="packet.source" />
            @if (awaitsMyAcknowledgement()) {
              <div class="acknowledge">
                <button
                  mat-flat-button
                  type="button"
                  data-testid="handover-acknowledge"
                  [disabled]="busy()"
                  (click)="acknowledge(packet)"
                >
                  <mat-icon aria-hidden="true" fontIcon="task_alt" />
                  {{ 'handover.mentor.acknowledge' | t }}
                </button>
                <p class="hint">{{ 'handover.mentor.acknowledgeHint' | t }}</p>
              </div>
            }
          }
        } @else {
          <h2 id="handover-current-heading">{{ 'handover.current' | t }}</h2>
          <p data-testid="handover-none">{{ noneKey() | t }}</p>
        }
      </section>

      @if (handover.earlier.length) {
        <section class="panel" aria-labelledby="handover-earlier-heading">
          <h2 id="handover-earlier-heading">{{ 'handover.earlier' | t }}</h2>
          <mat-accordion multi>
            @for (packet of handover.earlier; track $index) {
              <mat-expansion-panel data-testid="handover-earlier">
                <mat-expansion-panel-header>
                  <mat-panel-title>{{ packet.mentorName }}</mat-panel-title>
                  <mat-panel-description>
                    {{ stateKey(packet) | t }}
                    @if (packet.acknowledgedAt ?? packet.sentAt ?? packet.updatedAt; as when) {
                      · {{ when | localDate }}
                    }
                  </mat-panel-description>
                </mat-expansion-panel-header>
                <ng-template matExpansionPanelContent>
                  <app-handover-status [packet]="packet" />
                  <app-handover-view [content]="packet.content" [source]="packet.source" />
                </ng-template>
              </mat-expansion-panel>
            }
          </mat-accordion>
        </section>
      }
    }
  `,
  styles: `
    .box {
      display: block;
      margin: 0 0 16px;
    }
    .info {
      padding: 12px 16px;
      border-radius: 8px;
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    .info p {
      margin: 0 0 8px;
    }
    .info p:last-child {
      margin: 0;
    }
    h2 {
      margin: 0 0 12px;
      font: var(--mat-sys-title-large);
    }
    .lead {
      margin: 0 0 16px;
      font: var(--mat-sys-body-large);
    }
    .acknowledge {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px 16px;
      margin-top: 24px;
    }
    .hint {
      margin: 0;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class HandoverPage {
  private readonly api = inject(HandoverApiService);
  private readonly courses = inject(CoursesApiService);
  private readonly i18n = inject(I18nService);
  private readonly announcer = inject(LiveAnnouncer);
  private readonly destroyRef = inject(DestroyRef);
  private readonly user = inject(AuthService).user;

  /** Route parameter: the course. */
  readonly id = input.required<string>();

  protected readonly statuses = HandoverStatus;
  protected readonly course = signal<CourseDetail | null>(null);
  protected readonly handover = signal<CourseHandover | null>(null);
  private readonly resource = pageLoad();
  protected readonly loading = this.resource.loading;
  protected readonly loadFailed = this.resource.failed;
  protected readonly busy = signal(false);
  protected readonly message = signal<Message | null>(null);
  /** Set once the mentor has acknowledged here: the next step is the first contact. */
  private readonly justAcknowledged = signal(false);

  private readonly may = (permission: Permission) => {
    const role = this.user()?.role;
    return !!role && hasPermission(role, permission);
  };
  protected readonly canWrite = computed(() => this.may(Permission.HandoverWrite));
  /** The signed-in mentor is the one the current packet is for. */
  private readonly isPacketMentor = computed(() => {
    const packet = this.handover()?.current;
    return !!packet && this.may(Permission.HandoverAcknowledge) && packet.mentorId === this.user()?.id;
  });
  protected readonly awaitsMyAcknowledgement = computed(
    () => this.isPacketMentor() && this.handover()?.current?.status === HandoverStatus.Sent,
  );
  protected readonly canLogNow = computed(
    () =>
      this.justAcknowledged() &&
      this.may(Permission.ContactsWrite) &&
      this.course()?.status === CourseStatus.Active,
  );
  /** Why there is no packet to show: no mentor yet, or (for mentor and team leader) not sent yet. */
  protected readonly noneKey = computed(() => {
    const course = this.course();
    if (!course?.mentorId) return 'handover.none.noMentor';
    if (this.may(Permission.HandoverAcknowledge) && course.mentorId === this.user()?.id) {
      return 'handover.none.mentor';
    }
    return 'handover.none.notSent';
  });

  constructor() {
    effect(() => {
      this.id();
      untracked(() => {
        this.message.set(null);
        this.load();
      });
    });
  }

  /** Loads (or reloads) the course and its packets. */
  load(): void {
    const id = this.id();
    this.resource.run(forkJoin([this.courses.get(id), this.api.get(id)]), ([course, handover]) => {
      this.course.set(course);
      this.handover.set(handover);
    });
  }

  protected stateKey(packet: HandoverPacket): string {
    return handoverStateKey(packet);
  }

  protected replace(handover: CourseHandover): void {
    this.message.set(null);
    this.handover.set(handover);
  }

  protected onSent(handover: CourseHandover): void {
    this.replace(handover);
    const name = handover.current?.mentorName ?? '';
    this.say('info', this.i18n.t('handover.sentNotice', { name }));
  }

  protected acknowledge(packet: HandoverPacket): void {
    if (this.busy() || !window.confirm(this.i18n.t('handover.mentor.confirmAcknowledge'))) return;
    this.busy.set(true);
    this.message.set(null);
    this.api
      .acknowledge(this.id(), packet.version)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (handover) => {
          this.busy.set(false);
          this.replace(handover);
          this.justAcknowledged.set(true);
          this.say('info', this.i18n.t('handover.mentor.acknowledged'));
        },
        error: (error: unknown) => {
          this.busy.set(false);
          if (isStaleHandover(error)) {
            this.say('error', this.i18n.t('handover.errors.changedMeanwhile'));
            this.load();
            return;
          }
          const t = (key: string) => this.i18n.t(key);
          this.say('error', handoverCodeText(problemCode(error), t) ?? t('forms.saveFailed'));
          // Not sent any more, or already acknowledged elsewhere: show how it stands now.
          if ((error as { status?: number }).status === 409) this.load();
        },
      });
  }

  private say(kind: Message['kind'], text: string): void {
    this.message.set({ kind, text });
    void this.announcer.announce(text);
  }
}
