import { LiveAnnouncer } from '@angular/cdk/a11y';
import { DOCUMENT } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  inject,
  input,
  signal,
} from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import {
  FieldError,
  MENTOR_TYPES,
  MentorType,
  OrganisationSummary,
  Role,
  SURVEY_SELF_ROLE,
  SurveyAnswer,
  SurveyKind,
  SURVEYS,
  SurveyResponseRequest,
  toFieldErrors,
  validateAnsweredOn,
  validateSurveyAnswers,
} from '@mentor/domain';
import { ErrorMessage, PageHeader } from '@mentor/shared-ui';
import { catchError, map, of } from 'rxjs';
import { AuthService } from '../../../core/auth/auth.service';
import { localToday } from '../../../core/http/local-time';
import { problemOf } from '../../../core/http/problem';
import { I18nService } from '../../../core/i18n/i18n.service';
import { LocalDatePipe } from '../../../core/i18n/local-date.pipe';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import { OrganisationsApiService } from '../../organisations/organisations-api.service';
import { SurveyQuestion } from '../components/survey-question';
import { answersToSend, DraftAnswers, messagesByField } from '../survey-text';
import { SurveysApiService } from '../surveys-api.service';

/**
 * One questionnaire as a form built from its definition: a mentor answers the mentor
 * questionnaire and a team leader the recruiter questionnaire as themselves; staff enter a
 * citizen interview (or a mentor's paper answers) with its date and the organisation it concerns.
 * Every question may be skipped; at least one must be answered.
 */
@Component({
  selector: 'app-survey-form-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    RouterLink,
    SurveyQuestion,
    ErrorMessage,
    PageHeader,
    LocalDatePipe,
    TranslatePipe,
  ],
  template: `
    @let k = surveyKind();
    <ui-page-header
      [title]="'surveys.kinds.' + k + '.' + mode() + 'Title' | t"
      [subtitle]="'surveys.kinds.' + k + '.intro' | t"
    >
      <a mat-button routerLink="/surveys" data-testid="survey-back">{{ 'surveys.back' | t }}</a>
    </ui-page-header>

    @if (saved()) {
      <section class="thanks" role="status" data-testid="survey-saved" aria-labelledby="survey-saved-heading">
        <h2 id="survey-saved-heading">{{ 'surveys.form.savedTitle' | t }}</h2>
        <p>{{ 'surveys.form.saved' | t: { date: (saved()!.answeredOn | localDate) } }}</p>
        <div class="buttons">
          @if (mode() === 'enter') {
            <button mat-flat-button type="button" data-testid="survey-another" (click)="another()">
              {{ 'surveys.form.another' | t }}
            </button>
          }
          <a mat-stroked-button routerLink="/surveys">{{ 'surveys.back' | t }}</a>
        </div>
      </section>
    } @else {
      <form class="survey" novalidate data-testid="survey-form" [formGroup]="meta" (ngSubmit)="submit()">
        <p class="hint">{{ 'surveys.form.skipHint' | t }}</p>
        <div class="meta">
          <mat-form-field appearance="outline">
            <mat-label>{{
              (mode() === 'self' ? 'surveys.form.answeredOnSelf' : 'surveys.form.answeredOn') | t
            }}</mat-label>
            <input
              matInput
              type="date"
              formControlName="answeredOn"
              data-testid="survey-answered-on"
              [max]="today"
              [attr.aria-invalid]="fieldErrors()['answeredOn'] ? true : null"
              [attr.aria-describedby]="fieldErrors()['answeredOn'] ? 'survey-answered-on-error' : null"
            />
          </mat-form-field>
          @if (fieldErrors()['answeredOn']; as errors) {
            <p class="error" id="survey-answered-on-error" data-testid="survey-answered-on-error">
              {{ errors.join(' ') }}
            </p>
          }
          @if (needsOrganisation) {
            <mat-form-field appearance="outline" class="organisation">
              <mat-label>{{ 'surveys.form.organisation' | t }}</mat-label>
              <mat-select
                formControlName="organisationId"
                data-testid="survey-organisation"
                [attr.aria-describedby]="
                  fieldErrors()['organisationId'] ? 'survey-organisation-error' : 'survey-organisation-hint'
                "
              >
                @for (organisation of organisations(); track organisation.id) {
                  <mat-option [value]="organisation.id">{{ organisation.name }}</mat-option>
                }
              </mat-select>
              <mat-hint id="survey-organisation-hint">{{ 'surveys.form.organisationHint' | t }}</mat-hint>
            </mat-form-field>
            @if (fieldErrors()['organisationId']; as errors) {
              <p class="error" id="survey-organisation-error" data-testid="survey-organisation-error">
                {{ errors.join(' ') }}
              </p>
            }
          } @else if (mode() === 'enter') {
            <p class="own-organisation" data-testid="survey-own-organisation">
              {{ 'surveys.form.ownOrganisation' | t: { organisation: organisationName } }}
            </p>
          }
          @if (asksMentorType()) {
            <mat-form-field appearance="outline" class="mentor-type">
              <mat-label>{{ 'surveys.form.mentorType.' + k + '.' + mode() | t }}</mat-label>
              <mat-select formControlName="mentorType" data-testid="survey-mentor-type">
                <mat-option value="">{{ 'surveys.form.mentorTypeUnknown' | t }}</mat-option>
                @for (type of mentorTypes; track type) {
                  <mat-option [value]="type">{{ 'mentorTypes.' + type | t }}</mat-option>
                }
              </mat-select>
              <mat-hint>{{ 'surveys.form.mentorTypeHint' | t }}</mat-hint>
            </mat-form-field>
          }
        </div>

        @for (question of definition().questions; track question.key; let i = $index) {
          <app-survey-question
            [kind]="k"
            [question]="question"
            [number]="i + 1"
            [value]="draft()[question.key]"
            [errors]="fieldErrors()['answers.' + question.key] ?? []"
            (answer)="setAnswer(question.key, $event)"
          />
        }

        @if (generalErrors().length) {
          <ui-error-message class="box" data-testid="survey-error" [message]="generalErrors().join(' ')" />
        }
        <div class="buttons">
          <button mat-flat-button type="submit" data-testid="survey-submit" [disabled]="saving()">
            {{ (mode() === 'self' ? 'surveys.form.submitSelf' : 'surveys.form.submit') | t }}
          </button>
        </div>
      </form>
    }
  `,
  styles: `
    .survey {
      max-width: 760px;
    }
    .hint {
      margin: 0 0 16px;
      color: var(--mat-sys-on-surface-variant);
    }
    .meta {
      display: flex;
      flex-direction: column;
      align-items: flex-start;
      margin-bottom: 8px;
    }
    .organisation,
    .mentor-type {
      min-width: 320px;
    }
    .own-organisation {
      margin: 0 0 8px;
    }
    .error {
      margin: -12px 0 12px;
      color: var(--mat-sys-error);
      font: var(--mat-sys-body-small);
    }
    .box {
      display: block;
      margin-bottom: 16px;
    }
    .buttons {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
    .thanks {
      max-width: 640px;
      padding: 16px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
    }
    .thanks h2 {
      margin: 0 0 8px;
      font: var(--mat-sys-title-large);
    }
  `,
})
export class SurveyFormPage {
  private readonly api = inject(SurveysApiService);
  private readonly i18n = inject(I18nService);
  private readonly announcer = inject(LiveAnnouncer);
  private readonly document = inject(DOCUMENT);
  private readonly destroyRef = inject(DestroyRef);
  private readonly user = inject(AuthService).user();

  /** The path's questionnaire (`citizen`, `mentor`, `recruiter`); the route's guard lets only those through. */
  readonly kind = input.required<string>();

  protected readonly today = localToday();
  protected readonly organisationName = this.user?.organisationName ?? '';
  /** A caseworker names the organisation of the citizen's mentor; others enter for their own. */
  protected readonly needsOrganisation = this.user?.role === Role.Caseworker;
  protected readonly surveyKind = computed(() => this.kind() as SurveyKind);
  protected readonly definition = computed(() => SURVEYS[this.surveyKind()]);
  /** `self` when the signed-in user is the respondent, `enter` when staff enter someone's answers. */
  /** The kind of mentor support, for the indicators' mentor-type filter; recruiters are not asked. */
  protected readonly asksMentorType = computed(() => this.surveyKind() !== SurveyKind.Recruiter);
  protected readonly mentorTypes = MENTOR_TYPES;
  protected readonly mode = computed(() =>
    SURVEY_SELF_ROLE[this.surveyKind()] === this.user?.role ? 'self' : 'enter',
  );

  protected readonly meta = inject(FormBuilder).nonNullable.group({
    answeredOn: [this.today],
    organisationId: [''],
    mentorType: [''],
  });
  protected readonly organisations = this.needsOrganisation
    ? toSignal(
        inject(OrganisationsApiService)
          .choices()
          .pipe(
            map((page) => page.items),
            catchError(() => of([] as OrganisationSummary[])),
          ),
        { initialValue: [] as OrganisationSummary[] },
      )
    : signal<OrganisationSummary[]>([]);

  protected readonly draft = signal<DraftAnswers>({});
  protected readonly fieldErrors = signal<Partial<Record<string, string[]>>>({});
  protected readonly saving = signal(false);
  protected readonly saved = signal<{ answeredOn: string } | null>(null);
  /** Errors not about one question or field: "answer at least one question", or a failure. */
  protected readonly generalErrors = computed(() => {
    const errors = this.fieldErrors();
    return Object.entries(errors)
      .filter(
        ([field]) => !field.startsWith('answers.') && field !== 'answeredOn' && field !== 'organisationId',
      )
      .flatMap(([, messages]) => messages ?? []);
  });

  protected setAnswer(question: string, answer: SurveyAnswer | undefined): void {
    this.draft.update((draft) => ({ ...draft, [question]: answer }));
    const field = `answers.${question}`;
    if (this.fieldErrors()[field] || this.fieldErrors()['answers'])
      this.fieldErrors.update(({ [field]: _, answers: __, ...rest }) => rest);
  }

  protected submit(): void {
    if (this.saving()) return;
    const kind = this.surveyKind();
    const { answeredOn, organisationId, mentorType } = this.meta.getRawValue();
    const answers = answersToSend(this.definition(), this.draft());
    const violations = [
      ...validateAnsweredOn(answeredOn, this.today),
      ...validateSurveyAnswers(kind, answers),
    ];
    if (this.needsOrganisation && !organisationId)
      violations.push({ field: 'organisationId', code: 'isNotEmpty', message: 'organisationId is required' });
    if (violations.length) return this.showErrors(toFieldErrors(violations));

    const body: SurveyResponseRequest = { answeredOn, answers };
    if (this.needsOrganisation) body.organisationId = organisationId;
    if (this.asksMentorType() && mentorType) body.mentorType = mentorType as MentorType;
    this.saving.set(true);
    this.fieldErrors.set({});
    this.api
      .submit(kind, body)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (response) => {
          this.saving.set(false);
          this.saved.set({ answeredOn: response.answeredOn });
          void this.announcer.announce(this.i18n.t('surveys.form.savedTitle'));
        },
        error: (error: unknown) => {
          this.saving.set(false);
          const problem = problemOf(error);
          if (problem?.errors?.length) return this.showErrors(problem.errors);
          this.fieldErrors.set({ request: [this.i18n.t('surveys.form.failed')] });
        },
      });
  }

  /** Starts a new, empty entry (staff entering several interviews). */
  protected another(): void {
    this.draft.set({});
    this.fieldErrors.set({});
    this.saved.set(null);
  }

  private showErrors(errors: readonly FieldError[]): void {
    this.fieldErrors.set(messagesByField(errors, (key, params) => this.i18n.t(key, params)));
    void this.announcer.announce(this.i18n.t('surveys.form.hasErrors'));
    // Move to the first problem, so keyboard and screen-reader users land on it.
    queueMicrotask(() =>
      this.document
        .querySelector<HTMLElement>(
          '.invalid input, input[aria-invalid="true"], [data-testid="survey-error"]',
        )
        ?.focus(),
    );
  }
}
