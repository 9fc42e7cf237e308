import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MentorOption } from '@mentor/domain';
import { BudgetBar } from '@mentor/shared-ui';
import { I18nService } from '../../../core/i18n/i18n.service';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import { CertificationChip } from './certification-chip';
import { utilisationText } from '../workforce-view';

/**
 * The chosen candidate's load when assigning a course: active courses, granted minutes per week
 * against capacity as a bar, certification, and a warning when the municipality requires a
 * certification the mentor lacks (the API will refuse). Test id `mentor-candidate`.
 */
@Component({
  selector: 'app-mentor-candidate',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [BudgetBar, CertificationChip, TranslatePipe],
  template: `
    <div class="candidate" data-testid="mentor-candidate">
      <p class="line">
        <span data-testid="mentor-candidate-courses">{{
          'workforce.activeCoursesCount' | t: { count: mentor().activeCourses }
        }}</span>
        <app-certification-chip [state]="mentor().certification" />
      </p>
      @if (mentor().capacityMinutesPerWeek) {
        <ui-budget-bar
          [logged]="mentor().grantedMinutesPerWeek"
          [granted]="mentor().capacityMinutesPerWeek ?? 0"
          [label]="'workforce.assign.load' | t"
          [valueText]="loadText()"
        />
      } @else {
        <p class="line" data-testid="mentor-candidate-load">
          {{ 'workforce.assign.load' | t }}: {{ loadText() }}
        </p>
      }
      @if (!mentor().assignable) {
        <p class="warn" data-testid="mentor-candidate-not-assignable">
          {{ 'workforce.assign.notAssignable' | t }}
        </p>
      }
    </div>
  `,
  styles: `
    .candidate {
      display: flex;
      flex-direction: column;
      gap: 6px;
      max-width: 420px;
      margin: 4px 0 12px;
      padding: 8px 12px;
      border-radius: 8px;
      background: var(--mat-sys-surface-container);
    }
    .line {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 4px 12px;
      margin: 0;
    }
    .warn {
      margin: 0;
      font-weight: 500;
      color: var(--mat-sys-error);
    }
  `,
})
export class MentorCandidate {
  private readonly i18n = inject(I18nService);

  readonly mentor = input.required<MentorOption>();

  protected readonly loadText = computed(() =>
    utilisationText(this.mentor(), (key, params) => this.i18n.t(key, params)),
  );
}
