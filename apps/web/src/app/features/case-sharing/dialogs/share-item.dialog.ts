import { LiveAnnouncer } from '@angular/cdk/a11y';
import { ChangeDetectionStrategy, Component, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { AbstractControl, FormBuilder, ReactiveFormsModule, ValidatorFn, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { MatSelectModule } from '@angular/material/select';
import {
  CONSENT_SCOPE_MAX_LENGTH,
  CaseItem,
  CaseShare,
  CreateShareRequest,
  LEGAL_BASIS_MAX_LENGTH,
  SHARE_BASES,
  ShareBasis,
} from '@mentor/domain';
import { ErrorMessage } from '@mentor/shared-ui';
import { applyServerErrors, controlErrorKey } from '../../../core/http/form-errors';
import { localToday } from '../../../core/http/local-time';
import { fieldErrors, problemCode } from '../../../core/http/problem';
import { I18nService } from '../../../core/i18n/i18n.service';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import { CaseSharingApiService } from '../case-sharing-api.service';

export interface ShareItemDialogData {
  courseId: string;
  /** The citizen's items not shared with the course now. */
  items: CaseItem[];
  /** The course's last day: the default and latest expiry. */
  courseEndsOn: string;
}

/** The fields each basis requires (the other basis's fields are not sent). */
const REQUIRED_FOR: Record<ShareBasis, readonly ('consentGivenOn' | 'consentScope' | 'legalBasis')[]> = {
  [ShareBasis.Consent]: ['consentGivenOn', 'consentScope'],
  [ShareBasis.LegalBasis]: ['legalBasis'],
};

/** Text that is more than blanks. */
const notBlank: ValidatorFn = (control) =>
  control.value && !String(control.value).trim() ? { required: true } : null;

/** A date no later than `latest()`, both `YYYY-MM-DD`. */
function notAfter(latest: () => string, key: string): ValidatorFn {
  return (control) => (control.value && control.value > latest() ? { [key]: true } : null);
}

/**
 * Shares one item of the citizen's case with the course's mentor: the item, the ground (the
 * citizen's consent with date and scope, or a named legal basis) and when it expires (by default
 * when the course ends). Closes with the new share.
 */
@Component({
  selector: 'app-share-item-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatRadioModule,
    MatSelectModule,
    ErrorMessage,
    TranslatePipe,
  ],
  template: `
    <h2 mat-dialog-title>{{ 'caseSharing.shareDialog.title' | t }}</h2>
    <form novalidate [formGroup]="form" (ngSubmit)="submit()">
      <mat-dialog-content class="content">
        <p class="hint">{{ 'caseSharing.shareDialog.intro' | t }}</p>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'caseSharing.shareDialog.item' | t }}</mat-label>
          <mat-select formControlName="itemId" data-testid="share-item">
            @for (item of data.items; track item.id) {
              <mat-option [value]="item.id">
                {{ item.title }} ({{ 'caseSharing.kinds.' + item.kind | t }})
              </mat-option>
            }
          </mat-select>
          <mat-error>{{ errorOf('itemId') }}</mat-error>
        </mat-form-field>

        <fieldset class="basis">
          <legend id="share-basis-legend">{{ 'caseSharing.shareDialog.basis' | t }}</legend>
          <mat-radio-group
            class="radios"
            formControlName="basis"
            aria-labelledby="share-basis-legend"
            data-testid="share-basis"
          >
            @for (basis of bases; track basis) {
              <mat-radio-button [value]="basis" [attr.data-testid]="'share-basis-' + basis">
                {{ 'caseSharing.bases.' + basis | t }}
              </mat-radio-button>
            }
          </mat-radio-group>
        </fieldset>

        @if (basis() === shareBasis.Consent) {
          <mat-form-field appearance="outline">
            <mat-label>{{ 'caseSharing.shareDialog.consentGivenOn' | t }}</mat-label>
            <input
              matInput
              type="date"
              formControlName="consentGivenOn"
              data-testid="share-consent-date"
              [max]="today"
            />
            <mat-error>{{ errorOf('consentGivenOn') }}</mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>{{ 'caseSharing.shareDialog.consentScope' | t }}</mat-label>
            <textarea
              matInput
              rows="3"
              formControlName="consentScope"
              data-testid="share-consent-scope"
              [maxlength]="scopeMax"
            ></textarea>
            <mat-hint>{{ 'caseSharing.shareDialog.consentScopeHint' | t }}</mat-hint>
            <mat-error>{{ errorOf('consentScope') }}</mat-error>
          </mat-form-field>
        } @else {
          <mat-form-field appearance="outline">
            <mat-label>{{ 'caseSharing.shareDialog.legalBasis' | t }}</mat-label>
            <input
              matInput
              formControlName="legalBasis"
              data-testid="share-legal-basis"
              [maxlength]="legalBasisMax"
            />
            <mat-hint>{{ 'caseSharing.shareDialog.legalBasisHint' | t }}</mat-hint>
            <mat-error>{{ errorOf('legalBasis') }}</mat-error>
          </mat-form-field>
        }

        <mat-form-field appearance="outline">
          <mat-label>{{ 'caseSharing.shareDialog.expiresOn' | t }}</mat-label>
          <input
            matInput
            type="date"
            formControlName="expiresOn"
            data-testid="share-expires-on"
            [min]="today"
            [max]="data.courseEndsOn"
          />
          <mat-hint>{{ 'caseSharing.shareDialog.expiresOnHint' | t }}</mat-hint>
          <mat-error>{{ errorOf('expiresOn') }}</mat-error>
        </mat-form-field>

        @if (problem(); as problem) {
          <ui-error-message data-testid="share-error" [message]="problem" />
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close data-testid="share-cancel">
          {{ 'common.cancel' | t }}
        </button>
        <button mat-flat-button type="submit" data-testid="share-submit" [disabled]="busy()">
          {{ (busy() ? 'common.saving' : 'caseSharing.shareDialog.submit') | t }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .content {
      display: flex;
      flex-direction: column;
      gap: 8px;
      max-width: 560px;
    }
    .hint {
      margin: 0 0 8px;
      color: var(--mat-sys-on-surface-variant);
    }
    .basis {
      margin: 0 0 12px;
      padding: 0;
      border: 0;
    }
    .basis legend {
      margin-bottom: 4px;
      font: var(--mat-sys-title-small);
    }
    .radios {
      display: flex;
      flex-direction: column;
    }
  `,
})
export class ShareItemDialog {
  protected readonly data = inject<ShareItemDialogData>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject(MatDialogRef<ShareItemDialog, CaseShare>);
  private readonly api = inject(CaseSharingApiService);
  private readonly i18n = inject(I18nService);
  private readonly announcer = inject(LiveAnnouncer);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly bases = SHARE_BASES;
  protected readonly shareBasis = ShareBasis;
  protected readonly scopeMax = CONSENT_SCOPE_MAX_LENGTH;
  protected readonly legalBasisMax = LEGAL_BASIS_MAX_LENGTH;
  protected readonly today = localToday();
  protected readonly busy = signal(false);
  protected readonly problem = signal<string | null>(null);

  readonly form = inject(FormBuilder).nonNullable.group({
    itemId: [this.data.items.length === 1 ? this.data.items[0].id : '', Validators.required],
    basis: [ShareBasis.Consent as ShareBasis, Validators.required],
    consentGivenOn: [localToday(), notAfter(() => this.today, 'consentInFuture')],
    consentScope: ['', [notBlank, Validators.maxLength(CONSENT_SCOPE_MAX_LENGTH)]],
    legalBasis: ['', [notBlank, Validators.maxLength(LEGAL_BASIS_MAX_LENGTH)]],
    expiresOn: [
      this.data.courseEndsOn,
      [
        Validators.required,
        notAfter(() => this.data.courseEndsOn, 'afterCourseEnd'),
        (control: AbstractControl) => (control.value && control.value < this.today ? { inPast: true } : null),
      ],
    ],
  });
  protected readonly basis = toSignal(this.form.controls.basis.valueChanges, {
    initialValue: this.form.controls.basis.value,
  });

  constructor() {
    // The basis decides which fields are required (and marked so).
    this.requireFor(this.form.controls.basis.value);
    this.form.controls.basis.valueChanges
      .pipe(takeUntilDestroyed())
      .subscribe((basis) => this.requireFor(basis));
  }

  private requireFor(basis: ShareBasis): void {
    for (const name of ['consentGivenOn', 'consentScope', 'legalBasis'] as const) {
      const control = this.form.controls[name];
      if (REQUIRED_FOR[basis].includes(name)) control.addValidators(Validators.required);
      else control.removeValidators(Validators.required);
      control.updateValueAndValidity({ emitEvent: false });
    }
  }

  /** The request as the contract takes it: only the chosen basis's fields. */
  request(): CreateShareRequest {
    const value = this.form.getRawValue();
    const common = { itemId: value.itemId, basis: value.basis, expiresOn: value.expiresOn };
    return value.basis === ShareBasis.Consent
      ? { ...common, consentGivenOn: value.consentGivenOn, consentScope: value.consentScope.trim() }
      : { ...common, legalBasis: value.legalBasis.trim() };
  }

  protected submit(): void {
    this.form.markAllAsTouched();
    if (this.form.invalid || this.busy()) return;
    this.busy.set(true);
    this.problem.set(null);
    this.api
      .share(this.data.courseId, this.request())
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (share) => this.dialogRef.close(share),
        error: (error: unknown) => {
          this.busy.set(false);
          const unplaced = applyServerErrors(
            this.form,
            fieldErrors(error, (key) => this.i18n.t(key)),
          );
          if (unplaced.length || this.form.valid) {
            const text = unplaced.join(' ') || this.refusalText(error);
            this.problem.set(text);
            void this.announcer.announce(text);
          }
        },
      });
  }

  /** A refusal that is no field's: the item is shared already, the course has ended or has no mentor. */
  private refusalText(error: unknown): string {
    const code = problemCode(error);
    const known = ['share.already_active', 'share.course_ended', 'share.no_mentor'];
    return code && known.includes(code)
      ? this.i18n.t(`caseSharing.errors.${code.split('.')[1]}`)
      : this.i18n.t('caseSharing.shareDialog.failed');
  }

  protected errorOf(field: keyof ShareBasisFields): string {
    const control = this.form.controls[field];
    const errors = control.errors;
    if (errors?.['consentInFuture']) return this.i18n.t('caseSharing.shareDialog.consentInFuture');
    if (errors?.['afterCourseEnd']) return this.i18n.t('caseSharing.shareDialog.afterCourseEnd');
    if (errors?.['inPast']) return this.i18n.t('caseSharing.shareDialog.expiresInPast');
    const error = controlErrorKey(control);
    return error?.text ?? (error?.key ? this.i18n.t(error.key) : '');
  }
}

type ShareBasisFields = ShareItemDialog['form']['controls'];
