import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import { HintView } from '../report-fields';

/**
 * The quality check's result: the score against the municipality's threshold and the hints,
 * each naming the field and the rule in plain Danish. With `interactive`, a hint is a button
 * that moves to its field (`jump`).
 */
@Component({
  selector: 'app-quality-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatIconModule, TranslatePipe],
  template: `
    <section
      class="quality"
      [class.under]="under()"
      aria-labelledby="quality-heading"
      data-testid="report-quality"
    >
      <h2 id="quality-heading" class="heading">{{ 'reports.quality.heading' | t }}</h2>
      <p class="score">
        <span class="number" data-testid="report-quality-score">{{ score() }}</span>
        <span class="of">{{ 'reports.quality.of' | t: { threshold: threshold() } }}</span>
      </p>
      <div
        class="meter"
        role="meter"
        aria-valuemin="0"
        aria-valuemax="100"
        [attr.aria-valuenow]="score()"
        [attr.aria-valuetext]="'reports.quality.valueText' | t: { score: score(), threshold: threshold() }"
        [attr.aria-label]="'reports.quality.heading' | t"
      >
        <div class="fill" [style.width.%]="score()"></div>
        <div class="mark" [style.left.%]="threshold()" aria-hidden="true"></div>
      </div>
      <p class="verdict" data-testid="report-quality-verdict">
        {{ (under() ? 'reports.quality.under' : 'reports.quality.over') | t: { threshold: threshold() } }}
      </p>
      @if (hints().length) {
        <h3 class="subheading">{{ 'reports.quality.hintsHeading' | t: { count: hints().length } }}</h3>
        <ul class="hints" data-testid="report-hints">
          @for (view of hints(); track view.hint.field + view.hint.rule) {
            <li class="hint" data-testid="report-hint" [attr.data-field]="view.hint.field">
              @if (interactive()) {
                <button type="button" class="hint-button" (click)="jump.emit(view.hint.field)">
                  <span class="place">{{ view.place }}</span>
                  <span class="text">{{ view.text }}</span>
                </button>
              } @else {
                <span class="place">{{ view.place }}</span>
                <span class="text">{{ view.text }}</span>
              }
            </li>
          }
        </ul>
      } @else {
        <p class="all-good" data-testid="report-no-hints">{{ 'reports.quality.noHints' | t }}</p>
      }
    </section>
  `,
  styles: `
    :host {
      display: block;
    }
    .quality {
      padding: 16px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
      background: var(--mat-sys-surface-container-low);
    }
    .heading {
      margin: 0 0 8px;
      font: var(--mat-sys-title-medium);
    }
    .subheading {
      margin: 16px 0 8px;
      font: var(--mat-sys-title-small);
    }
    .score {
      display: flex;
      align-items: baseline;
      gap: 8px;
      margin: 0 0 8px;
    }
    .number {
      font: var(--mat-sys-display-small);
      color: var(--mat-sys-primary);
    }
    .under .number {
      color: var(--mat-sys-error);
    }
    .of {
      color: var(--mat-sys-on-surface-variant);
    }
    .meter {
      position: relative;
      height: 10px;
      border-radius: 5px;
      background: var(--mat-sys-surface-container-highest);
      overflow: visible;
    }
    .fill {
      height: 100%;
      border-radius: 5px;
      background: var(--mat-sys-primary);
    }
    .under .fill {
      background: var(--mat-sys-error);
    }
    .mark {
      position: absolute;
      top: -3px;
      width: 2px;
      height: 16px;
      background: var(--mat-sys-on-surface);
    }
    .verdict {
      margin: 8px 0 0;
      font: var(--mat-sys-body-medium);
    }
    .hints {
      display: flex;
      flex-direction: column;
      gap: 6px;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .hint-button {
      display: flex;
      flex-direction: column;
      gap: 2px;
      width: 100%;
      min-height: 48px;
      padding: 8px 12px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
      background: var(--mat-sys-surface);
      color: var(--mat-sys-on-surface);
      font: var(--mat-sys-body-medium);
      text-align: left;
      cursor: pointer;
    }
    .hint-button:hover {
      background: var(--mat-sys-surface-container);
    }
    .hint > .place,
    .hint > .text {
      display: block;
    }
    .place {
      font: var(--mat-sys-label-large);
      color: var(--mat-sys-primary);
    }
    .all-good {
      margin: 12px 0 0;
    }
  `,
})
export class QualityPanel {
  readonly score = input.required<number>();
  readonly threshold = input.required<number>();
  readonly hints = input.required<readonly HintView[]>();
  /** Hints are buttons that move to their field. */
  readonly interactive = input(false);
  /** The field path of the hint chosen. */
  readonly jump = output<string>();

  protected readonly under = computed(() => this.score() < this.threshold());
}
