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
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { ContactRequest, CourseDetail, CourseStatus, WeekBudget } from '@mentor/domain';
import { BudgetBar, ErrorMessage, Loading, PageHeader } from '@mentor/shared-ui';
import { forkJoin } from 'rxjs';
import { fieldErrors, isNetworkError, problemCode } from '../../../core/http/problem';
import { localTimeRounded, localToday, newIdempotencyKey } from '../../../core/http/local-time';
import { I18nService } from '../../../core/i18n/i18n.service';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import { ContactFormComponent } from '../components/contact-form';
import { minutesOf, usualContactForm, weekNumber } from '../course-view';
import { CoursesApiService } from '../courses-api.service';

/** Minutes a new contact starts with: most contacts are under an hour (study: 75 %). */
export const DEFAULT_CONTACT_MINUTES = 45;
/** How many recent contacts decide the citizen's usual form. */
const RECENT_CONTACTS = 20;

type SaveError =
  'network' | 'notActive' | 'alreadySaved' | 'handoverNotAcknowledged' | 'failed' | 'fields' | null;

/** The defaults of a new contact: today, now (down to 5 minutes), 45 minutes, the usual form, showed up. */
export function contactDefaults(form: ContactRequest['form'], now = new Date()): ContactRequest {
  return {
    contactDate: localToday(now),
    startTime: localTimeRounded(now),
    minutes: DEFAULT_CONTACT_MINUTES,
    form,
    showedUp: true,
    topics: [],
    help: [],
  };
}

/**
 * Logs one contact for a course, from "Mine borgere" in one tap. One Idempotency-Key per form
 * instance: resubmitting after a network error reuses it, so the contact is stored only once.
 * If the form was changed before that resubmit, the server refuses the key for the different
 * contact; the page then sends it once more under a fresh key, as the new contact it is.
 */
@Component({
  selector: 'app-log-contact-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    BudgetBar,
    ErrorMessage,
    Loading,
    PageHeader,
    MatButtonModule,
    RouterLink,
    ContactFormComponent,
    TranslatePipe,
  ],
  template: `
    <ui-page-header
      [title]="'logContact.title' | t"
      [subtitle]="course() ? ('logContact.subtitle' | t: { name: course()!.citizenName }) : null"
    >
      @if (loading()) {
        <ui-loading [label]="'common.loading' | t" />
      }
    </ui-page-header>

    @if (loadFailed()) {
      <ui-error-message
        data-testid="log-contact-load-error"
        [message]="'common.loadFailed' | t"
        [retryLabel]="'common.retry' | t"
        (retry)="load()"
      />
    }

    @if (course(); as course) {
      @if (week(); as week) {
        <section class="week" [attr.aria-label]="'logContact.weekBudget' | t">
          <ui-budget-bar
            data-testid="log-contact-week"
            [logged]="week.loggedMinutes"
            [granted]="week.grantedMinutes"
            [label]="'budget.week' | t: { week: weekNo(week) }"
            [valueText]="weekText()"
          />
        </section>
      }

      @if (saved()) {
        <div class="saved" data-testid="log-contact-saved">
          <p class="saved-text">{{ 'logContact.saved' | t }}</p>
          <div class="saved-actions">
            <a mat-flat-button routerLink="/my-citizens" data-testid="log-contact-back">{{
              'logContact.backToList' | t
            }}</a>
            <button mat-stroked-button type="button" data-testid="log-contact-another" (click)="another()">
              {{ 'logContact.another' | t }}
            </button>
          </div>
        </div>
      } @else if (course.status !== active) {
        <p data-testid="log-contact-not-active">{{ 'logContact.errors.notActive' | t }}</p>
      } @else if (initial(); as initial) {
        @if (saveError(); as error) {
          @if (error === 'handoverNotAcknowledged') {
            <div class="save-error handover" role="alert" data-testid="log-contact-handover">
              <p>{{ 'handover.logContact.blocked' | t }}</p>
              <a
                mat-flat-button
                data-testid="log-contact-open-handover"
                [routerLink]="['/courses', course.id, 'handover']"
              >
                {{ 'handover.logContact.open' | t }}
              </a>
            </div>
          } @else if (error !== 'fields') {
            <ui-error-message
              class="save-error"
              data-testid="log-contact-error"
              [message]="'logContact.errors.' + error | t"
              [detail]="
                error === 'network'
                  ? ('logContact.errors.networkDetail' | t)
                  : error === 'alreadySaved'
                    ? ('logContact.errors.alreadySavedDetail' | t)
                    : null
              "
            />
          }
        }
        <app-contact-form
          [initial]="initial"
          [minDate]="course.startsOn"
          [maxDate]="maxDate()"
          [serverErrors]="serverErrors()"
          [busy]="busy()"
          (save)="save($event)"
        >
          <a mat-button [routerLink]="['/courses', course.id]">{{ 'logContact.openCourse' | t }}</a>
        </app-contact-form>
      }
    }
  `,
  styles: `
    .week {
      max-width: 640px;
      margin-bottom: 16px;
    }
    .saved {
      max-width: 640px;
      padding: 16px;
      border-radius: 12px;
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    .saved-text {
      margin: 0 0 12px;
      font: var(--mat-sys-title-medium);
    }
    .saved-actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
    .save-error {
      max-width: 640px;
      margin-bottom: 12px;
    }
    .handover {
      padding: 12px 16px;
      border-radius: 8px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .handover p {
      margin: 0 0 8px;
    }
  `,
})
export class LogContactPage {
  private readonly api = inject(CoursesApiService);
  private readonly i18n = inject(I18nService);
  private readonly announcer = inject(LiveAnnouncer);
  private readonly destroyRef = inject(DestroyRef);

  /** The course id, from the route. */
  readonly id = input.required<string>();

  protected readonly active = CourseStatus.Active;
  protected readonly loading = signal(true);
  protected readonly loadFailed = signal(false);
  protected readonly course = signal<CourseDetail | null>(null);
  protected readonly initial = signal<ContactRequest | null>(null);
  protected readonly week = signal<WeekBudget | null>(null);
  protected readonly busy = signal(false);
  protected readonly saved = signal(false);
  protected readonly saveError = signal<SaveError>(null);
  protected readonly serverErrors = signal<Record<string, string[]>>({});

  /** Sent with every attempt of this form instance; a new one only for the next contact. */
  idempotencyKey = newIdempotencyKey();

  protected readonly maxDate = computed(() => {
    const today = localToday();
    const endsOn = this.course()?.endsOn;
    return endsOn && endsOn < today ? endsOn : today;
  });
  protected readonly weekText = computed(() => {
    const week = this.week();
    return week ? minutesOf(week.loggedMinutes, week.grantedMinutes, (k, p) => this.i18n.t(k, p)) : '';
  });

  constructor() {
    effect(() => {
      this.id();
      this.load();
    });
  }

  protected weekNo(week: WeekBudget): number {
    return weekNumber(week);
  }

  load(): void {
    const id = this.id();
    this.loading.set(true);
    this.loadFailed.set(false);
    forkJoin([this.api.get(id), this.api.contacts(id, RECENT_CONTACTS, 0)])
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: ([course, contacts]) => {
          this.course.set(course);
          this.week.set(course.thisWeek);
          // Without recent contacts the citizen's meeting preference, carried by the course, decides.
          this.initial.set(contactDefaults(usualContactForm(contacts.items, course.preferredMeetingPlace)));
          this.loading.set(false);
        },
        error: () => {
          this.loading.set(false);
          this.loadFailed.set(true);
        },
      });
  }

  protected save(request: ContactRequest): void {
    const course = this.course();
    if (!course || this.busy()) return;
    this.busy.set(true);
    this.saveError.set(null);
    this.serverErrors.set({});
    this.submit(course, request);
  }

  private submit(course: CourseDetail, request: ContactRequest): void {
    this.api
      .logContact(course.id, request, this.idempotencyKey)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (logged) => {
          this.busy.set(false);
          this.week.set(logged.week);
          this.saved.set(true);
          void this.announcer.announce(
            this.i18n.t('logContact.savedAnnouncement', {
              name: course.citizenName,
              week: weekNumber(logged.week),
              minutes: this.weekText(),
            }),
          );
        },
        error: (error: unknown) => {
          const code = problemCode(error);
          this.busy.set(false);
          // The first attempt was saved although its answer was lost, and the form was changed
          // since: sending the change as a new contact could count the meeting twice.
          if (code === 'contact.idempotency_key_reused') {
            this.saveError.set('alreadySaved');
            return;
          }
          // After a network error the same key goes with the retry; other errors keep it too,
          // since the server stored nothing for them.
          if (isNetworkError(error)) this.saveError.set('network');
          else if (code === 'contact.course_not_active') this.saveError.set('notActive');
          // The mentor must acknowledge the caseworker's handover packet before the first contact.
          else if (code === 'contact.handover_not_acknowledged')
            this.saveError.set('handoverNotAcknowledged');
          else {
            const fields = fieldErrors(error, (key) => this.i18n.t(key));
            if (Object.keys(fields).length) {
              this.serverErrors.set(fields);
              this.saveError.set('fields');
            } else this.saveError.set('failed');
          }
        },
      });
  }

  /** Ready for the next contact: new defaults and a new key. */
  protected another(): void {
    const initial = this.initial();
    this.idempotencyKey = newIdempotencyKey();
    this.saved.set(false);
    this.saveError.set(null);
    this.serverErrors.set({});
    if (initial) this.initial.set(contactDefaults(initial.form));
  }
}
