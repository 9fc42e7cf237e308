import { LiveAnnouncer } from '@angular/cdk/a11y';
import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import {
  MENTOR_SUGGESTIBLE_FIELDS,
  MentorProfileChanges,
  MentorProfileFields,
  MentorWorkforceRecord,
  ProfileSuggestion,
  SuggestionStatus,
  toFieldErrors,
  validateProfile,
} from '@mentor/domain';
import { ErrorMessage, Loading, PageHeader } from '@mentor/shared-ui';
import { applyServerErrors } from '../../../core/http/form-errors';
import { localToday } from '../../../core/http/local-time';
import { fieldErrors, translateFieldErrors } from '../../../core/http/problem';
import { I18nService } from '../../../core/i18n/i18n.service';
import { formatLocalDate, LocalDatePipe } from '../../../core/i18n/local-date.pipe';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import { CertificationChip } from '../components/certification-chip';
import { ProfileFacts } from '../components/profile-facts';
import {
  errorsByControl,
  fieldsOfProfile,
  profileChanges,
  profileControls,
  ProfileFieldsComponent,
  profileFieldsOf,
  profileFormValue,
} from '../components/profile-fields';
import { RecordsSection } from '../components/records-section';
import { suggestionLines } from '../profile-text';
import { RECORD_KINDS } from '../record-kinds';
import { WorkforceApiService } from '../workforce-api.service';
import { pageLoad } from '../../../core/http/page-load';

/** The suggestible fields a form changes against the stored profile: what a suggestion sends; null when none. */
export function suggestedChanges(
  current: MentorProfileFields,
  next: MentorProfileFields,
): MentorProfileChanges | null {
  const changes = profileChanges(current, next, MENTOR_SUGGESTIBLE_FIELDS) as MentorProfileChanges;
  return Object.keys(changes).length ? changes : null;
}

/**
 * "Min profil": the mentor's own profile, certification, training, upskilling and supervision, read
 * only; a form to suggest changes to the fields a mentor may suggest, for the team leader to
 * accept or reject; and what became of earlier suggestions.
 */
@Component({
  selector: 'app-my-profile-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    CertificationChip,
    ErrorMessage,
    Loading,
    PageHeader,
    ProfileFacts,
    ProfileFieldsComponent,
    RecordsSection,
    TranslatePipe,
    LocalDatePipe,
  ],
  template: `
    <ui-page-header [title]="'workforce.myProfile.title' | t" [subtitle]="record()?.profile?.name">
      @if (loading()) {
        <ui-loading [label]="'common.loading' | t" />
      }
    </ui-page-header>

    @if (loadFailed()) {
      <ui-error-message
        class="box"
        data-testid="my-profile-load-error"
        [message]="'common.loadFailed' | t"
        [retryLabel]="'common.retry' | t"
        (retry)="load()"
      />
    }

    @if (record(); as record) {
      <p class="status">
        <span class="status-label">{{ 'workforce.columns.certification' | t }}:</span>
        <app-certification-chip [state]="record.certification" />
      </p>

      <section class="panel" aria-labelledby="my-profile-heading">
        <h2 id="my-profile-heading">{{ 'workforce.mentor.profile' | t }}</h2>
        <app-profile-facts [profile]="record.profile" />
      </section>

      <section class="panel" aria-labelledby="my-suggestions-heading" data-testid="my-suggestions">
        <h2 id="my-suggestions-heading">{{ 'workforce.myProfile.suggestionsTitle' | t }}</h2>
        @if (record.suggestions.length) {
          <ul class="suggestions">
            @for (suggestion of record.suggestions; track suggestion.id) {
              <li data-testid="my-suggestion" [attr.data-status]="suggestion.status">
                <strong data-testid="my-suggestion-status">{{
                  'suggestionStatuses.' + suggestion.status | t
                }}</strong>
                – {{ suggestion.createdAt | localDate: 'datetime' }}
                <ul>
                  @for (line of linesOf(suggestion); track line.field) {
                    <li>{{ line.label }}: {{ line.to }}</li>
                  }
                </ul>
                @if (suggestion.status !== pendingStatus) {
                  <span class="muted">
                    {{
                      'workforce.myProfile.decidedBy'
                        | t
                          : {
                              name: suggestion.decidedByName ?? '–',
                              date: (suggestion.decidedAt | localDate),
                            }
                    }}
                    @if (suggestion.note) {
                      “{{ suggestion.note }}”
                    }
                  </span>
                }
              </li>
            }
          </ul>
        } @else {
          <p class="muted">{{ 'workforce.myProfile.noSuggestions' | t }}</p>
        }

        <h3>{{ 'workforce.myProfile.suggestTitle' | t }}</h3>
        <p class="muted">{{ 'workforce.myProfile.suggestHint' | t }}</p>
        @if (error(); as error) {
          <ui-error-message class="box" data-testid="suggest-error" [message]="error" />
        }
        @if (notice(); as notice) {
          <p class="box info" role="status" data-testid="suggest-notice">{{ notice }}</p>
        }
        <form class="form" novalidate [formGroup]="form" (ngSubmit)="suggest()">
          <app-profile-fields [group]="form" mode="suggest" [thisYear]="thisYear" />
          <div>
            <button mat-flat-button type="submit" data-testid="suggest-submit" [disabled]="busy()">
              {{ (busy() ? 'common.saving' : 'workforce.myProfile.suggest') | t }}
            </button>
          </div>
        </form>
      </section>

      @for (kind of kinds; track kind.key) {
        <app-records-section
          class="panel"
          [kind]="kind"
          [records]="recordsOf(record, kind.path)"
          [mentorId]="record.profile.mentorId"
        />
      }
    }
  `,
  styles: `
    .box {
      display: block;
      margin: 0 0 16px;
    }
    .panel {
      display: block;
      margin-bottom: 24px;
    }
    h2 {
      margin: 0 0 12px;
      font: var(--mat-sys-title-large);
    }
    h3 {
      margin: 16px 0 4px;
      font: var(--mat-sys-title-medium);
    }
    .status {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
      margin: 0 0 16px;
    }
    .status-label {
      font: var(--mat-sys-title-small);
    }
    .suggestions {
      margin: 0;
      padding-left: 20px;
    }
    .suggestions > li {
      margin-bottom: 8px;
    }
    .form {
      display: flex;
      flex-direction: column;
      gap: 4px;
      max-width: 640px;
    }
    .info {
      padding: 12px 16px;
      border-radius: 8px;
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class MyProfilePage {
  private readonly api = inject(WorkforceApiService);
  private readonly i18n = inject(I18nService);
  private readonly announcer = inject(LiveAnnouncer);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly kinds = RECORD_KINDS;
  protected readonly pendingStatus = SuggestionStatus.Pending;
  protected readonly thisYear = Number(localToday().slice(0, 4));
  protected readonly record = signal<MentorWorkforceRecord | null>(null);
  private readonly resource = pageLoad();
  protected readonly loading = this.resource.loading;
  protected readonly loadFailed = this.resource.failed;
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly notice = signal<string | null>(null);
  private readonly current = computed(() => {
    const record = this.record();
    return record ? fieldsOfProfile(record.profile) : null;
  });

  readonly form = inject(FormBuilder).nonNullable.group(profileControls(this.thisYear));

  constructor() {
    this.load();
  }

  load(): void {
    this.resource.run(this.api.myRecord(), (record) => {
      this.record.set(record);
      this.form.reset(profileFormValue(record.profile, record.profile.name));
    });
  }

  protected recordsOf(record: MentorWorkforceRecord, path: string) {
    switch (path) {
      case 'trainings':
        return record.trainings;
      case 'certifications':
        return record.certifications;
      case 'upskilling':
        return record.upskilling;
      default:
        return record.supervision;
    }
  }

  protected linesOf(suggestion: ProfileSuggestion) {
    const current = this.current();
    if (!current) return [];
    const locale = this.i18n.locale();
    return suggestionLines(suggestion.changes, current, this.t, {
      locale,
      date: (d) => formatLocalDate(d, locale),
    });
  }

  protected suggest(): void {
    const current = this.current();
    this.form.markAllAsTouched();
    this.notice.set(null);
    this.error.set(null);
    // Only the suggestible fields are shown, so only they can hold client-side errors that matter.
    const invalid = MENTOR_SUGGESTIBLE_FIELDS.some((field) => this.form.get(field)?.invalid);
    if (!current || invalid || this.busy()) return;
    const changes = suggestedChanges(current, profileFieldsOf(this.form.getRawValue()));
    if (!changes) {
      this.say('workforce.myProfile.noChanges');
      return;
    }
    const violations = validateProfile(changes, localToday(), current);
    if (violations.length) {
      applyServerErrors(this.form, errorsByControl(translateFieldErrors(toFieldErrors(violations), this.t)));
      return;
    }
    this.busy.set(true);
    this.api
      .suggest(changes)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: () => {
          this.busy.set(false);
          this.say('workforce.myProfile.suggested');
          this.load();
        },
        error: (error: unknown) => {
          this.busy.set(false);
          const errors = errorsByControl(fieldErrors(error, this.t));
          const unplaced = applyServerErrors(this.form, errors);
          if (!Object.keys(errors).length || unplaced.length)
            this.error.set(unplaced.join(' ') || this.i18n.t('forms.saveFailed'));
        },
      });
  }

  private readonly t = (key: string, params?: Record<string, string | number>) => this.i18n.t(key, params);

  private say(key: string): void {
    const text = this.i18n.t(key);
    this.notice.set(text);
    void this.announcer.announce(text);
  }
}
