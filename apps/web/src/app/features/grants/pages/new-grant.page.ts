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
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import {
  AbstractControl,
  FormBuilder,
  ReactiveFormsModule,
  ValidationErrors,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { MatSelectModule } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import {
  addDays,
  CitizenSummary,
  CreateGrantRequest,
  GRANT_MINUTES_PER_WEEK_MAX,
  MENTOR_TYPES,
  MentorOption,
  MentorType,
  OrganisationSummary,
} from '@mentor/domain';
import { ErrorMessage, PageHeader } from '@mentor/shared-ui';
import { catchError, debounceTime, distinctUntilChanged, map, of, switchMap } from 'rxjs';
import { applyServerErrors, controlErrorKey } from '../../../core/http/form-errors';
import { localToday } from '../../../core/http/local-time';
import { fieldErrors } from '../../../core/http/problem';
import { I18nService } from '../../../core/i18n/i18n.service';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import { CitizensApiService } from '../../citizens/citizens-api.service';
import { OrganisationsApiService } from '../../organisations/organisations-api.service';
import { MentorCandidate } from '../../workforce/components/mentor-candidate';
import { mentorLoadText } from '../../workforce/workforce-view';
import { formatLocalDate } from '../../../core/i18n/local-date.pipe';
import { grantPeriodError, maxGrantEnd } from '../grant-rules';
import { GrantsApiService } from '../grants-api.service';

const DEFAULT_MINUTES_PER_WEEK = 60;
const DEFAULT_REPORTING_WEEKS = 4;
const SEARCH_DELAY_MS = 300;

function periodValidator(group: AbstractControl): ValidationErrors | null {
  const endsOn = group.get('endsOn');
  const error = grantPeriodError(group.get('startsOn')?.value as string, endsOn?.value as string);
  if (!endsOn) return null;
  // Kept on the end date so the message shows beside it.
  const { endsOn: _a, endsBeforeStart: _b, ...others } = endsOn.errors ?? {};
  const next = error ? { ...others, [error]: true } : others;
  if (JSON.stringify(next) !== JSON.stringify(endsOn.errors ?? {})) {
    endsOn.setErrors(Object.keys(next).length ? next : null);
  }
  return null;
}

/**
 * A new mentor grant (and its course) for a citizen; with `renews` a renewal prefilled from the
 * grant it follows. Goes to the course page afterwards.
 */
@Component({
  selector: 'app-new-grant-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatRadioModule,
    MatSelectModule,
    RouterLink,
    ErrorMessage,
    MentorCandidate,
    PageHeader,
    TranslatePipe,
  ],
  templateUrl: './new-grant.page.html',
  styleUrl: './new-grant.page.scss',
})
export class NewGrantPage {
  private readonly grants = inject(GrantsApiService);
  private readonly citizens = inject(CitizensApiService);
  private readonly organisations = inject(OrganisationsApiService);
  private readonly router = inject(Router);
  private readonly i18n = inject(I18nService);
  private readonly destroyRef = inject(DestroyRef);
  private readonly fb = inject(FormBuilder).nonNullable;

  /** Query parameter: the citizen the grant is for. */
  readonly citizenId = input<string | undefined>(undefined);
  /** Query parameter: the grant this one renews. */
  readonly renews = input<string | undefined>(undefined);

  protected readonly mentorTypes = MENTOR_TYPES;
  protected readonly minutesMax = GRANT_MINUTES_PER_WEEK_MAX;
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly citizen = signal<CitizenSummary | null>(null);
  protected readonly mentors = signal<MentorOption[]>([]);
  protected readonly citizenSearch = signal('');
  protected readonly orgChoices = toSignal(
    this.organisations.choices().pipe(
      map((page) => page.items),
      catchError(() => of([] as OrganisationSummary[])),
    ),
    { initialValue: [] as OrganisationSummary[] },
  );
  protected readonly searchResults = toSignal(
    toObservable(this.citizenSearch).pipe(
      debounceTime(SEARCH_DELAY_MS),
      distinctUntilChanged(),
      switchMap((search) =>
        search.trim().length < 2
          ? of(null)
          : this.citizens.search(search.trim()).pipe(
              map((page) => page.items),
              catchError(() => of([] as CitizenSummary[])),
            ),
      ),
    ),
    { initialValue: null },
  );

  private readonly today = localToday();
  readonly form = this.fb.group(
    {
      citizenId: ['', Validators.required],
      mentorType: [MentorType.Holistic as MentorType, Validators.required],
      purpose: ['', [Validators.required, Validators.maxLength(4000)]],
      tasks: ['', [Validators.required, Validators.maxLength(4000)]],
      goals: this.fb.array([this.fb.control('', [Validators.required, Validators.maxLength(500)])]),
      minutesPerWeek: [
        DEFAULT_MINUTES_PER_WEEK as number | null,
        [
          Validators.required,
          Validators.min(1),
          Validators.max(GRANT_MINUTES_PER_WEEK_MAX),
          Validators.pattern(/^\d+$/),
        ],
      ],
      startsOn: [this.today, Validators.required],
      endsOn: [maxGrantEnd(this.today), Validators.required],
      deliveringOrganisationId: ['', Validators.required],
      mentorId: [''],
      reportingIntervalWeeks: [
        DEFAULT_REPORTING_WEEKS as number | null,
        [Validators.min(1), Validators.max(26), Validators.pattern(/^\d+$/)],
      ],
    },
    { validators: periodValidator },
  );

  private readonly mentorId = toSignal(this.form.controls.mentorId.valueChanges, { initialValue: '' });
  /** The candidate chosen, with their load and certification. */
  protected readonly chosenMentor = computed(
    () => this.mentors().find((mentor) => mentor.id === this.mentorId()) ?? null,
  );

  constructor() {
    effect(() => {
      const id = this.citizenId();
      if (id) untracked(() => this.loadCitizen(id));
    });
    effect(() => {
      const renews = this.renews();
      if (renews) untracked(() => this.prefillRenewal(renews));
    });
    this.form.controls.deliveringOrganisationId.valueChanges
      .pipe(
        distinctUntilChanged(),
        switchMap((orgId) => {
          this.mentors.set([]);
          this.form.controls.mentorId.setValue('');
          return orgId
            ? this.organisations.mentors(orgId).pipe(catchError(() => of([] as MentorOption[])))
            : of([]);
        }),
        takeUntilDestroyed(),
      )
      .subscribe((mentors) => this.mentors.set(mentors));
  }

  protected get goals() {
    return this.form.controls.goals;
  }

  protected addGoal(): void {
    this.goals.push(this.fb.control('', [Validators.required, Validators.maxLength(500)]));
  }

  protected removeGoal(index: number): void {
    if (this.goals.length > 1) this.goals.removeAt(index);
  }

  protected chooseCitizen(citizen: CitizenSummary): void {
    this.citizen.set(citizen);
    this.form.controls.citizenId.setValue(citizen.id);
  }

  protected clearCitizen(): void {
    this.citizen.set(null);
    this.form.controls.citizenId.setValue('');
  }

  /** Start date changed: keep the end at the longest period unless it was edited to something valid. */
  protected startChanged(): void {
    const { startsOn, endsOn } = this.form.getRawValue();
    if (startsOn && (!endsOn || grantPeriodError(startsOn, endsOn))) {
      this.form.controls.endsOn.setValue(maxGrantEnd(startsOn));
    }
  }

  /** "2 aktive forløb · 120 af 600 min/uge (20 %) · Certificeret". */
  protected loadText(mentor: MentorOption): string {
    return mentorLoadText(
      mentor,
      (key, params) => this.i18n.t(key, params),
      (date) => formatLocalDate(date, this.i18n.locale()),
    );
  }

  protected errorOf(control: AbstractControl): string {
    const error = controlErrorKey(control);
    if (!error) return '';
    return error.text ?? this.i18n.t(error.key ?? 'forms.errors.invalid');
  }

  protected submit(): void {
    this.form.markAllAsTouched();
    this.form.updateValueAndValidity();
    if (this.form.invalid || this.busy()) {
      if (this.form.controls.citizenId.invalid) this.error.set(this.i18n.t('grantNew.citizenRequired'));
      return;
    }
    const v = this.form.getRawValue();
    const body: CreateGrantRequest = {
      citizenId: v.citizenId,
      mentorType: v.mentorType,
      purpose: v.purpose.trim(),
      tasks: v.tasks.trim(),
      goals: v.goals.map((goal) => goal.trim()).filter(Boolean),
      minutesPerWeek: Number(v.minutesPerWeek),
      startsOn: v.startsOn,
      endsOn: v.endsOn,
      deliveringOrganisationId: v.deliveringOrganisationId,
    };
    if (v.reportingIntervalWeeks !== null && String(v.reportingIntervalWeeks) !== '') {
      body.reportingIntervalWeeks = Number(v.reportingIntervalWeeks);
    }
    if (v.mentorId) body.mentorId = v.mentorId;
    const renews = this.renews();
    if (renews) body.renewsGrantId = renews;

    this.busy.set(true);
    this.error.set(null);
    this.grants
      .create(body)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (grant) => void this.router.navigate(['/courses', grant.courseId]),
        error: (error: unknown) => {
          this.busy.set(false);
          const errors = fieldErrors(error, (key) => this.i18n.t(key));
          const unplaced = applyServerErrors(this.form, errors);
          if (!Object.keys(errors).length || unplaced.length) {
            this.error.set(unplaced.join(' ') || this.i18n.t('forms.saveFailed'));
          }
        },
      });
  }

  private loadCitizen(id: string): void {
    this.form.controls.citizenId.setValue(id);
    this.citizens
      .get(id)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (citizen) => this.citizen.set(citizen),
        error: () => this.error.set(this.i18n.t('grantNew.citizenLoadFailed')),
      });
  }

  private prefillRenewal(grantId: string): void {
    this.grants
      .get(grantId)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (grant) => {
          const startsOn = addDays(grant.endsOn, 1) > this.today ? addDays(grant.endsOn, 1) : this.today;
          const latest = [...grant.minutes]
            .sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom))
            .at(-1);
          const minutes = latest?.minutesPerWeek ?? DEFAULT_MINUTES_PER_WEEK;
          while (this.goals.length < Math.max(1, grant.goals.length)) this.addGoal();
          this.form.patchValue({
            mentorType: grant.mentorType,
            purpose: grant.purpose,
            tasks: grant.tasks,
            goals: grant.goals.map((goal) => goal.text),
            minutesPerWeek: minutes,
            startsOn,
            endsOn: maxGrantEnd(startsOn),
            deliveringOrganisationId: grant.deliveringOrganisationId,
            reportingIntervalWeeks: grant.reportingIntervalWeeks,
          });
          if (!this.citizenId()) this.loadCitizen(grant.citizenId);
        },
        error: () => this.error.set(this.i18n.t('grantNew.renewLoadFailed')),
      });
  }
}
