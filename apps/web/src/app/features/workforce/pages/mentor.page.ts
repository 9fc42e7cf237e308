import { LiveAnnouncer } from '@angular/cdk/a11y';
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
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import {
  hasPermission,
  MENTOR_PASSWORD_MIN_LENGTH,
  MentorProfile,
  MentorProfileFields,
  MentorWorkforceRecord,
  PASSWORD_MAX_LENGTH,
  Permission,
  ProfileSuggestion,
  SuggestionStatus,
  toFieldErrors,
  UpdateMentorProfileRequest,
  validateProfile,
} from '@mentor/domain';
import { ErrorMessage, Loading, PageHeader } from '@mentor/shared-ui';
import { AuthService } from '../../../core/auth/auth.service';
import { applyServerErrors, controlErrorKey } from '../../../core/http/form-errors';
import { localToday } from '../../../core/http/local-time';
import { fieldErrors, problemCode, translateFieldErrors } from '../../../core/http/problem';
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
import { RecruitmentSection } from '../components/recruitment-section';
import { suggestionLines } from '../profile-text';
import { RECORD_KINDS } from '../record-kinds';
import { WorkforceApiService } from '../workforce-api.service';
import { pageLoad } from '../../../core/http/page-load';

type Problem = { kind: 'stale' | 'failed' | 'unplaced'; text?: string } | null;

/**
 * The profile change a form asks for: the changed fields (and the name), with the version read;
 * null when nothing changed.
 */
export function profileUpdate(
  profile: MentorProfile,
  next: MentorProfileFields,
  name: string,
): UpdateMentorProfileRequest | null {
  const changes = profileChanges(fieldsOfProfile(profile), next);
  const body: UpdateMentorProfileRequest = { ...changes, version: profile.version };
  if (name.trim() !== profile.name) body.name = name.trim();
  return Object.keys(body).length > 1 ? body : null;
}

/**
 * One mentor for the team leader: the profile (changed under the version read), pending
 * suggestions from the mentor to accept or reject, training, certification, upskilling and
 * supervision records, and a new password. The administrator sees the same, read only.
 */
@Component({
  selector: 'app-mentor-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    RouterLink,
    CertificationChip,
    ErrorMessage,
    Loading,
    PageHeader,
    ProfileFacts,
    ProfileFieldsComponent,
    RecordsSection,
    RecruitmentSection,
    TranslatePipe,
    LocalDatePipe,
  ],
  template: `
    <ui-page-header
      [title]="record()?.profile?.name ?? ('workforce.mentor.title' | t)"
      [subtitle]="subtitle()"
    >
      @if (loading()) {
        <ui-loading [label]="'common.loading' | t" />
      }
      <a mat-button routerLink="/workforce" data-testid="mentor-back">{{ 'workforce.mentor.back' | t }}</a>
    </ui-page-header>

    @if (loadFailed()) {
      <ui-error-message
        class="box"
        data-testid="mentor-load-error"
        [message]="'common.loadFailed' | t"
        [retryLabel]="'common.retry' | t"
        (retry)="load()"
      />
    }

    @if (record(); as record) {
      @if (registered()) {
        <p class="box info" role="status" data-testid="mentor-registered">
          {{ 'workforce.mentor.registered' | t }}
        </p>
      }
      <p class="status" data-testid="mentor-status">
        <span class="status-label">{{ 'workforce.columns.certification' | t }}:</span>
        <app-certification-chip [state]="record.certification" />
        @if (!record.profile.active) {
          <span class="inactive">{{ 'workforce.mentor.inactive' | t }}</span>
        }
      </p>

      @if (pending().length) {
        <section class="panel" aria-labelledby="mentor-suggestions-heading" data-testid="mentor-suggestions">
          <h2 id="mentor-suggestions-heading">{{ 'workforce.suggestions.pendingTitle' | t }}</h2>
          @if (suggestionMessage(); as message) {
            <p class="info" role="status" data-testid="suggestion-message">{{ message }}</p>
          }
          @for (suggestion of pending(); track suggestion.id) {
            <article class="suggestion" data-testid="suggestion">
              <p class="muted">
                {{
                  'workforce.suggestions.suggestedOn'
                    | t: { date: (suggestion.createdAt | localDate: 'datetime') }
                }}
              </p>
              <ul class="changes">
                @for (line of linesOf(suggestion); track line.field) {
                  <li data-testid="suggestion-change">
                    <strong>{{ line.label }}:</strong> {{ line.from }} → {{ line.to }}
                  </li>
                }
              </ul>
              @if (canManage) {
                <mat-form-field appearance="outline" class="wide" subscriptSizing="dynamic">
                  <mat-label>{{ 'workforce.suggestions.note' | t }}</mat-label>
                  <input
                    matInput
                    data-testid="suggestion-note"
                    [value]="notes()[suggestion.id] ?? ''"
                    (input)="setNote(suggestion.id, $any($event.target).value)"
                  />
                </mat-form-field>
                <div class="buttons">
                  <button
                    mat-flat-button
                    type="button"
                    data-testid="suggestion-accept"
                    [disabled]="busy()"
                    (click)="decide(suggestion, 'accept')"
                  >
                    {{ 'workforce.suggestions.accept' | t }}
                  </button>
                  <button
                    mat-stroked-button
                    type="button"
                    data-testid="suggestion-reject"
                    [disabled]="busy()"
                    (click)="decide(suggestion, 'reject')"
                  >
                    {{ 'workforce.suggestions.reject' | t }}
                  </button>
                </div>
              }
            </article>
          }
        </section>
      } @else if (suggestionMessage(); as message) {
        <p class="info box" role="status" data-testid="suggestion-message">{{ message }}</p>
      }

      <section class="panel" aria-labelledby="mentor-profile-heading">
        <h2 id="mentor-profile-heading">{{ 'workforce.mentor.profile' | t }}</h2>
        @if (canManage) {
          @if (problem(); as problem) {
            @if (problem.kind === 'stale') {
              <ui-error-message
                class="box"
                data-testid="profile-stale"
                [message]="'workforce.mentor.stale' | t"
                [detail]="'workforce.mentor.staleDetail' | t"
                [retryLabel]="'workforce.mentor.reload' | t"
                (retry)="load()"
              />
            } @else {
              <ui-error-message
                class="box"
                data-testid="profile-error"
                [message]="problem.text ?? ('forms.saveFailed' | t)"
              />
            }
          }
          @if (notice(); as notice) {
            <p class="box info" role="status" data-testid="profile-notice">{{ notice }}</p>
          }
          <p class="muted">
            {{ 'workforce.profile.organisation' | t }}: {{ record.profile.organisationName }} ·
            {{ 'workforce.profile.username' | t }}: {{ record.profile.username }}
          </p>
          <form class="form" novalidate [formGroup]="form" (ngSubmit)="save()">
            <app-profile-fields [group]="form" [withName]="true" [thisYear]="thisYear" />
            <div class="buttons">
              <button mat-flat-button type="submit" data-testid="profile-save" [disabled]="busy()">
                {{ (busy() ? 'common.saving' : 'workforce.mentor.save') | t }}
              </button>
            </div>
          </form>
        } @else {
          <app-profile-facts [profile]="record.profile" />
        }
      </section>

      @for (kind of kinds; track kind.key) {
        <app-records-section
          class="panel"
          [kind]="kind"
          [records]="recordsOf(kind.path)"
          [mentorId]="record.profile.mentorId"
          [canEdit]="canManage"
          (changed)="load()"
        />
      }

      <app-recruitment-section
        class="panel"
        [recruitment]="record.recruitment"
        [mentorId]="record.profile.mentorId"
        [canEdit]="canManage"
        (changed)="load()"
      />

      @if (decided().length) {
        <section class="panel" aria-labelledby="mentor-decided-heading">
          <h2 id="mentor-decided-heading">{{ 'workforce.suggestions.decidedTitle' | t }}</h2>
          <ul class="decided">
            @for (suggestion of decided(); track suggestion.id) {
              <li data-testid="suggestion-decided">
                {{ 'suggestionStatuses.' + suggestion.status | t }}
                {{ suggestion.decidedAt | localDate }}
                @if (suggestion.decidedByName) {
                  ({{ suggestion.decidedByName }})
                }
                – {{ fieldNamesOf(suggestion) }}
                @if (suggestion.note) {
                  <span class="muted">“{{ suggestion.note }}”</span>
                }
              </li>
            }
          </ul>
        </section>
      }

      @if (canManage) {
        <section class="panel" aria-labelledby="mentor-password-heading">
          <h2 id="mentor-password-heading">{{ 'workforce.password.title' | t }}</h2>
          <p class="muted">{{ 'workforce.password.hint' | t }}</p>
          @if (passwordNotice(); as notice) {
            <p class="box info" role="status" data-testid="password-notice">{{ notice }}</p>
          }
          <form class="inline" novalidate [formGroup]="passwordForm" (ngSubmit)="setPassword()">
            <mat-form-field appearance="outline">
              <mat-label>{{ 'workforce.password.label' | t }}</mat-label>
              <input
                matInput
                type="password"
                autocomplete="new-password"
                formControlName="password"
                data-testid="password-input"
              />
              <mat-error>{{ passwordError() }}</mat-error>
            </mat-form-field>
            <button mat-stroked-button type="submit" data-testid="password-save" [disabled]="busy()">
              {{ 'workforce.password.save' | t }}
            </button>
          </form>
        </section>
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
    .inactive {
      font: var(--mat-sys-label-large);
      color: var(--mat-sys-error);
    }
    .form {
      display: flex;
      flex-direction: column;
      gap: 4px;
      max-width: 640px;
    }
    .inline {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-start;
      gap: 8px 12px;
    }
    .buttons {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
    .suggestion {
      padding: 12px 0;
      border-top: 1px solid var(--mat-sys-outline-variant);
    }
    .changes {
      margin: 4px 0 12px;
      padding-left: 20px;
    }
    .wide {
      width: 100%;
      max-width: 480px;
      margin-bottom: 8px;
    }
    .decided {
      margin: 0;
      padding-left: 20px;
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
export class MentorPage {
  private readonly api = inject(WorkforceApiService);
  private readonly i18n = inject(I18nService);
  private readonly announcer = inject(LiveAnnouncer);
  private readonly destroyRef = inject(DestroyRef);
  private readonly user = inject(AuthService).user();

  /** Route parameter: the mentor. */
  readonly id = input.required<string>();
  /** Query parameter: set when the mentor was just registered. */
  readonly registered = input<string | undefined>(undefined);

  protected readonly canManage = !!this.user && hasPermission(this.user.role, Permission.WorkforceManage);
  protected readonly kinds = RECORD_KINDS;
  protected readonly thisYear = Number(localToday().slice(0, 4));
  protected readonly record = signal<MentorWorkforceRecord | null>(null);
  private readonly resource = pageLoad();
  protected readonly loading = this.resource.loading;
  protected readonly loadFailed = this.resource.failed;
  protected readonly busy = signal(false);
  protected readonly problem = signal<Problem>(null);
  protected readonly notice = signal<string | null>(null);
  protected readonly passwordNotice = signal<string | null>(null);
  protected readonly suggestionMessage = signal<string | null>(null);
  protected readonly notes = signal<Partial<Record<string, string>>>({});

  readonly form = inject(FormBuilder).nonNullable.group(profileControls(this.thisYear));
  readonly passwordForm = inject(FormBuilder).nonNullable.group({
    password: [
      '',
      [
        Validators.required,
        Validators.minLength(MENTOR_PASSWORD_MIN_LENGTH),
        Validators.maxLength(PASSWORD_MAX_LENGTH),
      ],
    ],
  });

  protected readonly subtitle = computed(() => {
    const profile = this.record()?.profile;
    return profile
      ? `${profile.organisationName} · ${this.i18n.t(`organisationKinds.${profile.organisationKind}`)}`
      : null;
  });
  protected readonly pending = computed(
    () => this.record()?.suggestions.filter((s) => s.status === SuggestionStatus.Pending) ?? [],
  );
  protected readonly decided = computed(
    () => this.record()?.suggestions.filter((s) => s.status !== SuggestionStatus.Pending) ?? [],
  );

  constructor() {
    effect(() => {
      this.id();
      untracked(() => this.load());
    });
  }

  /** Loads (or reloads) the mentor; the form shows what is stored now. */
  load(): void {
    this.problem.set(null);
    this.resource.run(this.api.record(this.id()), (record) => {
      this.show(record);
    });
  }

  protected recordsOf(path: string) {
    const record = this.record();
    if (!record) return [];
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
    const record = this.record();
    if (!record) return [];
    return suggestionLines(suggestion.changes, fieldsOfProfile(record.profile), this.t, this.format());
  }

  protected fieldNamesOf(suggestion: ProfileSuggestion): string {
    return this.linesOf(suggestion)
      .map((line) => line.label)
      .join(', ');
  }

  protected setNote(id: string, note: string): void {
    this.notes.update((notes) => ({ ...notes, [id]: note }));
  }

  protected save(): void {
    const record = this.record();
    this.form.markAllAsTouched();
    if (!record || this.form.invalid || this.busy()) return;
    this.problem.set(null);
    this.notice.set(null);
    const value = this.form.getRawValue();
    const next = profileFieldsOf(value);
    const body = profileUpdate(record.profile, next, value.name);
    if (!body) {
      this.say(this.notice, 'workforce.mentor.noChanges');
      return;
    }
    // The same rules as the API's, so the form says it first (a birth year in the future, ...).
    const { version: _version, name: _name, ...changes } = body;
    const violations = validateProfile(changes, localToday(), fieldsOfProfile(record.profile));
    if (violations.length) {
      applyServerErrors(this.form, errorsByControl(translateFieldErrors(toFieldErrors(violations), this.t)));
      return;
    }
    this.busy.set(true);
    this.api
      .updateProfile(record.profile.mentorId, body)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (updated) => {
          this.busy.set(false);
          this.show(updated);
          this.say(this.notice, 'workforce.mentor.saved');
        },
        error: (error: unknown) => {
          this.busy.set(false);
          if (problemCode(error) === 'profile.stale_version') {
            this.problem.set({ kind: 'stale' });
            void this.announcer.announce(this.i18n.t('workforce.mentor.stale'));
            return;
          }
          const errors = errorsByControl(fieldErrors(error, this.t));
          const unplaced = applyServerErrors(this.form, errors);
          if (unplaced.length) this.problem.set({ kind: 'unplaced', text: unplaced.join(' ') });
          else if (!Object.keys(errors).length) this.problem.set({ kind: 'failed' });
        },
      });
  }

  protected decide(suggestion: ProfileSuggestion, decision: 'accept' | 'reject'): void {
    if (this.busy()) return;
    this.busy.set(true);
    this.suggestionMessage.set(null);
    this.api
      .decide(suggestion.id, decision, this.notes()[suggestion.id])
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: () => {
          this.busy.set(false);
          this.say(
            this.suggestionMessage,
            decision === 'accept' ? 'workforce.suggestions.accepted' : 'workforce.suggestions.rejected',
          );
          this.load();
        },
        error: (error: unknown) => {
          this.busy.set(false);
          const code = problemCode(error);
          const key =
            code === 'suggestion.already_decided'
              ? 'workforce.suggestions.alreadyDecided'
              : code === 'suggestion.no_longer_valid'
                ? 'workforce.suggestions.noLongerValid'
                : 'forms.saveFailed';
          const detail = Object.values(fieldErrors(error, this.t)).flat().join(' ');
          this.suggestionMessage.set([this.i18n.t(key), detail].filter(Boolean).join(' '));
          void this.announcer.announce(this.suggestionMessage() ?? '');
          if (code === 'suggestion.already_decided') this.load();
        },
      });
  }

  protected passwordError(): string {
    const error = controlErrorKey(this.passwordForm.controls.password);
    if (!error) return '';
    if (error.text) return error.text;
    return error.key === 'forms.errors.required'
      ? this.i18n.t(error.key)
      : this.i18n.t('workforce.password.length', { min: MENTOR_PASSWORD_MIN_LENGTH });
  }

  protected setPassword(): void {
    const record = this.record();
    this.passwordForm.markAllAsTouched();
    if (!record || this.passwordForm.invalid || this.busy()) return;
    this.busy.set(true);
    this.passwordNotice.set(null);
    this.api
      .setPassword(record.profile.mentorId, this.passwordForm.getRawValue().password)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: () => {
          this.busy.set(false);
          this.passwordForm.reset({ password: '' });
          this.say(this.passwordNotice, 'workforce.password.saved');
        },
        error: (error: unknown) => {
          this.busy.set(false);
          const errors = fieldErrors(error, this.t);
          if (Object.keys(errors).length) applyServerErrors(this.passwordForm, errors);
          else this.say(this.passwordNotice, 'forms.saveFailed');
        },
      });
  }

  private readonly t = (key: string, params?: Record<string, string | number>) => this.i18n.t(key, params);

  private format() {
    const locale = this.i18n.locale();
    return { locale, date: (d: string) => formatLocalDate(d, locale) };
  }

  private show(record: MentorWorkforceRecord): void {
    this.record.set(record);
    this.form.reset(profileFormValue(record.profile, record.profile.name));
  }

  private say(target: { set(value: string | null): void }, key: string): void {
    const text = this.i18n.t(key);
    target.set(text);
    void this.announcer.announce(text);
  }
}
