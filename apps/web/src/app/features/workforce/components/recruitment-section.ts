import { LiveAnnouncer } from '@angular/cdk/a11y';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  inject,
  input,
  linkedSignal,
  output,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatRadioModule } from '@angular/material/radio';
import { MentorRecruitment, RecruitmentCompetency } from '@mentor/domain';
import { ErrorMessage } from '@mentor/shared-ui';
import { I18nService } from '../../../core/i18n/i18n.service';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import { Assessment, assessmentLines, assessmentsOf } from '../recruitment';
import { WorkforceApiService } from '../workforce-api.service';

/**
 * Recruitment of one hire: each competency the organisation recruits for (and the others) met,
 * not met or not assessed, and whether every requirement was met. The team leader changes the
 * assessment; others read it. Test ids: `recruitment-<competency>`, `recruitment-save`.
 */
@Component({
  selector: 'app-recruitment-section',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatRadioModule, ErrorMessage, TranslatePipe],
  template: `
    <section aria-labelledby="recruitment-heading" data-testid="recruitment">
      <h2 id="recruitment-heading">{{ 'workforce.recruitment.title' | t }}</h2>
      <p data-testid="recruitment-summary">{{ summaryKey() | t }}</p>
      @if (message(); as message) {
        @if (message.kind === 'error') {
          <ui-error-message class="message" [message]="message.text" />
        } @else {
          <p class="message info" role="status">{{ message.text }}</p>
        }
      }
      <table class="data-table">
        <caption class="visually-hidden">
          {{
            'workforce.recruitment.title' | t
          }}
        </caption>
        <thead>
          <tr>
            <th scope="col">{{ 'workforce.recruitment.competency' | t }}</th>
            <th scope="col">{{ 'workforce.recruitment.required' | t }}</th>
            <th scope="col">{{ 'workforce.recruitment.assessment' | t }}</th>
          </tr>
        </thead>
        <tbody>
          @for (line of lines(); track line.competency) {
            <tr [attr.data-testid]="'recruitment-' + line.competency">
              <th scope="row" [id]="'recruitment-label-' + line.competency">
                {{ 'recruitmentCompetencies.' + line.competency | t }}
              </th>
              <td>{{ (line.required ? 'common.yes' : 'common.no') | t }}</td>
              <td>
                @if (canEdit()) {
                  <mat-radio-group
                    class="radios"
                    [attr.aria-labelledby]="'recruitment-label-' + line.competency"
                    [value]="values()[line.competency] ?? ''"
                    (change)="set(line.competency, $event.value)"
                  >
                    <mat-radio-button value="met">{{ 'workforce.recruitment.met' | t }}</mat-radio-button>
                    <mat-radio-button value="not_met">{{
                      'workforce.recruitment.notMet' | t
                    }}</mat-radio-button>
                    <mat-radio-button value="">{{
                      'workforce.recruitment.notAssessed' | t
                    }}</mat-radio-button>
                  </mat-radio-group>
                } @else {
                  {{ assessmentKey(line.assessment) | t }}
                }
              </td>
            </tr>
          }
        </tbody>
      </table>
      @if (canEdit()) {
        <button
          mat-stroked-button
          type="button"
          data-testid="recruitment-save"
          [disabled]="busy()"
          (click)="save()"
        >
          {{ (busy() ? 'common.saving' : 'workforce.recruitment.save') | t }}
        </button>
      }
    </section>
  `,
  styles: `
    :host {
      display: block;
    }
    h2 {
      margin: 0 0 8px;
      font: var(--mat-sys-title-large);
    }
    .data-table {
      margin-bottom: 12px;
    }
    .data-table th,
    .data-table td {
      vertical-align: middle;
    }
    .data-table th[scope='row'] {
      font-weight: 400;
    }
    .radios {
      display: flex;
      flex-wrap: wrap;
      gap: 0 8px;
    }
    .message {
      display: block;
      margin-bottom: 12px;
    }
    .info {
      padding: 12px 16px;
      border-radius: 8px;
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
  `,
})
export class RecruitmentSection {
  private readonly api = inject(WorkforceApiService);
  private readonly i18n = inject(I18nService);
  private readonly announcer = inject(LiveAnnouncer);
  private readonly destroyRef = inject(DestroyRef);

  readonly recruitment = input.required<MentorRecruitment>();
  readonly mentorId = input.required<string>();
  readonly canEdit = input(false);
  /** The assessment was saved. */
  readonly changed = output<void>();

  protected readonly lines = computed(() => assessmentLines(this.recruitment()));
  /** What the form holds; it starts again from what is stored whenever that changes (after a save). */
  protected readonly values = linkedSignal<Partial<Record<RecruitmentCompetency, Assessment>>>(() =>
    Object.fromEntries(this.lines().map((line) => [line.competency, line.assessment])),
  );
  protected readonly busy = signal(false);
  protected readonly message = signal<{ kind: 'info' | 'error'; text: string } | null>(null);
  protected readonly summaryKey = computed(() => {
    const allMet = this.recruitment().allMet;
    if (!this.recruitment().requirements.length) return 'workforce.recruitment.noRequirements';
    return allMet === null
      ? 'workforce.recruitment.notAllAssessed'
      : allMet
        ? 'workforce.recruitment.allMet'
        : 'workforce.recruitment.notAllMet';
  });

  protected assessmentKey(assessment: Assessment): string {
    return assessment === 'met'
      ? 'workforce.recruitment.met'
      : assessment === 'not_met'
        ? 'workforce.recruitment.notMet'
        : 'workforce.recruitment.notAssessed';
  }

  protected set(competency: RecruitmentCompetency, value: Assessment): void {
    this.values.update((values) => ({ ...values, [competency]: value }));
  }

  protected save(): void {
    if (this.busy()) return;
    this.busy.set(true);
    this.message.set(null);
    this.api
      .setAssessments(this.mentorId(), assessmentsOf(this.values()))
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: () => {
          this.busy.set(false);
          const text = this.i18n.t('workforce.recruitment.saved');
          this.message.set({ kind: 'info', text });
          void this.announcer.announce(text);
          this.changed.emit();
        },
        error: () => {
          this.busy.set(false);
          this.message.set({ kind: 'error', text: this.i18n.t('forms.saveFailed') });
        },
      });
  }
}
