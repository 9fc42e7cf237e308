import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { FormBuilder, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { MatSelectModule } from '@angular/material/select';
import {
  BIRTH_YEAR_MIN,
  CAPACITY_MINUTES_MAX,
  EDUCATION_LEVELS,
  EducationLevel,
  EMAIL_MAX_LENGTH,
  EMPLOYEE_NUMBER_MAX_LENGTH,
  Gender,
  GENDERS,
  MENTOR_PROFILE_FIELDS,
  MENTOR_TYPES,
  MentorProfileFields,
  MentorType,
  PROFESSIONAL_BACKGROUNDS,
  ProfessionalBackground,
  SPECIALISATION_MAX_LENGTH,
  TARGET_GROUP_YEARS_MAX,
  UPSKILLING_TOPICS,
  UpskillingTopic,
} from '@mentor/domain';
import { ChipGroup, ChipOption } from '@mentor/shared-ui';
import { of, startWith, switchMap } from 'rxjs';
import { controlErrorKey } from '../../../core/http/form-errors';
import { I18nService } from '../../../core/i18n/i18n.service';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';

/** Yes, no or not recorded, for a nullable yes/no field in a radio group. */
export type YesNo = 'yes' | 'no' | '';

/** What the profile form holds: text as typed, capacity in hours, empty choices as ''. */
export interface ProfileFormValue {
  name: string;
  employeeNumber: string;
  email: string;
  mentorTypes: MentorType[];
  gender: Gender | '';
  birthYear: number | null;
  educationLevel: EducationLevel | '';
  professionalBackground: ProfessionalBackground | '';
  targetGroupExperience: YesNo;
  targetGroupExperienceYears: number | null;
  mentorSince: string;
  /** Comma-separated, as typed. */
  specialisations: string;
  capacityHoursPerWeek: number | null;
  upskillingWishes: UpskillingTopic[];
}

/** Which fields a form shows: every one (team leader) or those a mentor may suggest. */
export type ProfileFormMode = 'full' | 'suggest';

/** The form control of an API field, where the two differ (capacity is entered in hours). */
export function controlOf(field: string): string {
  return field === 'capacityMinutesPerWeek' ? 'capacityHoursPerWeek' : field;
}

/** Errors by API field as errors by form control. */
export function errorsByControl(errors: Record<string, string[]>): Record<string, string[]> {
  return Object.fromEntries(Object.entries(errors).map(([field, texts]) => [controlOf(field), texts]));
}

/** The controls of the profile form; the name only where it is kept (registering, the team leader's edit). */
export function profileControls(thisYear: number) {
  const fb = inject(FormBuilder).nonNullable;
  const whole = Validators.pattern(/^\d+$/);
  return {
    name: fb.control('', [Validators.required, Validators.maxLength(200)]),
    employeeNumber: fb.control('', Validators.maxLength(EMPLOYEE_NUMBER_MAX_LENGTH)),
    email: fb.control('', [Validators.email, Validators.maxLength(EMAIL_MAX_LENGTH)]),
    mentorTypes: fb.control<MentorType[]>([]),
    gender: fb.control<Gender | ''>(''),
    birthYear: fb.control<number | null>(null, [
      Validators.min(BIRTH_YEAR_MIN),
      Validators.max(thisYear),
      whole,
    ]),
    educationLevel: fb.control<EducationLevel | ''>(''),
    professionalBackground: fb.control<ProfessionalBackground | ''>(''),
    targetGroupExperience: fb.control<YesNo>(''),
    targetGroupExperienceYears: fb.control<number | null>(null, [
      Validators.min(0),
      Validators.max(TARGET_GROUP_YEARS_MAX),
      whole,
    ]),
    mentorSince: fb.control(''),
    specialisations: fb.control(''),
    capacityHoursPerWeek: fb.control<number | null>(null, [
      Validators.min(0),
      Validators.max(CAPACITY_MINUTES_MAX / 60),
    ]),
    upskillingWishes: fb.control<UpskillingTopic[]>([]),
  };
}

export type ProfileControls = ReturnType<typeof profileControls>;

const yesNo = (value: boolean | null): YesNo => (value === null ? '' : value ? 'yes' : 'no');

/** The form's values of a stored profile. */
export function profileFormValue(fields: MentorProfileFields, name = ''): ProfileFormValue {
  return {
    name,
    employeeNumber: fields.employeeNumber ?? '',
    email: fields.email ?? '',
    mentorTypes: [...fields.mentorTypes],
    gender: fields.gender ?? '',
    birthYear: fields.birthYear,
    educationLevel: fields.educationLevel ?? '',
    professionalBackground: fields.professionalBackground ?? '',
    targetGroupExperience: yesNo(fields.targetGroupExperience),
    targetGroupExperienceYears: fields.targetGroupExperienceYears,
    mentorSince: fields.mentorSince ?? '',
    specialisations: fields.specialisations.join(', '),
    capacityHoursPerWeek:
      fields.capacityMinutesPerWeek === null
        ? null
        : Math.round((fields.capacityMinutesPerWeek / 60) * 100) / 100,
    upskillingWishes: [...fields.upskillingWishes],
  };
}

const blankToNull = (value: string) => (value.trim() === '' ? null : value.trim());
const numberOrNull = (value: number | string | null) =>
  value === null || String(value).trim() === '' ? null : Number(value);

/** Specialisations as typed ("ADHD, angst; misbrug") as a list: trimmed, no blanks, no repeats. */
export function splitSpecialisations(text: string): string[] {
  const seen = new Set<string>();
  return text
    .split(/[,;\n]/)
    .map((item) => item.trim())
    .filter((item) => item !== '' && !seen.has(item.toLowerCase()) && !!seen.add(item.toLowerCase()));
}

/**
 * The profile a form describes, as the API stores it: empty text as null, capacity in minutes, the
 * years of target-group experience only with that experience.
 */
export function profileFieldsOf(value: ProfileFormValue): MentorProfileFields {
  const hours = numberOrNull(value.capacityHoursPerWeek);
  const experience = value.targetGroupExperience === '' ? null : value.targetGroupExperience === 'yes';
  return {
    employeeNumber: blankToNull(value.employeeNumber),
    email: blankToNull(value.email)?.toLowerCase() ?? null,
    gender: value.gender || null,
    birthYear: numberOrNull(value.birthYear),
    educationLevel: value.educationLevel || null,
    professionalBackground: value.professionalBackground || null,
    targetGroupExperience: experience,
    targetGroupExperienceYears: experience ? numberOrNull(value.targetGroupExperienceYears) : null,
    mentorSince: blankToNull(value.mentorSince),
    mentorTypes: MENTOR_TYPES.filter((type) => value.mentorTypes.includes(type)),
    specialisations: splitSpecialisations(value.specialisations),
    capacityMinutesPerWeek: hours === null ? null : Math.round(hours * 60),
    upskillingWishes: UPSKILLING_TOPICS.filter((topic) => value.upskillingWishes.includes(topic)),
  };
}

/** The stored fields of a profile (without who and where), as the form would send them. */
export function fieldsOfProfile(profile: MentorProfileFields): MentorProfileFields {
  const fields = Object.fromEntries(MENTOR_PROFILE_FIELDS.map((key) => [key, profile[key]]));
  return fields as unknown as MentorProfileFields;
}

function same(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => v === b[i]);
  return a === b;
}

/** The fields (of `only`, else all) whose value differs from the stored profile: what a change sends. */
export function profileChanges(
  current: MentorProfileFields,
  next: MentorProfileFields,
  only: readonly (keyof MentorProfileFields)[] = MENTOR_PROFILE_FIELDS,
): Partial<MentorProfileFields> {
  const changes: Partial<MentorProfileFields> = {};
  for (const key of only) {
    if (!same(current[key], next[key])) Object.assign(changes, { [key]: next[key] });
  }
  return changes;
}

/** Client-side range messages of the number fields, in place of the generic "too high". */
const RANGE_KEYS: Partial<Record<keyof ProfileControls, string>> = {
  birthYear: 'workforce.profile.birthYearRange',
  targetGroupExperienceYears: 'workforce.profile.yearsRange',
  capacityHoursPerWeek: 'workforce.profile.capacityRange',
};

/**
 * The fields of a mentor profile inside a parent's form holding {@link profileControls}: every
 * field for a team leader, the suggestible ones for a mentor (`mode="suggest"`). The name only with
 * `withName`. Test ids: `profile-<control>`.
 */
@Component({
  selector: 'app-profile-fields',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatFormFieldModule,
    MatInputModule,
    MatRadioModule,
    MatSelectModule,
    ChipGroup,
    TranslatePipe,
  ],
  template: `
    <ng-container [formGroup]="group()">
      @if (withName()) {
        <mat-form-field appearance="outline">
          <mat-label>{{ 'workforce.profile.name' | t }}</mat-label>
          <input matInput formControlName="name" autocomplete="off" data-testid="profile-name" />
          <mat-error>{{ errorOf('name') }}</mat-error>
        </mat-form-field>
      }
      <ng-content select="[afterName]" />

      @if (mode() === 'full') {
        <div class="row">
          <mat-form-field appearance="outline">
            <mat-label>{{ 'workforce.profile.employeeNumber' | t }}</mat-label>
            <input
              matInput
              formControlName="employeeNumber"
              autocomplete="off"
              data-testid="profile-employeeNumber"
            />
            <mat-error>{{ errorOf('employeeNumber') }}</mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>{{ 'workforce.profile.email' | t }}</mat-label>
            <input
              matInput
              type="email"
              formControlName="email"
              autocomplete="off"
              data-testid="profile-email"
            />
            <mat-error>{{ errorOf('email') }}</mat-error>
          </mat-form-field>
        </div>
        <ui-chip-group
          formControlName="mentorTypes"
          data-testid="profile-mentorTypes"
          [legend]="'workforce.profile.mentorTypes' | t"
          [options]="mentorTypeOptions()"
          [error]="errorOf('mentorTypes') || null"
        />
        <mat-form-field appearance="outline">
          <mat-label>{{ 'workforce.profile.capacity' | t }}</mat-label>
          <input
            matInput
            type="number"
            inputmode="decimal"
            min="0"
            [max]="capacityMaxHours"
            step="0.5"
            formControlName="capacityHoursPerWeek"
            data-testid="profile-capacityHoursPerWeek"
          />
          <mat-hint>{{ 'workforce.profile.capacityHint' | t }}</mat-hint>
          <mat-error>{{ errorOf('capacityHoursPerWeek') }}</mat-error>
        </mat-form-field>
      }

      <div class="row">
        <mat-form-field appearance="outline">
          <mat-label>{{ 'workforce.profile.gender' | t }}</mat-label>
          <mat-select formControlName="gender" data-testid="profile-gender">
            <mat-option value="">{{ 'workforce.notRecorded' | t }}</mat-option>
            @for (gender of genders; track gender) {
              <mat-option [value]="gender">{{ 'genders.' + gender | t }}</mat-option>
            }
          </mat-select>
          <mat-error>{{ errorOf('gender') }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'workforce.profile.birthYear' | t }}</mat-label>
          <input
            matInput
            type="number"
            inputmode="numeric"
            [min]="birthYearMin"
            [max]="thisYear()"
            formControlName="birthYear"
            data-testid="profile-birthYear"
          />
          <mat-error>{{ errorOf('birthYear') }}</mat-error>
        </mat-form-field>
      </div>

      <mat-form-field appearance="outline">
        <mat-label>{{ 'workforce.profile.educationLevel' | t }}</mat-label>
        <mat-select formControlName="educationLevel" data-testid="profile-educationLevel">
          <mat-option value="">{{ 'workforce.notRecorded' | t }}</mat-option>
          @for (level of educationLevels; track level) {
            <mat-option [value]="level">{{ 'educationLevels.' + level | t }}</mat-option>
          }
        </mat-select>
        <mat-error>{{ errorOf('educationLevel') }}</mat-error>
      </mat-form-field>

      <mat-form-field appearance="outline">
        <mat-label>{{ 'workforce.profile.professionalBackground' | t }}</mat-label>
        <mat-select formControlName="professionalBackground" data-testid="profile-professionalBackground">
          <mat-option value="">{{ 'workforce.notRecorded' | t }}</mat-option>
          @for (background of backgrounds; track background) {
            <mat-option [value]="background">{{ 'professionalBackgrounds.' + background | t }}</mat-option>
          }
        </mat-select>
        <mat-error>{{ errorOf('professionalBackground') }}</mat-error>
      </mat-form-field>

      <fieldset class="group">
        <legend [id]="experienceLegendId">{{ 'workforce.profile.targetGroupExperience' | t }}</legend>
        <mat-radio-group
          formControlName="targetGroupExperience"
          class="radios"
          data-testid="profile-targetGroupExperience"
          [attr.aria-labelledby]="experienceLegendId"
        >
          <mat-radio-button value="yes">{{ 'common.yes' | t }}</mat-radio-button>
          <mat-radio-button value="no">{{ 'common.no' | t }}</mat-radio-button>
          <mat-radio-button value="">{{ 'workforce.notRecorded' | t }}</mat-radio-button>
        </mat-radio-group>
      </fieldset>
      @if (experienced()) {
        <mat-form-field appearance="outline">
          <mat-label>{{ 'workforce.profile.targetGroupExperienceYears' | t }}</mat-label>
          <input
            matInput
            type="number"
            inputmode="numeric"
            min="0"
            [max]="yearsMax"
            formControlName="targetGroupExperienceYears"
            data-testid="profile-targetGroupExperienceYears"
          />
          <mat-error>{{ errorOf('targetGroupExperienceYears') }}</mat-error>
        </mat-form-field>
      }

      <mat-form-field appearance="outline">
        <mat-label>{{ 'workforce.profile.mentorSince' | t }}</mat-label>
        <input matInput type="date" formControlName="mentorSince" data-testid="profile-mentorSince" />
        <mat-error>{{ errorOf('mentorSince') }}</mat-error>
      </mat-form-field>

      <mat-form-field appearance="outline">
        <mat-label>{{ 'workforce.profile.specialisations' | t }}</mat-label>
        <input
          matInput
          formControlName="specialisations"
          autocomplete="off"
          data-testid="profile-specialisations"
        />
        <mat-hint>{{ 'workforce.profile.specialisationsHint' | t: { max: specialisationMax } }}</mat-hint>
        <mat-error>{{ errorOf('specialisations') }}</mat-error>
      </mat-form-field>

      <ui-chip-group
        formControlName="upskillingWishes"
        data-testid="profile-upskillingWishes"
        [legend]="'workforce.profile.upskillingWishes' | t"
        [options]="topicOptions()"
        [error]="errorOf('upskillingWishes') || null"
      />
    </ng-container>
  `,
  styles: `
    :host {
      display: contents;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: 0 12px;
    }
    .row > mat-form-field {
      flex: 1 1 200px;
    }
    .group {
      margin: 0 0 16px;
      padding: 0;
      border: 0;
    }
    .group legend {
      margin-bottom: 4px;
      font: var(--mat-sys-title-small);
    }
    .radios {
      display: flex;
      flex-wrap: wrap;
      gap: 0 16px;
    }
  `,
})
export class ProfileFieldsComponent {
  private readonly i18n = inject(I18nService);
  private static nextId = 0;

  /** The parent's form, holding the controls of {@link profileControls}. */
  readonly group = input.required<FormGroup>();
  readonly mode = input<ProfileFormMode>('full');
  /** Show the name field (it is the team leader's; a mentor does not suggest it). */
  readonly withName = input(false);
  readonly thisYear = input.required<number>();

  protected readonly genders = GENDERS;
  protected readonly educationLevels = EDUCATION_LEVELS;
  protected readonly backgrounds = PROFESSIONAL_BACKGROUNDS;
  protected readonly birthYearMin = BIRTH_YEAR_MIN;
  protected readonly yearsMax = TARGET_GROUP_YEARS_MAX;
  protected readonly capacityMaxHours = CAPACITY_MINUTES_MAX / 60;
  protected readonly specialisationMax = SPECIALISATION_MAX_LENGTH;
  protected readonly experienceLegendId = `profile-experience-${ProfileFieldsComponent.nextId++}`;

  protected readonly mentorTypeOptions = computed((): ChipOption[] => {
    this.i18n.lang();
    return MENTOR_TYPES.map((type) => ({ value: type, label: this.i18n.t(`mentorTypes.${type}`) }));
  });
  protected readonly topicOptions = computed((): ChipOption[] => {
    this.i18n.lang();
    return UPSKILLING_TOPICS.map((topic) => ({
      value: topic,
      label: this.i18n.t(`upskillingTopics.${topic}`),
    }));
  });

  // The years field shows only with experience; it follows resets from the parent too.
  private readonly experience = toSignal(
    toObservable(this.group).pipe(
      switchMap((group) => {
        const control = group.get('targetGroupExperience');
        return control ? control.valueChanges.pipe(startWith(control.value as YesNo)) : of<YesNo>('');
      }),
    ),
    { initialValue: '' as YesNo },
  );

  protected readonly experienced = computed(() => this.experience() === 'yes');

  /** The first error of a field in words: the server's, else the client check's. */
  protected errorOf(control: keyof ProfileControls): string {
    const c = this.group().get(control);
    const error = c ? controlErrorKey(c) : null;
    if (!error) return '';
    if (error.text) return error.text;
    const range = RANGE_KEYS[control];
    if (range && error.key !== 'forms.errors.required')
      return this.i18n.t(range, { min: BIRTH_YEAR_MIN, max: this.thisYear() });
    return this.i18n.t(error.key ?? 'forms.errors.invalid');
  }
}
