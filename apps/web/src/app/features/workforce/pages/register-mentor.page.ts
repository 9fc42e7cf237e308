import { ChangeDetectionStrategy, Component, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { Router, RouterLink } from '@angular/router';
import {
  MENTOR_PASSWORD_MIN_LENGTH,
  MentorProfileFields,
  PASSWORD_MAX_LENGTH,
  RegisterMentorRequest,
  toFieldErrors,
  USERNAME_MAX_LENGTH,
  validateProfile,
} from '@mentor/domain';
import { ErrorMessage, PageHeader } from '@mentor/shared-ui';
import { AuthService } from '../../../core/auth/auth.service';
import { applyServerErrors, controlErrorKey } from '../../../core/http/form-errors';
import { localToday } from '../../../core/http/local-time';
import { fieldErrors, translateFieldErrors } from '../../../core/http/problem';
import { I18nService } from '../../../core/i18n/i18n.service';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import {
  errorsByControl,
  profileChanges,
  profileControls,
  ProfileFieldsComponent,
  profileFieldsOf,
} from '../components/profile-fields';
import { WorkforceApiService } from '../workforce-api.service';

/** Nothing recorded: what a new mentor's profile is compared with, so only filled fields are sent. */
export const EMPTY_PROFILE: MentorProfileFields = {
  employeeNumber: null,
  email: null,
  gender: null,
  birthYear: null,
  educationLevel: null,
  professionalBackground: null,
  targetGroupExperience: null,
  targetGroupExperienceYears: null,
  mentorSince: null,
  mentorTypes: [],
  specialisations: [],
  capacityMinutesPerWeek: null,
  upskillingWishes: [],
};

const USERNAME_PATTERN = /^[A-Za-z0-9._@-]+$/;

/**
 * "Registrer ny mentor": a team leader creates a mentor of their own organisation (a user who
 * signs in with the username and the first password given here) with a profile, then goes on to
 * the mentor's page to record training and certification.
 */
@Component({
  selector: 'app-register-mentor-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    RouterLink,
    ErrorMessage,
    PageHeader,
    ProfileFieldsComponent,
    TranslatePipe,
  ],
  template: `
    <ui-page-header
      [title]="'workforce.registerPage.title' | t"
      [subtitle]="'workforce.registerPage.subtitle' | t: { organisation: organisationName }"
    />
    @if (error(); as error) {
      <ui-error-message class="box" data-testid="register-error" [message]="error" />
    }
    <form class="form" novalidate [formGroup]="form" (ngSubmit)="submit()">
      <app-profile-fields [group]="form" [withName]="true" [thisYear]="thisYear">
        <div afterName class="row">
          <mat-form-field appearance="outline">
            <mat-label>{{ 'workforce.registerPage.username' | t }}</mat-label>
            <input matInput autocomplete="off" formControlName="username" data-testid="register-username" />
            <mat-hint>{{ 'workforce.registerPage.usernameHint' | t }}</mat-hint>
            <mat-error>{{ errorOf('username') }}</mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>{{ 'workforce.registerPage.password' | t }}</mat-label>
            <input
              matInput
              type="password"
              autocomplete="new-password"
              formControlName="password"
              data-testid="register-password"
            />
            <mat-hint>{{ 'workforce.password.length' | t: { min: passwordMin } }}</mat-hint>
            <mat-error>{{ errorOf('password') }}</mat-error>
          </mat-form-field>
        </div>
      </app-profile-fields>
      <div class="buttons">
        <button mat-flat-button type="submit" data-testid="register-submit" [disabled]="busy()">
          {{ (busy() ? 'common.saving' : 'workforce.registerPage.submit') | t }}
        </button>
        <a mat-button routerLink="/workforce">{{ 'common.cancel' | t }}</a>
      </div>
    </form>
  `,
  styles: `
    .box {
      display: block;
      max-width: 640px;
      margin: 0 0 16px;
    }
    .form {
      display: flex;
      flex-direction: column;
      gap: 4px;
      max-width: 640px;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: 0 12px;
    }
    .row > mat-form-field {
      flex: 1 1 200px;
    }
    .buttons {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
  `,
})
export class RegisterMentorPage {
  private readonly api = inject(WorkforceApiService);
  private readonly i18n = inject(I18nService);
  private readonly router = inject(Router);
  private readonly destroyRef = inject(DestroyRef);
  private readonly fb = inject(FormBuilder).nonNullable;

  protected readonly organisationName = inject(AuthService).user()?.organisationName ?? '';
  protected readonly thisYear = Number(localToday().slice(0, 4));
  protected readonly passwordMin = MENTOR_PASSWORD_MIN_LENGTH;
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);

  // The account fields sit beside the profile's controls, so the API's errors find them by name.
  readonly form = this.fb.group({
    ...profileControls(this.thisYear),
    username: this.fb.control('', [
      Validators.required,
      Validators.maxLength(USERNAME_MAX_LENGTH),
      Validators.pattern(USERNAME_PATTERN),
    ]),
    password: this.fb.control('', [
      Validators.required,
      Validators.minLength(MENTOR_PASSWORD_MIN_LENGTH),
      Validators.maxLength(PASSWORD_MAX_LENGTH),
    ]),
  });

  protected errorOf(field: 'username' | 'password'): string {
    const control = this.form.controls[field];
    const error = controlErrorKey(control);
    if (!error) return '';
    if (error.text) return error.text;
    if (error.key === 'forms.errors.required') return this.i18n.t(error.key);
    if (field === 'password')
      return this.i18n.t('workforce.password.length', { min: MENTOR_PASSWORD_MIN_LENGTH });
    return this.i18n.t('validation.fields.username.matches');
  }

  protected submit(): void {
    const group = this.form;
    group.markAllAsTouched();
    if (group.invalid || this.busy()) return;
    const { username, password, ...value } = group.getRawValue();
    const changes = profileChanges(EMPTY_PROFILE, profileFieldsOf(value));
    const violations = validateProfile(changes, localToday());
    const t = (key: string) => this.i18n.t(key);
    if (violations.length) {
      applyServerErrors(group, errorsByControl(translateFieldErrors(toFieldErrors(violations), t)));
      return;
    }
    const body: RegisterMentorRequest = {
      ...changes,
      name: value.name.trim(),
      username: username.trim(),
      password,
    };
    this.busy.set(true);
    this.error.set(null);
    this.api
      .register(body)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (record) =>
          void this.router.navigate(['/workforce/mentors', record.profile.mentorId], {
            queryParams: { registered: 1 },
          }),
        error: (error: unknown) => {
          this.busy.set(false);
          const errors = errorsByControl(fieldErrors(error, t));
          const unplaced = applyServerErrors(group, errors);
          if (!Object.keys(errors).length || unplaced.length)
            this.error.set(unplaced.join(' ') || this.i18n.t('forms.saveFailed'));
        },
      });
  }
}
