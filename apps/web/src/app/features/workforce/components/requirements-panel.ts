import { LiveAnnouncer } from '@angular/cdk/a11y';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { RECRUITMENT_COMPETENCIES, RecruitmentCompetency } from '@mentor/domain';
import { ChipGroup, ChipOption } from '@mentor/shared-ui';
import { catchError, EMPTY, switchMap } from 'rxjs';
import { I18nService } from '../../../core/i18n/i18n.service';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import { WorkforceApiService } from '../workforce-api.service';

/**
 * What an organisation recruits for (the competencies of study figure 4.1): the team leader
 * chooses them, the administrator reads them. Each hire is assessed against them on their page.
 */
@Component({
  selector: 'app-requirements-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, MatButtonModule, ChipGroup, TranslatePipe],
  template: `
    <details class="panel" data-testid="requirements">
      <summary>{{ 'workforce.recruitment.requirementsTitle' | t }}</summary>
      <p class="muted">{{ 'workforce.recruitment.requirementsHint' | t }}</p>
      @if (canEdit()) {
        <ui-chip-group
          data-testid="requirements-chips"
          [legend]="'workforce.recruitment.requirementsLegend' | t"
          [options]="options()"
          [ngModel]="chosen()"
          (ngModelChange)="chosen.set($event)"
        />
        <button
          mat-stroked-button
          type="button"
          data-testid="requirements-save"
          [disabled]="busy()"
          (click)="save()"
        >
          {{ (busy() ? 'common.saving' : 'workforce.recruitment.save') | t }}
        </button>
      } @else {
        <p data-testid="requirements-list">{{ listText() }}</p>
      }
      @if (message(); as message) {
        <p class="message" role="status">{{ message }}</p>
      }
    </details>
  `,
  styles: `
    :host {
      display: block;
    }
    .panel {
      margin: 16px 0;
      padding: 12px 16px;
    }
    summary {
      cursor: pointer;
      font: var(--mat-sys-title-medium);
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
    }
    .message {
      margin: 8px 0 0;
    }
  `,
})
export class RequirementsPanel {
  private readonly api = inject(WorkforceApiService);
  private readonly i18n = inject(I18nService);
  private readonly announcer = inject(LiveAnnouncer);

  readonly organisationId = input.required<string>();
  readonly canEdit = input(false);

  protected readonly chosen = signal<RecruitmentCompetency[]>([]);
  protected readonly busy = signal(false);
  protected readonly message = signal<string | null>(null);
  protected readonly options = computed((): ChipOption[] => {
    this.i18n.lang();
    return RECRUITMENT_COMPETENCIES.map((c) => ({
      value: c,
      label: this.i18n.t(`recruitmentCompetencies.${c}`),
    }));
  });
  protected readonly listText = computed(() => {
    const chosen = this.chosen();
    return chosen.length
      ? chosen.map((c) => this.i18n.t(`recruitmentCompetencies.${c}`)).join(', ')
      : this.i18n.t('workforce.recruitment.none');
  });

  constructor() {
    toObservable(this.organisationId)
      .pipe(
        switchMap((id) => this.api.requirements(id).pipe(catchError(() => EMPTY))),
        takeUntilDestroyed(),
      )
      .subscribe((requirements) => this.chosen.set(requirements.competencies));
  }

  protected save(): void {
    if (this.busy()) return;
    this.busy.set(true);
    this.message.set(null);
    this.api.setRequirements(this.organisationId(), this.chosen()).subscribe({
      next: (requirements) => {
        this.busy.set(false);
        this.chosen.set(requirements.competencies);
        this.say('workforce.recruitment.saved');
      },
      error: () => {
        this.busy.set(false);
        this.say('forms.saveFailed');
      },
    });
  }

  private say(key: string): void {
    const text = this.i18n.t(key);
    this.message.set(text);
    void this.announcer.announce(text);
  }
}
