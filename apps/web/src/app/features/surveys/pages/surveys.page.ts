import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import {
  addDays,
  addMonths,
  canEnterSurvey,
  hasPermission,
  Permission,
  Role,
  SURVEY_KINDS,
  SURVEY_SELF_ROLE,
  SurveyKind,
} from '@mentor/domain';
import { ErrorMessage, Loading, PageHeader } from '@mentor/shared-ui';
import { forkJoin, map } from 'rxjs';
import { AuthService } from '../../../core/auth/auth.service';
import { localToday } from '../../../core/http/local-time';
import { pageLoad } from '../../../core/http/page-load';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import { SurveysApiService } from '../surveys-api.service';

interface SurveyEntry {
  readonly kind: SurveyKind;
  /** `self`: the user answers as the respondent; `enter`: staff enter someone's answers. */
  readonly mode: 'self' | 'enter';
}

/** The questionnaires a role submits, as the respondent or entering someone's answers. */
function entriesFor(role: Role | undefined): SurveyEntry[] {
  if (!role) return [];
  return SURVEY_KINDS.filter((kind) => canEnterSurvey(role, kind)).map((kind) => ({
    kind,
    mode: SURVEY_SELF_ROLE[kind] === role ? 'self' : 'enter',
  }));
}

/**
 * "Spørgeskemaer": the questionnaires the user answers or enters, and for team leaders and
 * administrators the import and how many responses the last 12 months hold (the surveys' N).
 */
@Component({
  selector: 'app-surveys-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatIconModule, RouterLink, ErrorMessage, Loading, PageHeader, TranslatePipe],
  template: `
    <ui-page-header [title]="'surveys.title' | t" [subtitle]="'surveys.subtitle' | t" />

    @if (entries.length) {
      <ul class="cards" [attr.aria-label]="'surveys.questionnaires' | t">
        @for (entry of entries; track entry.kind) {
          <li class="card" data-testid="survey-card" [attr.data-kind]="entry.kind">
            <h2>{{ 'surveys.kinds.' + entry.kind + '.name' | t }}</h2>
            <p>{{ 'surveys.kinds.' + entry.kind + '.' + entry.mode + 'Description' | t }}</p>
            <a
              mat-flat-button
              [routerLink]="['/surveys', entry.kind]"
              [attr.data-testid]="'survey-open-' + entry.kind"
            >
              {{ 'surveys.kinds.' + entry.kind + '.' + entry.mode + 'Title' | t }}
            </a>
          </li>
        }
      </ul>
    }

    @if (canManage) {
      <section class="panel" aria-labelledby="surveys-responses-heading" data-testid="survey-responses">
        <h2 id="surveys-responses-heading">{{ 'surveys.responses.title' | t }}</h2>
        @if (counts.loading()) {
          <ui-loading [label]="'common.loading' | t" />
        } @else if (counts.failed()) {
          <ui-error-message
            [message]="'common.loadFailed' | t"
            [retryLabel]="'common.retry' | t"
            (retry)="loadCounts()"
          />
        } @else {
          <table class="data-table">
            <caption class="visually-hidden">
              {{
                'surveys.responses.caption' | t
              }}
            </caption>
            <thead>
              <tr>
                <th scope="col">{{ 'surveys.responses.questionnaire' | t }}</th>
                <th scope="col" class="numeric">{{ 'surveys.responses.lastYear' | t }}</th>
              </tr>
            </thead>
            <tbody>
              @for (row of responseCounts(); track row.kind) {
                <tr data-testid="survey-response-count" [attr.data-kind]="row.kind">
                  <th scope="row">{{ 'surveys.kinds.' + row.kind + '.name' | t }}</th>
                  <td class="numeric">{{ row.total }}</td>
                </tr>
              }
            </tbody>
          </table>
        }
        <p class="actions">
          <a mat-stroked-button routerLink="/surveys/import" data-testid="survey-import-link">
            <mat-icon aria-hidden="true" fontIcon="upload_file" />
            {{ 'surveys.import.title' | t }}
          </a>
        </p>
      </section>
    }
  `,
  styles: `
    .cards {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(260px, 1fr));
      gap: 16px;
      margin: 0 0 24px;
      padding: 0;
      list-style: none;
    }
    .card {
      padding: 16px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
    }
    .card {
      display: flex;
      flex-direction: column;
      align-items: flex-start;
    }
    .card p {
      flex: 1 1 auto;
    }
    h2 {
      margin: 0 0 8px;
      font: var(--mat-sys-title-large);
    }
    .panel {
      max-width: 640px;
      margin-bottom: 0;
    }
    .data-table tbody th {
      font-weight: 400;
    }
    .actions {
      margin: 16px 0 0;
    }
  `,
})
export class SurveysPage {
  private readonly api = inject(SurveysApiService);
  private readonly role = inject(AuthService).user()?.role;

  protected readonly entries: SurveyEntry[] = entriesFor(this.role);
  protected readonly canManage = !!this.role && hasPermission(this.role, Permission.SurveysManage);
  protected readonly counts = pageLoad();
  private readonly totals = signal<Partial<Record<SurveyKind, number>>>({});
  protected readonly responseCounts = computed(() =>
    SURVEY_KINDS.map((kind) => ({ kind, total: this.totals()[kind] ?? 0 })),
  );

  constructor() {
    if (this.canManage) this.loadCounts();
  }

  protected loadCounts(): void {
    const today = localToday();
    const from = addDays(addMonths(today, -12), 1);
    const totals = SURVEY_KINDS.map((kind) =>
      this.api.responses(kind, { from, to: today, limit: 1, offset: 0 }).pipe(map((page) => page.total)),
    );
    this.counts.run(forkJoin(totals), (values) =>
      this.totals.set(Object.fromEntries(SURVEY_KINDS.map((kind, i) => [kind, values[i]]))),
    );
  }
}
