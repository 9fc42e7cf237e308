import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { FormBuilder, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { MatSelectModule } from '@angular/material/select';
import { MEETING_PLACES, MeetingPlace, TARGET_GROUPS, TargetGroup } from '@mentor/domain';
import { controlErrorKey } from '../../../core/http/form-errors';
import { I18nService } from '../../../core/i18n/i18n.service';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';

const PHONE_PATTERN = /^[+0-9 ()-]{4,40}$/;

/** The controls of a citizen's details, as the API limits them (all but the CPR number). */
export function citizenDetailControls() {
  const fb = inject(FormBuilder).nonNullable;
  return {
    name: fb.control('', [Validators.required, Validators.maxLength(200)]),
    phone: fb.control('', Validators.pattern(PHONE_PATTERN)),
    email: fb.control('', [Validators.email, Validators.maxLength(200)]),
    address: fb.control('', Validators.maxLength(300)),
    preferredMeetingPlace: fb.control(MeetingPlace.OutOfHome as MeetingPlace, Validators.required),
    meetingPlaceReason: fb.control('', Validators.maxLength(500)),
    targetGroup: fb.control(TargetGroup.ActivityReadyCashBenefit30Plus as TargetGroup),
  };
}

export type CitizenDetailControls = ReturnType<typeof citizenDetailControls>;

/**
 * The fields of a citizen's details inside a parent's form, which holds the controls of
 * {@link citizenDetailControls}. Content marked `afterName` goes right after the name (the CPR
 * number when registering). Test ids: `citizen-<field>`.
 */
@Component({
  selector: 'app-citizen-fields',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatFormFieldModule,
    MatInputModule,
    MatRadioModule,
    MatSelectModule,
    TranslatePipe,
  ],
  template: `
    <ng-container [formGroup]="group()">
      <mat-form-field appearance="outline">
        <mat-label>{{ 'citizenNew.name' | t }}</mat-label>
        <input matInput formControlName="name" autocomplete="off" data-testid="citizen-name" />
        <mat-error>{{ errorOf('name') }}</mat-error>
      </mat-form-field>

      <ng-content select="[afterName]" />

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
        <legend [id]="legendId">{{ 'citizenNew.meetingPlace' | t }}</legend>
        <mat-radio-group
          formControlName="preferredMeetingPlace"
          data-testid="citizen-meeting-place"
          class="radios"
          [attr.aria-labelledby]="legendId"
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
        <mat-error>{{ errorOf('targetGroup') }}</mat-error>
      </mat-form-field>
    </ng-container>
  `,
  styles: `
    :host {
      display: contents;
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
export class CitizenFieldsComponent {
  private readonly i18n = inject(I18nService);
  private static nextId = 0;

  /** The parent's form, holding the controls of {@link citizenDetailControls}. */
  readonly group = input.required<FormGroup>();

  protected readonly meetingPlaces = MEETING_PLACES;
  protected readonly targetGroups = TARGET_GROUPS;
  protected readonly legendId = `citizen-meeting-place-${CitizenFieldsComponent.nextId++}`;

  /** The first error of a field in words: the server's, else the client check's. */
  protected errorOf(field: keyof CitizenDetailControls): string {
    const control = this.group().get(field);
    const error = control ? controlErrorKey(control) : null;
    if (!error) return '';
    return error.text ?? this.i18n.t(error.key ?? 'forms.errors.invalid');
  }
}
