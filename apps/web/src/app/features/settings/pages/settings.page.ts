import { LiveAnnouncer } from '@angular/cdk/a11y';
import { ChangeDetectionStrategy, Component, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { MunicipalitySettings } from '@mentor/domain';
import { ErrorMessage, Loading, PageHeader } from '@mentor/shared-ui';
import { applyServerErrors, controlErrorKey } from '../../../core/http/form-errors';
import { fieldErrors } from '../../../core/http/problem';
import { I18nService } from '../../../core/i18n/i18n.service';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import { SettingsApiService } from '../settings-api.service';
import { pageLoad } from '../../../core/http/page-load';

/**
 * The municipality's settings: the quality threshold under which a report needs a justification,
 * and whether a mentor must be certified to be assigned a course.
 */
@Component({
  selector: 'app-settings-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSlideToggleModule,
    ErrorMessage,
    Loading,
    PageHeader,
    TranslatePipe,
  ],
  template: `
    <ui-page-header [title]="'settings.title' | t" [subtitle]="settings()?.municipalityName">
      @if (loading()) {
        <ui-loading [label]="'common.loading' | t" />
      }
    </ui-page-header>

    @if (loadFailed()) {
      <ui-error-message
        class="box"
        data-testid="settings-load-error"
        [message]="'common.loadFailed' | t"
        [retryLabel]="'common.retry' | t"
        (retry)="load()"
      />
    }
    @if (problem(); as problem) {
      <ui-error-message
        class="box"
        data-testid="settings-error"
        [message]="problem.text"
        [retryLabel]="problem.stale ? ('settings.reload' | t) : null"
        (retry)="load()"
      />
    }
    @if (saved()) {
      <p class="box info" role="status" data-testid="settings-saved">{{ 'settings.saved' | t }}</p>
    }

    @if (settings()) {
      <form class="form" novalidate [formGroup]="form" (ngSubmit)="save()">
        <h2 class="heading">{{ 'settings.reportsHeading' | t }}</h2>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'settings.threshold' | t }}</mat-label>
          <input
            matInput
            type="number"
            inputmode="numeric"
            min="0"
            max="100"
            step="1"
            formControlName="reportQualityThreshold"
            data-testid="settings-threshold"
          />
          <mat-hint>{{ 'settings.thresholdHint' | t }}</mat-hint>
          <mat-error>{{ thresholdError() }}</mat-error>
        </mat-form-field>
        <h2 class="heading">{{ 'settings.workforceHeading' | t }}</h2>
        <mat-slide-toggle
          formControlName="requireCertificationForAssignment"
          data-testid="settings-require-certification"
          aria-describedby="settings-require-certification-hint"
        >
          {{ 'settings.requireCertification' | t }}
        </mat-slide-toggle>
        <p id="settings-require-certification-hint" class="hint">
          {{ 'settings.requireCertificationHint' | t }}
        </p>
        <div>
          <button mat-flat-button type="submit" data-testid="settings-save" [disabled]="busy()">
            {{ (busy() ? 'common.saving' : 'settings.save') | t }}
          </button>
        </div>
      </form>
    }
  `,
  styles: `
    .box {
      display: block;
      margin-bottom: 16px;
    }
    .info {
      padding: 12px 16px;
      border-radius: 8px;
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    .form {
      display: flex;
      flex-direction: column;
      gap: 8px;
      max-width: 420px;
    }
    .heading {
      margin: 0 0 8px;
      font: var(--mat-sys-title-large);
    }
    .hint {
      margin: 0 0 16px;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class SettingsPage {
  private readonly api = inject(SettingsApiService);
  private readonly i18n = inject(I18nService);
  private readonly announcer = inject(LiveAnnouncer);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly settings = signal<MunicipalitySettings | null>(null);
  private readonly resource = pageLoad();
  protected readonly loading = this.resource.loading;
  protected readonly loadFailed = this.resource.failed;
  protected readonly busy = signal(false);
  protected readonly saved = signal(false);
  protected readonly problem = signal<{ text: string; stale: boolean } | null>(null);
  protected readonly form = inject(FormBuilder).nonNullable.group({
    reportQualityThreshold: [
      0,
      [Validators.required, Validators.min(0), Validators.max(100), Validators.pattern(/^\d+$/)],
    ],
    requireCertificationForAssignment: [false],
  });

  constructor() {
    this.load();
  }

  load(): void {
    this.problem.set(null);
    this.resource.run(this.api.get(), (settings) => {
      this.settings.set(settings);
      this.form.reset(this.formValueOf(settings));
    });
  }

  private formValueOf(settings: MunicipalitySettings) {
    return {
      reportQualityThreshold: settings.reportQualityThreshold,
      requireCertificationForAssignment: settings.requireCertificationForAssignment,
    };
  }

  protected thresholdError(): string {
    const error = controlErrorKey(this.form.controls.reportQualityThreshold);
    if (!error) return '';
    if (error.text) return error.text;
    return this.i18n.t(error.key === 'forms.errors.required' ? error.key : 'settings.thresholdRange');
  }

  protected save(): void {
    const settings = this.settings();
    this.form.markAllAsTouched();
    this.saved.set(false);
    if (!settings || this.form.invalid || this.busy()) return;
    this.busy.set(true);
    this.problem.set(null);
    this.api
      .update({
        reportQualityThreshold: Number(this.form.getRawValue().reportQualityThreshold),
        requireCertificationForAssignment: this.form.getRawValue().requireCertificationForAssignment,
        version: settings.version,
      })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (updated) => {
          this.busy.set(false);
          this.settings.set(updated);
          this.form.reset(this.formValueOf(updated));
          this.saved.set(true);
          void this.announcer.announce(this.i18n.t('settings.saved'));
        },
        error: (error: unknown) => {
          this.busy.set(false);
          if ((error as { status?: number }).status === 409) {
            this.problem.set({ text: this.i18n.t('settings.stale'), stale: true });
            return;
          }
          const fields = fieldErrors(error, (key) => this.i18n.t(key));
          const unplaced = applyServerErrors(this.form, fields);
          if (!Object.keys(fields).length || unplaced.length)
            this.problem.set({ text: unplaced.join(' ') || this.i18n.t('forms.saveFailed'), stale: false });
        },
      });
  }
}
