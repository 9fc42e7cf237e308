import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatRadioModule } from '@angular/material/radio';
import { QuestionKind, SurveyAnswer, SurveyKind, SurveyQuestion as Question } from '@mentor/domain';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import { choiceLabelKey, questionChoices, questionLabelKey, toggleOption } from '../survey-text';

/**
 * One question of a questionnaire as a fieldset whose legend is the question: radio buttons for
 * yes/no, one choice and a scale, checkboxes (with an explicit "none of these") for several. An
 * answer can be taken back, so a skipped question stays out of its indicator's denominator.
 */
@Component({
  selector: 'app-survey-question',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatCheckboxModule, MatRadioModule, TranslatePipe],
  template: `
    @let q = question();
    <fieldset
      class="question"
      data-testid="survey-question"
      [attr.data-question]="q.key"
      [class.invalid]="errors().length"
      [attr.aria-describedby]="describedBy()"
    >
      <legend [id]="legendId()">
        <span class="number">{{ number() }}.</span> {{ labelKey() | t }}
      </legend>
      @if (multiple()) {
        <p class="hint" [id]="hintId()">{{ 'surveys.form.severalAllowed' | t }}</p>
      }
      @if (multiple()) {
        <div class="options">
          @for (choice of choices(); track choice) {
            <mat-checkbox
              [attr.data-option]="choice"
              [checked]="isChecked(choice)"
              (change)="toggle(choice, $event.checked)"
              >{{ choiceKey(choice) | t }}</mat-checkbox
            >
          }
          <mat-checkbox data-option="none" [checked]="isNone()" (change)="chooseNone($event.checked)">{{
            'surveys.form.noneOfThese' | t
          }}</mat-checkbox>
        </div>
      } @else {
        <mat-radio-group
          class="options"
          [class.scale]="isScale()"
          [attr.aria-labelledby]="legendId()"
          [attr.aria-invalid]="errors().length ? true : null"
          [value]="value()"
          (change)="answer.emit($event.value)"
        >
          @for (choice of choices(); track choice) {
            <mat-radio-button [value]="choice" [attr.data-option]="'' + choice">{{
              choiceKey(choice) | t
            }}</mat-radio-button>
          }
        </mat-radio-group>
      }
      @if (answered()) {
        <button
          mat-button
          type="button"
          class="clear"
          data-testid="survey-question-clear"
          (click)="answer.emit(undefined)"
        >
          {{ 'surveys.form.clearAnswer' | t }}
        </button>
      }
      @if (errors().length) {
        <p class="error" [id]="errorId()" data-testid="survey-question-error">{{ errors().join(' ') }}</p>
      }
    </fieldset>
  `,
  styles: `
    :host {
      display: block;
    }
    .question {
      margin: 0 0 16px;
      padding: 12px 16px 8px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
      min-width: 0;
    }
    .question.invalid {
      border-color: var(--mat-sys-error);
    }
    legend {
      padding: 0 4px;
      font: var(--mat-sys-title-small);
    }
    .number {
      font-weight: 700;
    }
    .hint {
      margin: 0 0 4px;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .options {
      display: flex;
      flex-direction: column;
      align-items: flex-start;
    }
    .options.scale {
      flex-direction: row;
      flex-wrap: wrap;
      gap: 0 8px;
    }
    .clear {
      margin-top: 4px;
    }
    .error {
      margin: 4px 0 0;
      color: var(--mat-sys-error);
      font: var(--mat-sys-body-small);
    }
  `,
})
export class SurveyQuestion {
  readonly kind = input.required<SurveyKind>();
  readonly question = input.required<Question>();
  /** Its place in the questionnaire, from 1. */
  readonly number = input.required<number>();
  /** The answer so far; undefined when not answered. */
  readonly value = input<SurveyAnswer | undefined>(undefined);
  readonly errors = input<readonly string[]>([]);
  /** A new answer, or undefined when taken back. */
  readonly answer = output<SurveyAnswer | undefined>();

  protected readonly labelKey = computed(() => questionLabelKey(this.kind(), this.question().key));
  protected readonly legendId = computed(() => `survey-q-${this.question().key}`);
  protected readonly errorId = computed(() => `survey-q-${this.question().key}-error`);
  protected readonly hintId = computed(() => `survey-q-${this.question().key}-hint`);
  /** The "several allowed" hint and the errors, read after the question. */
  protected readonly describedBy = computed(
    () =>
      [this.multiple() ? this.hintId() : null, this.errors().length ? this.errorId() : null]
        .filter(Boolean)
        .join(' ') || null,
  );
  protected readonly choices = computed(() => questionChoices(this.question()));
  protected readonly multiple = computed(() => this.question().kind === QuestionKind.MultipleChoice);
  protected readonly isScale = computed(() => this.question().kind === QuestionKind.Scale);
  protected readonly answered = computed(() => this.value() !== undefined && this.value() !== null);
  protected readonly isNone = computed(
    () => Array.isArray(this.value()) && (this.value() as string[]).length === 0,
  );

  protected choiceKey(choice: string | boolean | number): string {
    return choiceLabelKey(this.kind(), this.question(), choice);
  }

  protected isChecked(choice: string | boolean | number): boolean {
    const value = this.value();
    return Array.isArray(value) && value.includes(choice as string);
  }

  protected toggle(choice: string | boolean | number, checked: boolean): void {
    const current = this.isNone() ? undefined : this.value();
    this.answer.emit(toggleOption(current, String(choice), checked));
  }

  protected chooseNone(checked: boolean): void {
    this.answer.emit(checked ? [] : undefined);
  }
}
