import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import {
  AbstractControl,
  FormBuilder,
  ReactiveFormsModule,
  ValidationErrors,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { MatSelectModule } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import {
  CreateCitizenRequest,
  isValidCpr,
  MEETING_PLACES,
  MeetingPlace,
  TARGET_GROUPS,
  TargetGroup,
} from '@mentor/domain';
import { ErrorMessage, PageHeader } from '@mentor/shared-ui';
import { applyServerErrors, controlErrorKey } from '../../../core/http/form-errors';
import { fieldErrors, problemCode } from '../../../core/http/problem';
import { I18nService } from '../../../core/i18n/i18n.service';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import { CitizensApiService } from '../citizens-api.service';

const PHONE_PATTERN = /^[+0-9 ()-]{4,40}$/;

function cprValidator(control: AbstractControl): ValidationErrors | null {
  const value = String(control.value ?? '').trim();
  return !value || isValidCpr(value) ? null : { cpr: true };
}

/** Registers a citizen (caseworker), then goes on to grant mentor support. */
@Component({
  selector: 'app-new-citizen-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatRadioModule,
    MatSelectModule,
    RouterLink,
    ErrorMessage,
    PageHeader,
    TranslatePipe,
  ],
  template: `
    <ui-page-header [title]="'citizenNew.title' | t" [subtitle]="'citizenNew.subtitle' | t" />

    @if (error(); as error) {
      <ui-error-message class="form-error" data-testid="citizen-error" [message]="error" />
    }

    <form [formGroup]="form" (ngSubmit)="submit()" novalidate class="form">
      <mat-form-field appearance="outline">
        <mat-label>{{ 'citizenNew.name' | t }}</mat-label>
        <input matInput formControlName="name" autocomplete="off" data-testid="citizen-name" />
        <mat-error>{{ errorOf('name') }}</mat-error>
      </mat-form-field>

      <mat-form-field appearance="outline">
        <mat-label>{{ 'citizenNew.cpr' | t }}</mat-label>
        <input
          matInput
          formControlName="cpr"
          autocomplete="off"
          inputmode="numeric"
          data-testid="citizen-cpr"
        />
        <mat-hint>{{ 'citizenNew.cprHint' | t }}</mat-hint>
        <mat-error>{{ errorOf('cpr') }}</mat-error>
      </mat-form-field>

      <mat-form-field appearance="outline">
        <mat-label>{{ 'citizenNew.phone' | t }}</mat-label>
        <input matInput type="tel" formControlName="phone" autocomplete="off" data-testid="citizen-phone" />
        <mat-error>{{ errorOf('phone') }}</mat-error>
      </mat-form-field>

      <mat-form-field appearance="outline">
        <mat-label>{{ 'citizenNew.email' | t }}</mat-label>
        <input matInput type="email" formControlName="email" autocomplete="off" data-testid="citizen-email" />
        <mat-error>{{ errorOf('email') }}</mat-error>
      </mat-form-field>

      <mat-form-field appearance="outline">
        <mat-label>{{ 'citizenNew.address' | t }}</mat-label>
        <input matInput formControlName="address" autocomplete="off" data-testid="citizen-address" />
        <mat-error>{{ errorOf('address') }}</mat-error>
      </mat-form-field>

      <fieldset class="group">
        <legend id="meeting-place-legend">{{ 'citizenNew.meetingPlace' | t }}</legend>
        <mat-radio-group
          formControlName="preferredMeetingPlace"
          aria-labelledby="meeting-place-legend"
          data-testid="citizen-meeting-place"
          class="radios"
        >
          @for (place of meetingPlaces; track place) {
            <mat-radio-button [value]="place">{{ 'meetingPlaces.' + place | t }}</mat-radio-button>
          }
        </mat-radio-group>
      </fieldset>

      <mat-form-field appearance="outline">
        <mat-label>{{ 'citizenNew.meetingPlaceReason' | t }}</mat-label>
        <textarea
          matInput
          rows="2"
          formControlName="meetingPlaceReason"
          data-testid="citizen-meeting-reason"
        ></textarea>
        <mat-error>{{ errorOf('meetingPlaceReason') }}</mat-error>
      </mat-form-field>

      <mat-form-field appearance="outline">
        <mat-label>{{ 'citizenNew.targetGroup' | t }}</mat-label>
        <mat-select formControlName="targetGroup" data-testid="citizen-target-group">
          @for (group of targetGroups; track group) {
            <mat-option [value]="group">{{ 'targetGroups.' + group | t }}</mat-option>
          }
        </mat-select>
      </mat-form-field>

      <div class="actions">
        <button mat-flat-button type="submit" data-testid="citizen-submit" [disabled]="busy()">
          {{ (busy() ? 'common.saving' : 'citizenNew.submit') | t }}
        </button>
        <a mat-button routerLink="/caseload">{{ 'common.cancel' | t }}</a>
      </div>
    </form>
  `,
  styles: `
    .form {
      display: flex;
      flex-direction: column;
      gap: 4px;
      max-width: 560px;
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
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
    .form-error {
      max-width: 560px;
      margin-bottom: 16px;
    }
  `,
})
export class NewCitizenPage {
  private readonly api = inject(CitizensApiService);
  private readonly router = inject(Router);
  private readonly i18n = inject(I18nService);

  protected readonly meetingPlaces = MEETING_PLACES;
  protected readonly targetGroups = TARGET_GROUPS;
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);

  readonly form = inject(FormBuilder).nonNullable.group({
    name: ['', [Validators.required, Validators.maxLength(200)]],
    cpr: ['', [Validators.required, cprValidator]],
    phone: ['', Validators.pattern(PHONE_PATTERN)],
    email: ['', [Validators.email, Validators.maxLength(200)]],
    address: ['', Validators.maxLength(300)],
    preferredMeetingPlace: [MeetingPlace.OutOfHome as MeetingPlace, Validators.required],
    meetingPlaceReason: ['', Validators.maxLength(500)],
    targetGroup: [TargetGroup.ActivityReadyCashBenefit30Plus as TargetGroup],
  });

  protected errorOf(field: keyof typeof this.form.controls): string {
    const error = controlErrorKey(this.form.controls[field]);
    if (!error) return '';
    return error.text ?? this.i18n.t(error.key ?? 'forms.errors.invalid');
  }

  protected submit(): void {
    this.form.markAllAsTouched();
    if (this.form.invalid || this.busy()) return;
    const value = this.form.getRawValue();
    const body: CreateCitizenRequest = {
      name: value.name.trim(),
      cpr: value.cpr.trim(),
      preferredMeetingPlace: value.preferredMeetingPlace,
      targetGroup: value.targetGroup,
    };
    if (value.phone.trim()) body.phone = value.phone.trim();
    if (value.email.trim()) body.email = value.email.trim();
    if (value.address.trim()) body.address = value.address.trim();
    if (value.meetingPlaceReason.trim()) body.meetingPlaceReason = value.meetingPlaceReason.trim();

    this.busy.set(true);
    this.error.set(null);
    this.api.create(body).subscribe({
      next: (citizen) =>
        void this.router.navigate(['/grants/new'], { queryParams: { citizenId: citizen.id } }),
      error: (error: unknown) => {
        this.busy.set(false);
        if (problemCode(error) === 'citizen.duplicate_cpr') {
          applyServerErrors(this.form, { cpr: [this.i18n.t('citizenNew.duplicateCpr')] });
          return;
        }
        const unplaced = applyServerErrors(this.form, fieldErrors(error));
        const fields = Object.keys(fieldErrors(error)).length;
        if (!fields || unplaced.length) this.error.set(unplaced.join(' ') || this.i18n.t('forms.saveFailed'));
      },
    });
  }
}
