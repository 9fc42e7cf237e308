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
import { Router, RouterLink } from '@angular/router';
import { CreateCitizenRequest, isValidCpr } from '@mentor/domain';
import { ErrorMessage, PageHeader } from '@mentor/shared-ui';
import { applyServerErrors, controlErrorKey } from '../../../core/http/form-errors';
import { fieldErrors, problemCode } from '../../../core/http/problem';
import { I18nService } from '../../../core/i18n/i18n.service';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import { CitizensApiService } from '../citizens-api.service';
import { citizenDetailControls, CitizenFieldsComponent } from '../components/citizen-fields';

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
    CitizenFieldsComponent,
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
      <app-citizen-fields [group]="form">
        <mat-form-field afterName appearance="outline">
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
      </app-citizen-fields>

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

  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);

  readonly form = inject(FormBuilder).nonNullable.group({
    ...citizenDetailControls(),
    cpr: ['', [Validators.required, cprValidator]],
  });

  protected errorOf(field: 'cpr'): string {
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
        const errors = fieldErrors(error, (key) => this.i18n.t(key));
        const unplaced = applyServerErrors(this.form, errors);
        const fields = Object.keys(errors).length;
        if (!fields || unplaced.length) this.error.set(unplaced.join(' ') || this.i18n.t('forms.saveFailed'));
      },
    });
  }
}
