import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import {
  Recommendation,
  ReportAttendance,
  ReportComment,
  ReportContent,
  ReportSection,
} from '@mentor/domain';
import { LocalDatePipe } from '../../../core/i18n/local-date.pipe';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import { sectionElementId } from '../report-fields';
import { AttendanceView } from './attendance-view';

/** A report's six sections, read-only and printable, with a caseworker's comments at their sections. */
@Component({
  selector: 'app-report-sections',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [AttendanceView, TranslatePipe, LocalDatePipe],
  template: `
    @let c = content();
    <section class="section" [attr.aria-labelledby]="ids.attendance">
      <h2 class="section-heading" tabindex="-1" [id]="ids.attendance">
        1. {{ 'reports.sections.attendance' | t }}
      </h2>
      <app-attendance-view [attendance]="attendance()" [periodFrom]="periodFrom()" [periodTo]="periodTo()" />
      @for (comment of commentsFor(sections.Attendance); track $index) {
        <p class="comment" data-testid="report-comment">
          <strong>{{ 'reports.comments.label' | t }}:</strong> {{ comment.comment }}
        </p>
      }
    </section>

    <section class="section" [attr.aria-labelledby]="ids.goals">
      <h2 class="section-heading" tabindex="-1" [id]="ids.goals">2. {{ 'reports.sections.goals' | t }}</h2>
      @for (goal of goalEntries(); track goal.id; let i = $index) {
        <div class="item" data-testid="report-goal">
          <h3 class="item-heading">{{ 'reports.places.goal' | t: { n: i + 1 } }}: {{ goal.text }}</h3>
          <dl class="facts">
            <dt>{{ 'reports.fieldNames.status' | t }}</dt>
            <dd>{{ goal.entry?.status ? ('goalProgress.' + goal.entry!.status | t) : dash }}</dd>
            <dt>{{ 'reports.fieldNames.whatHappened' | t }}</dt>
            <dd class="pre">{{ goal.entry?.whatHappened || dash }}</dd>
            <dt>{{ 'reports.fieldNames.evidence' | t }}</dt>
            <dd class="pre">{{ goal.entry?.evidence || dash }}</dd>
            <dt>{{ 'reports.fieldNames.evidenceDate' | t }}</dt>
            <dd>{{ goal.entry?.evidenceDate ? (goal.entry!.evidenceDate | localDate) : dash }}</dd>
          </dl>
        </div>
      }
      @for (comment of commentsFor(sections.Goals); track $index) {
        <p class="comment" data-testid="report-comment">
          <strong>{{ 'reports.comments.label' | t }}:</strong> {{ comment.comment }}
        </p>
      }
    </section>

    <section class="section" [attr.aria-labelledby]="ids.barriers">
      <h2 class="section-heading" tabindex="-1" [id]="ids.barriers">
        3. {{ 'reports.sections.barriers' | t }}
      </h2>
      @for (barrier of c.barriers; track $index; let i = $index) {
        <div class="item">
          <h3 class="item-heading">
            {{ 'reports.places.barrier' | t: { n: i + 1 } }}: {{ 'barrierKinds.' + barrier.kind | t }}
          </h3>
          <dl class="facts">
            <dt>{{ 'reports.fieldNames.description' | t }}</dt>
            <dd class="pre">{{ barrier.description || dash }}</dd>
            <dt>{{ 'reports.fieldNames.action' | t }}</dt>
            <dd class="pre">{{ barrier.action || dash }}</dd>
          </dl>
        </div>
      } @empty {
        <p>{{ 'reports.view.noBarriers' | t }}</p>
      }
      @for (comment of commentsFor(sections.Barriers); track $index) {
        <p class="comment" data-testid="report-comment">
          <strong>{{ 'reports.comments.label' | t }}:</strong> {{ comment.comment }}
        </p>
      }
    </section>

    <section class="section" [attr.aria-labelledby]="ids.citizen_view">
      <h2 class="section-heading" tabindex="-1" [id]="ids.citizen_view">
        4. {{ 'reports.sections.citizen_view' | t }}
      </h2>
      <dl class="facts">
        <dt>{{ 'reports.fieldNames.citizenView' | t }}</dt>
        <dd class="pre">{{ c.citizenView || dash }}</dd>
        <dt>{{ 'reports.fieldNames.reviewedWithCitizen' | t }}</dt>
        <dd>
          @if (c.reviewedWithCitizen === true) {
            {{ 'common.yes' | t }}
            @if (c.reviewedWithCitizenOn) {
              ({{ c.reviewedWithCitizenOn | localDate }})
            }
          } @else if (c.reviewedWithCitizen === false) {
            {{ 'common.no' | t }}
          } @else {
            {{ dash }}
          }
        </dd>
        @if (c.citizenViewMissingReason) {
          <dt>{{ 'reports.fieldNames.citizenViewMissingReason' | t }}</dt>
          <dd class="pre">{{ c.citizenViewMissingReason }}</dd>
        }
      </dl>
      @for (comment of commentsFor(sections.CitizenView); track $index) {
        <p class="comment" data-testid="report-comment">
          <strong>{{ 'reports.comments.label' | t }}:</strong> {{ comment.comment }}
        </p>
      }
    </section>

    <section class="section" [attr.aria-labelledby]="ids.next_steps">
      <h2 class="section-heading" tabindex="-1" [id]="ids.next_steps">
        5. {{ 'reports.sections.next_steps' | t }}
      </h2>
      @if (c.nextSteps.length) {
        <table class="data-table">
          <thead>
            <tr>
              <th scope="col">{{ 'reports.fieldNames.action' | t }}</th>
              <th scope="col">{{ 'reports.fieldNames.owner' | t }}</th>
              <th scope="col">{{ 'reports.fieldNames.dueOn' | t }}</th>
            </tr>
          </thead>
          <tbody>
            @for (step of c.nextSteps; track $index) {
              <tr>
                <td>{{ step.action || dash }}</td>
                <td>{{ step.owner || dash }}</td>
                <td>{{ step.dueOn ? (step.dueOn | localDate) : dash }}</td>
              </tr>
            }
          </tbody>
        </table>
      } @else {
        <p>{{ 'reports.view.noNextSteps' | t }}</p>
      }
      @for (comment of commentsFor(sections.NextSteps); track $index) {
        <p class="comment" data-testid="report-comment">
          <strong>{{ 'reports.comments.label' | t }}:</strong> {{ comment.comment }}
        </p>
      }
    </section>

    <section class="section" [attr.aria-labelledby]="ids.recommendation">
      <h2 class="section-heading" tabindex="-1" [id]="ids.recommendation">
        6. {{ 'reports.sections.recommendation' | t }}
      </h2>
      <dl class="facts">
        <dt>{{ 'reports.fieldNames.recommendation' | t }}</dt>
        <dd data-testid="report-recommendation">
          {{ c.recommendation ? ('recommendations.' + c.recommendation | t) : dash }}
          @if (c.recommendation === adjust && c.recommendedMinutesPerWeek) {
            – {{ 'reports.view.minutesPerWeek' | t: { minutes: c.recommendedMinutesPerWeek } }}
          }
        </dd>
        <dt>{{ 'reports.fieldNames.recommendationReason' | t }}</dt>
        <dd class="pre">{{ c.recommendationReason || dash }}</dd>
      </dl>
      @for (comment of commentsFor(sections.Recommendation); track $index) {
        <p class="comment" data-testid="report-comment">
          <strong>{{ 'reports.comments.label' | t }}:</strong> {{ comment.comment }}
        </p>
      }
    </section>
  `,
  styles: `
    :host {
      display: block;
    }
    .section {
      margin-bottom: 16px;
      padding: 16px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
      break-inside: avoid-page;
    }
    .section-heading {
      margin: 0 0 12px;
      font: var(--mat-sys-title-large);
    }
    .section-heading:focus {
      outline: none;
    }
    .item {
      margin-bottom: 12px;
    }
    .item-heading {
      margin: 0 0 6px;
      font: var(--mat-sys-title-small);
    }
    .facts {
      display: grid;
      grid-template-columns: minmax(8rem, max-content) 1fr;
      gap: 4px 16px;
      margin: 0;
    }
    .facts dt {
      font-weight: 500;
      color: var(--mat-sys-on-surface-variant);
    }
    .facts dd {
      margin: 0;
      min-width: 0;
      overflow-wrap: anywhere;
    }
    .pre {
      white-space: pre-line;
    }
    .comment {
      margin: 12px 0 0;
      padding: 8px 12px;
      border-left: 4px solid var(--mat-sys-tertiary);
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
      white-space: pre-line;
    }
    @media (max-width: 480px) {
      .facts {
        grid-template-columns: 1fr;
        gap: 2px;
      }
      .facts dd {
        margin-bottom: 8px;
      }
    }
    @media print {
      .section {
        border: 0;
        padding: 0 0 8px;
      }
    }
  `,
})
export class ReportSections {
  readonly goals = input.required<readonly { id: string; text: string }[]>();
  readonly periodFrom = input.required<string>();
  readonly periodTo = input.required<string>();
  readonly attendance = input.required<ReportAttendance>();
  readonly content = input.required<ReportContent>();
  /** Comments to show at their sections, e.g. of the review that answered this version. */
  readonly comments = input<readonly ReportComment[]>([]);

  protected readonly sections = ReportSection;
  protected readonly adjust = Recommendation.AdjustMinutes;
  protected readonly dash = '–';
  protected readonly ids = Object.fromEntries(
    Object.values(ReportSection).map((section) => [section, sectionElementId(section)]),
  ) as Record<ReportSection, string>;

  /** The grant's goals in order, each with its entry in the report (if any). */
  protected readonly goalEntries = computed(() =>
    this.goals().map((goal) => ({
      ...goal,
      entry: this.content().goals.find((entry) => entry.goalId === goal.id) ?? null,
    })),
  );

  protected commentsFor(section: ReportSection): readonly ReportComment[] {
    return this.comments().filter((comment) => comment.section === section);
  }
}
