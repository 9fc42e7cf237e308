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
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import {
  FormBuilder,
  FormControl,
  FormGroup,
  FormsModule,
  ReactiveFormsModule,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import {
  COURSE_END_REASONS,
  ContactRequest,
  ContactView,
  CourseDetail,
  CourseEndReason,
  CourseStatus,
  GRANT_MINUTES_PER_WEEK_MAX,
  hasPermission,
  MentorOption,
  Permission,
  WeekBudget,
} from '@mentor/domain';
import {
  BudgetBar,
  ErrorMessage,
  FlagChips,
  Loading,
  PageHeader,
  WeekChart,
  WeekChartBar,
} from '@mentor/shared-ui';
import { catchError, forkJoin, Observable, of } from 'rxjs';
import { AuthService } from '../../../core/auth/auth.service';
import { applyServerErrors, controlErrorKey } from '../../../core/http/form-errors';
import { localToday } from '../../../core/http/local-time';
import { fieldErrors, problemCode } from '../../../core/http/problem';
import { I18nService } from '../../../core/i18n/i18n.service';
import { formatLocalDate, LocalDatePipe } from '../../../core/i18n/local-date.pipe';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import { CitizensApiService } from '../../citizens/citizens-api.service';
import { GrantsApiService } from '../../grants/grants-api.service';
import { OrganisationsApiService } from '../../organisations/organisations-api.service';
import { CourseReports } from '../../reports/components/course-reports';
import { MentorCandidate } from '../../workforce/components/mentor-candidate';
import { mentorLoadText } from '../../workforce/workforce-view';
import { HandoverBanner } from '../../handover/components/handover-banner';
import { ContactFormComponent } from '../components/contact-form';
import { CourseNav } from '../components/course-nav';
import { courseFlags, minutesOf, weekNumber } from '../course-view';
import { CoursesApiService } from '../courses-api.service';

const CONTACTS_PAGE = 10;

/** The contact being edited or corrected, with the values its form starts from (made once). */
type Editing = { contact: ContactView; mode: 'edit' | 'correct'; initial: ContactRequest };

/**
 * One course: citizen, grant, weekly budget, contact timeline and mentor history; the actions
 * each role may take (log, edit, correct; change mentor, pause, resume, end; renew, change minutes).
 */
@Component({
  selector: 'app-course-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    BudgetBar,
    ErrorMessage,
    FlagChips,
    Loading,
    PageHeader,
    WeekChart,
    ContactFormComponent,
    CourseReports,
    CourseNav,
    HandoverBanner,
    MentorCandidate,
    FormsModule,
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    RouterLink,
    TranslatePipe,
    LocalDatePipe,
  ],
  templateUrl: './course.page.html',
  styleUrl: './course.page.scss',
})
export class CoursePage {
  private readonly api = inject(CoursesApiService);
  private readonly citizens = inject(CitizensApiService);
  private readonly grants = inject(GrantsApiService);
  private readonly organisations = inject(OrganisationsApiService);
  private readonly i18n = inject(I18nService);
  private readonly announcer = inject(LiveAnnouncer);
  private readonly destroyRef = inject(DestroyRef);
  private readonly document = inject(DOCUMENT);
  private readonly injector = inject(Injector);
  protected readonly user = inject(AuthService).user;

  readonly id = input.required<string>();

  private readonly can = (permission: Permission) => {
    const role = this.user()?.role;
    return !!role && hasPermission(role, permission);
  };
  protected readonly canLog = computed(() => this.can(Permission.ContactsWrite));
  protected readonly canManage = computed(() => this.can(Permission.CoursesManage));
  protected readonly canGrant = computed(() => this.can(Permission.GrantsWrite));
  protected readonly canReveal = computed(() => this.can(Permission.CprReveal));
  protected readonly canEditCitizen = computed(() => this.can(Permission.CitizensWrite));
  protected readonly canReadAccessLog = computed(() => this.can(Permission.AccessLogRead));

  protected readonly statuses = CourseStatus;
  protected readonly endReasons = COURSE_END_REASONS;
  protected readonly loading = signal(true);
  protected readonly loadFailed = signal(false);
  protected readonly course = signal<CourseDetail | null>(null);
  protected readonly weeks = signal<WeekBudget[]>([]);
  protected readonly contacts = signal<ContactView[]>([]);
  protected readonly contactsTotal = signal(0);
  protected readonly revealedCpr = signal<string | null>(null);
  protected readonly mentors = signal<MentorOption[]>([]);
  protected readonly message = signal<{ kind: 'info' | 'error'; text: string } | null>(null);
  protected readonly busy = signal(false);
  protected readonly editing = signal<Editing | null>(null);
  protected readonly editErrors = signal<Record<string, string[]>>({});

  // Management form state.
  /** The mentor to assign; the API's refusal (`mentor.not_certified`) shows at this field. */
  protected readonly mentorControl = new FormControl('', { nonNullable: true });
  protected readonly chosenMentorId = toSignal(this.mentorControl.valueChanges, { initialValue: '' });
  /** The candidate chosen, with their load and certification. */
  protected readonly chosenMentor = computed(
    () => this.mentors().find((mentor) => mentor.id === this.chosenMentorId()) ?? null,
  );
  protected endReason: CourseEndReason | '' = '';
  protected readonly minutesMax = GRANT_MINUTES_PER_WEEK_MAX;
  /** New weekly minutes; the API checks the date against the grant period. */
  protected readonly minutesForm = inject(FormBuilder).nonNullable.group({
    minutesPerWeek: [
      null as number | null,
      [
        Validators.required,
        Validators.min(1),
        Validators.max(GRANT_MINUTES_PER_WEEK_MAX),
        Validators.pattern(/^\d+$/),
      ],
    ],
    effectiveFrom: [localToday(), Validators.required],
  });

  protected readonly flags = computed(() => {
    const course = this.course();
    return course ? courseFlags(course, (k, p) => this.i18n.t(k, p)) : [];
  });
  protected readonly weekText = computed(() => {
    const week = this.course()?.thisWeek;
    return week ? minutesOf(week.loggedMinutes, week.grantedMinutes, (k, p) => this.i18n.t(k, p)) : '';
  });
  protected readonly bars = computed((): WeekChartBar[] =>
    this.weeks().map((week) => ({
      label: this.i18n.t('budget.weekShort', { week: weekNumber(week) }),
      longLabel: this.i18n.t('budget.weekLong', {
        week: weekNumber(week),
        date: formatLocalDate(week.weekStart, this.i18n.locale()),
      }),
      granted: week.grantedMinutes,
      logged: week.loggedMinutes,
    })),
  );
  protected readonly chartTexts = computed(() => ({
    caption: this.i18n.t('course.chart.caption'),
    week: this.i18n.t('course.chart.week'),
    granted: this.i18n.t('course.chart.granted'),
    logged: this.i18n.t('course.chart.logged'),
    showTable: this.i18n.t('course.chart.showTable'),
    hideTable: this.i18n.t('course.chart.hideTable'),
  }));
  protected readonly minutesHistory = computed(() =>
    [...(this.course()?.grant.minutes ?? [])].sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom)),
  );

  constructor() {
    effect(() => {
      this.id();
      untracked(() => this.load());
    });
  }

  load(): void {
    const id = this.id();
    this.loading.set(true);
    this.loadFailed.set(false);
    this.editing.set(null);
    forkJoin([
      this.api.get(id),
      this.api.weeks(id).pipe(catchError(() => of([] as WeekBudget[]))),
      this.api.contacts(id, CONTACTS_PAGE, 0),
    ])
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: ([course, weeks, contacts]) => {
          this.course.set(course);
          this.weeks.set(weeks);
          this.contacts.set(contacts.items);
          this.contactsTotal.set(contacts.total);
          this.mentorControl.reset(course.mentorId ?? '');
          this.loading.set(false);
          if (this.canManage()) this.loadMentors(course.organisationId);
        },
        error: () => {
          this.loading.set(false);
          this.loadFailed.set(true);
        },
      });
  }

  protected moreContacts(): void {
    const course = this.course();
    if (!course) return;
    this.api
      .contacts(course.id, CONTACTS_PAGE, this.contacts().length)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (page) => {
          this.contacts.update((items) => [...items, ...page.items]);
          this.contactsTotal.set(page.total);
        },
        error: () => this.fail('common.loadFailed'),
      });
  }

  protected revealCpr(): void {
    const course = this.course();
    if (!course) return;
    this.citizens
      .revealCpr(course.citizenId)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: ({ cpr }) => {
          this.revealedCpr.set(cpr);
          // The button is gone: keep the keyboard user at the number it revealed.
          afterNextRender(() => this.document.getElementById('course-cpr')?.focus(), {
            injector: this.injector,
          });
        },
        error: () => this.fail('course.errors.revealFailed'),
      });
  }

  // --- contacts -----------------------------------------------------------------------------

  protected isOwn(contact: ContactView): boolean {
    return contact.createdBy === this.user()?.id;
  }

  /** The element id of a contact on the timeline, for "Rettet" to point at its correction. */
  protected contactAnchor(id: string): string {
    return `contact-${id}`;
  }

  /** Whether a contact is on the loaded part of the timeline. */
  protected isShown(id: string): boolean {
    return this.contacts().some((c) => c.id === id);
  }

  /** Moves focus (and so the view) to a contact, e.g. the correction that replaced another. */
  protected focusContact(id: string): void {
    this.document.getElementById(this.contactAnchor(id))?.focus();
  }

  protected startEdit(contact: ContactView, mode: Editing['mode']): void {
    this.editErrors.set({});
    // One object per edit: the form starts over whenever its `initial` changes.
    this.editing.set({ contact, mode, initial: this.initialOf(contact) });
  }

  private initialOf(contact: ContactView): ContactRequest {
    return {
      contactDate: contact.contactDate,
      startTime: contact.startTime,
      minutes: contact.minutes,
      form: contact.form,
      showedUp: contact.showedUp,
      topics: contact.topics,
      help: contact.help,
      note: contact.note ?? undefined,
      transportMinutes: contact.transportMinutes ?? undefined,
    };
  }

  protected stopEdit(): void {
    this.editing.set(null);
  }

  protected saveEdit(request: ContactRequest): void {
    const editing = this.editing();
    if (!editing) return;
    const call =
      editing.mode === 'edit'
        ? this.api.updateContact(editing.contact.id, { ...request, version: editing.contact.version })
        : this.api.correctContact(editing.contact.id, request);
    this.run(call, editing.mode === 'edit' ? 'course.contactUpdated' : 'course.contactCorrected', (error) => {
      const fields = fieldErrors(error, (key) => this.i18n.t(key));
      if (Object.keys(fields).length) {
        this.editErrors.set(fields);
        return true;
      }
      return false;
    });
  }

  protected deleteContact(contact: ContactView): void {
    if (!window.confirm(this.i18n.t('course.confirmDelete'))) return;
    this.run(this.api.deleteContact(contact.id, contact.version), 'course.contactDeleted');
  }

  // --- management ---------------------------------------------------------------------------

  protected changeMentor(): void {
    const course = this.course();
    const mentorId = this.mentorControl.value;
    if (!course || !mentorId || mentorId === course.mentorId) return;
    this.run(
      this.api.change(course.id, { mentorId, version: course.version }),
      'course.mentorChanged',
      (error) => {
        // A refused mentor (not certified where the municipality requires it) is said at the field.
        const messages = fieldErrors(error, (key) => this.i18n.t(key))['mentorId'];
        if (!messages?.length) return false;
        const text = messages.join(' ');
        this.mentorControl.setErrors({ server: text });
        this.mentorControl.markAsTouched();
        void this.announcer.announce(text);
        return true;
      },
    );
  }

  protected mentorError(): string {
    const error = controlErrorKey(this.mentorControl);
    return error?.text ?? (error?.key ? this.i18n.t(error.key) : '');
  }

  /** "2 aktive forløb · 120 af 600 min/uge (20 %) · Certificeret". */
  protected loadText(mentor: MentorOption): string {
    return mentorLoadText(
      mentor,
      (key, params) => this.i18n.t(key, params),
      (date) => formatLocalDate(date, this.i18n.locale()),
    );
  }

  protected setStatus(status: CourseStatus): void {
    const course = this.course();
    if (!course) return;
    if (status === CourseStatus.Ended && !this.endReason) {
      this.fail('course.errors.endReasonRequired');
      return;
    }
    const body =
      status === CourseStatus.Ended
        ? { status, endReason: this.endReason as CourseEndReason, version: course.version }
        : { status, version: course.version };
    this.run(this.api.change(course.id, body), `course.statusChanged.${status}`);
  }

  protected changeMinutes(): void {
    const course = this.course();
    this.minutesForm.markAllAsTouched();
    if (!course || this.minutesForm.invalid || this.busy()) return;
    const { minutesPerWeek, effectiveFrom } = this.minutesForm.getRawValue();
    this.run(
      this.grants.changeMinutes(course.grant.id, {
        minutesPerWeek: Number(minutesPerWeek),
        effectiveFrom,
        version: course.grant.version,
      }),
      'course.minutesChanged',
      (error) => this.placeFieldErrors(error, this.minutesForm),
    );
  }

  protected minutesError(field: 'minutesPerWeek' | 'effectiveFrom'): string {
    const error = controlErrorKey(this.minutesForm.controls[field]);
    if (!error) return '';
    if (error.text) return error.text;
    if (field === 'minutesPerWeek' && error.key !== 'forms.errors.required') {
      return this.i18n.t('course.errors.minutesRange');
    }
    return this.i18n.t(error.key ?? 'forms.errors.invalid');
  }

  /** Puts a 400's messages beside the form's fields; true when every one found its field. */
  private placeFieldErrors(error: unknown, form: FormGroup): boolean {
    const fields = fieldErrors(error, (key) => this.i18n.t(key));
    if (!Object.keys(fields).length) return false;
    const unplaced = applyServerErrors(form, fields);
    if (unplaced.length) this.message.set({ kind: 'error', text: unplaced.join(' ') });
    return true;
  }

  /** Runs a change; on success reloads and announces, on 409 reloads and says why. */
  private run(call: Observable<unknown>, doneKey: string, handle?: (error: unknown) => boolean): void {
    this.busy.set(true);
    this.message.set(null);
    call.pipe(takeUntilDestroyed(this.destroyRef)).subscribe({
      next: () => {
        this.busy.set(false);
        this.minutesForm.reset({ minutesPerWeek: null, effectiveFrom: localToday() });
        this.endReason = '';
        this.say('info', doneKey);
        this.load();
      },
      error: (error: unknown) => {
        this.busy.set(false);
        if (handle?.(error)) return;
        const code = problemCode(error);
        if (
          code === 'course.stale_version' ||
          code?.endsWith('stale_version') ||
          (error as { status?: number }).status === 409
        ) {
          this.say(
            'error',
            code === 'contact.already_corrected' ? 'course.errors.alreadyCorrected' : 'course.errors.stale',
          );
          this.load();
        } else if (code === 'contact.locked') {
          this.say('error', 'course.errors.locked');
          this.load();
        } else {
          const fields = fieldErrors(error, (key) => this.i18n.t(key));
          const detail = Object.values(fields).flat().join(' ');
          this.message.set({ kind: 'error', text: detail || this.i18n.t('forms.saveFailed') });
        }
      },
    });
  }

  private say(kind: 'info' | 'error', key: string): void {
    const text = this.i18n.t(key);
    this.message.set({ kind, text });
    void this.announcer.announce(text);
  }

  private fail(key: string): void {
    this.say('error', key);
  }

  private loadMentors(organisationId: string): void {
    this.organisations
      .mentors(organisationId)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({ next: (mentors) => this.mentors.set(mentors), error: () => this.mentors.set([]) });
  }
}
