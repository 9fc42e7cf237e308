import { ChangeDetectionStrategy, Component, computed, effect, inject, input, output } from '@angular/core';
import {
  AbstractControl,
  FormBuilder,
  ReactiveFormsModule,
  ValidationErrors,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import {
  CONTACT_FORMS,
  CONTACT_MINUTES_MAX,
  CONTACT_MINUTES_MIN,
  CONTACT_NOTE_MAX_LENGTH,
  CONTACT_TOPICS,
  ContactForm,
  ContactRequest,
  ContactTopic,
  HELP_GIVEN,
  HelpGiven,
} from '@mentor/domain';
import { ChipGroup, ChipOption } from '@mentor/shared-ui';
import { I18nService } from '../../../core/i18n/i18n.service';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';

const TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;
const MINUTE_PRESETS = [15, 30, 45, 60, 90];

/**
 * The fields of one contact, quick to fill on a phone: everything has a default, topics and
 * help are toggle chips. Emits the request on a valid submit; shows server field errors given
 * in `serverErrors` on their fields. Test ids: `contact-<field>`, `contact-submit`.
 */
@Component({
  selector: 'app-contact-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCheckboxModule,
    ChipGroup,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    TranslatePipe,
  ],
  template: `
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate class="contact-form">
      <div class="row">
        <mat-form-field appearance="outline" class="grow">
          <mat-label>{{ 'contact.date' | t }}</mat-label>
          <input
            matInput
            type="date"
            formControlName="contactDate"
            data-testid="contact-date"
            [attr.min]="minDate()"
            [attr.max]="maxDate()"
          />
          <mat-error>{{ errorText('contactDate') }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline" class="grow">
          <mat-label>{{ 'contact.startTime' | t }}</mat-label>
          <input
            matInput
            type="time"
            step="300"
            formControlName="startTime"
            data-testid="contact-start-time"
          />
          <mat-error>{{ errorText('startTime') }}</mat-error>
        </mat-form-field>
      </div>

      <div class="row">
        <mat-form-field appearance="outline" class="minutes">
          <mat-label>{{ 'contact.minutes' | t }}</mat-label>
          <input
            matInput
            type="number"
            inputmode="numeric"
            [min]="minutesMin"
            [max]="minutesMax"
            step="5"
            formControlName="minutes"
            data-testid="contact-minutes"
          />
          <mat-error>{{ errorText('minutes') }}</mat-error>
        </mat-form-field>
        <div class="presets" role="group" [attr.aria-label]="'contact.minutePresets' | t">
          @for (preset of presets; track preset) {
            <button
              mat-stroked-button
              type="button"
              [attr.aria-pressed]="form.controls.minutes.value === preset"
              [class.preset-on]="form.controls.minutes.value === preset"
              (click)="setMinutes(preset)"
            >
              {{ preset }}
            </button>
          }
        </div>
      </div>

      <mat-form-field appearance="outline">
        <mat-label>{{ 'contact.form' | t }}</mat-label>
        <mat-select formControlName="form" data-testid="contact-form">
          @for (form of forms; track form) {
            <mat-option [value]="form">{{ 'contactForms.' + form | t }}</mat-option>
          }
        </mat-select>
        <mat-error>{{ errorText('form') }}</mat-error>
      </mat-form-field>

      <mat-checkbox formControlName="showedUp" data-testid="contact-showed-up">{{
        'contact.showedUp' | t
      }}</mat-checkbox>

      <ui-chip-group
        formControlName="topics"
        data-testid="contact-topics"
        [legend]="'contact.topics' | t"
        [options]="topicOptions()"
        [error]="serverText('topics')"
      />

      <ui-chip-group
        formControlName="help"
        data-testid="contact-help"
        [legend]="'contact.help' | t"
        [options]="helpOptions()"
        [error]="serverText('help')"
      />

      <mat-form-field appearance="outline">
        <mat-label>{{ 'contact.note' | t }}</mat-label>
        <textarea
          matInput
          rows="3"
          formControlName="note"
          data-testid="contact-note"
          [maxlength]="noteMax"
        ></textarea>
        <mat-hint>{{ 'contact.noteHint' | t }}</mat-hint>
        <mat-error>{{ errorText('note') }}</mat-error>
      </mat-form-field>

      <mat-form-field appearance="outline">
        <mat-label>{{ 'contact.transportMinutes' | t }}</mat-label>
        <input
          matInput
          type="number"
          inputmode="numeric"
          min="0"
          formControlName="transportMinutes"
          data-testid="contact-transport"
        />
        <mat-hint>{{ 'contact.transportHint' | t }}</mat-hint>
        <mat-error>{{ errorText('transportMinutes') }}</mat-error>
      </mat-form-field>

      <div class="actions">
        <button mat-flat-button type="submit" class="submit" data-testid="contact-submit" [disabled]="busy()">
          {{ (busy() ? 'common.saving' : submitLabel()) | t }}
        </button>
        <ng-content />
      </div>
    </form>
  `,
  styles: `
    .contact-form {
      display: flex;
      flex-direction: column;
      gap: 4px;
      max-width: 640px;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: 0 12px;
      align-items: flex-start;
    }
    .grow {
      flex: 1 1 140px;
      min-width: 0;
    }
    .minutes {
      flex: 0 1 120px;
      min-width: 0;
    }
    .presets {
      display: flex;
      flex-wrap: wrap;
      gap: 4px;
      padding-top: 8px;
    }
    .presets button {
      min-width: 48px;
    }
    .preset-on {
      background: var(--mat-sys-secondary-container);
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      margin-top: 8px;
    }
    .submit {
      min-height: 48px;
      flex: 1 1 160px;
    }
  `,
})
export class ContactFormComponent {
  private readonly fb = inject(FormBuilder).nonNullable;
  private readonly i18n = inject(I18nService);

  /** Values the form starts with (and returns to when they change). */
  readonly initial = input.required<ContactRequest>();
  /** First and last allowed contact date (`YYYY-MM-DD`): the course period, not after today. */
  readonly minDate = input<string | null>(null);
  readonly maxDate = input<string | null>(null);
  /** Messages from a 400 per field, shown on that field until it is edited. */
  readonly serverErrors = input<Record<string, string[]>>({});
  readonly busy = input(false);
  /** Translation key of the submit button. */
  readonly submitLabel = input('contact.save');

  /** A valid submit. */
  readonly save = output<ContactRequest>();

  protected readonly forms = CONTACT_FORMS;
  protected readonly topicOptions = computed(() => this.chipOptions(CONTACT_TOPICS, 'contactTopics'));
  protected readonly helpOptions = computed(() => this.chipOptions(HELP_GIVEN, 'helpGiven'));
  protected readonly presets = MINUTE_PRESETS;
  protected readonly minutesMin = CONTACT_MINUTES_MIN;
  protected readonly minutesMax = CONTACT_MINUTES_MAX;
  protected readonly noteMax = CONTACT_NOTE_MAX_LENGTH;

  readonly form = this.fb.group({
    contactDate: ['', [Validators.required, (c: AbstractControl) => this.dateInRange(c)]],
    startTime: ['', [Validators.required, Validators.pattern(TIME_PATTERN)]],
    minutes: [
      45 as number | null,
      [
        Validators.required,
        Validators.min(CONTACT_MINUTES_MIN),
        Validators.max(CONTACT_MINUTES_MAX),
        Validators.pattern(/^\d+$/),
      ],
    ],
    form: [ContactForm.InPersonElsewhere as ContactForm, Validators.required],
    showedUp: [true],
    topics: [[] as ContactTopic[]],
    help: [[] as HelpGiven[]],
    note: ['', Validators.maxLength(CONTACT_NOTE_MAX_LENGTH)],
    transportMinutes: [null as number | null, [Validators.min(0), Validators.max(CONTACT_MINUTES_MAX)]],
  });

  constructor() {
    effect(() => {
      const initial = this.initial();
      this.form.reset({
        ...initial,
        note: initial.note ?? '',
        transportMinutes: initial.transportMinutes ?? null,
      });
    });
    effect(() => {
      const errors = this.serverErrors();
      for (const [field, control] of Object.entries(this.form.controls)) {
        const messages = errors[field];
        if (messages?.length) {
          control.setErrors({ ...(control.errors ?? {}), server: messages.join(' ') });
          control.markAsTouched();
        }
      }
    });
  }

  protected setMinutes(minutes: number): void {
    this.form.controls.minutes.setValue(minutes);
    this.form.controls.minutes.markAsDirty();
  }

  /** The first error of a field in words. */
  protected errorText(field: keyof typeof this.form.controls): string {
    const errors = this.form.controls[field].errors;
    if (!errors) return '';
    if (errors['server']) return String(errors['server']);
    if (errors['required']) return this.key('required');
    if (errors['dateRange']) return this.key('dateRange');
    if (errors['min'] || errors['max'] || errors['pattern']) return this.key(`invalid.${field}`);
    if (errors['maxlength']) return this.key('tooLong');
    return this.key('invalid.other');
  }

  protected serverText(field: string): string | null {
    return this.serverErrors()[field]?.join(' ') || null;
  }

  /** Chips in the active language (`t` reads the language, so the options follow a switch). */
  private chipOptions(values: readonly string[], prefix: string): ChipOption[] {
    return values.map((value) => ({ value, label: this.i18n.t(`${prefix}.${value}`) }));
  }

  private key(suffix: string): string {
    return this.i18n.t(`contact.errors.${suffix}`);
  }

  protected submit(): void {
    this.form.markAllAsTouched();
    if (this.form.invalid) return;
    const value = this.form.getRawValue();
    const request: ContactRequest = {
      contactDate: value.contactDate,
      startTime: value.startTime,
      minutes: Number(value.minutes),
      form: value.form,
      showedUp: value.showedUp,
      topics: value.topics,
      help: value.help,
    };
    if (value.note.trim()) request.note = value.note.trim();
    if (value.transportMinutes !== null && String(value.transportMinutes) !== '') {
      request.transportMinutes = Number(value.transportMinutes);
    }
    this.save.emit(request);
  }

  private dateInRange(control: AbstractControl): ValidationErrors | null {
    const value = control.value as string;
    if (!value) return null;
    const min = this.minDate();
    const max = this.maxDate();
    if ((min && value < min) || (max && value > max)) return { dateRange: true };
    return null;
  }
}
