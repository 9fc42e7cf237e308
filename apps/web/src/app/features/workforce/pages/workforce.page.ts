import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  signal,
  TemplateRef,
  viewChild,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatChipsModule } from '@angular/material/chips';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import {
  CERTIFICATION_STATUSES,
  CertificationStatus,
  hasPermission,
  MENTOR_TYPES,
  MentorType,
  OrganisationSummary,
  Permission,
  WORKFORCE_ALERTS,
  WORKFORCE_SORT_FIELDS,
  WorkforceAlert,
  WorkforceRow,
  WorkforceView,
} from '@mentor/domain';
import { BudgetBar, FlagChips, PagedTableColumn } from '@mentor/shared-ui';
import { catchError, EMPTY, map, of, tap } from 'rxjs';
import { AuthService } from '../../../core/auth/auth.service';
import { queryParamsNavigator, urlPagedList } from '../../../core/http/paged-list';
import { PagedListPage } from '../../../core/http/paged-list-page';
import { urlSearch } from '../../../core/http/url-search';
import { I18nService } from '../../../core/i18n/i18n.service';
import { formatLocalDate } from '../../../core/i18n/local-date.pipe';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import { OrganisationsApiService } from '../../organisations/organisations-api.service';
import { CertificationChip } from '../components/certification-chip';
import { RequirementsPanel } from '../components/requirements-panel';
import { ExportFormat, WorkforceApiService, WorkforceFilters } from '../workforce-api.service';
import { alertChips, certificationText, deliveryText, utilisationText } from '../workforce-view';

const DEFAULT_SORT = 'name';

type Filters = WorkforceFilters & { organisationId: string | null };

/** A URL value if it is one of `allowed`, else nothing. */
function oneOf<T extends string>(value: string | undefined, allowed: readonly T[]): T | undefined {
  return allowed.includes(value as T) ? (value as T) : undefined;
}

/**
 * "Mentorer": the team leader's load view of their organisation (the administrator's of any, read
 * only). Every mentor with active courses, granted minutes against capacity, delivery over the last
 * complete weeks, overdue reports, certification, training, supervision and alerts; sorted,
 * filtered and paged on the server, all of it kept in the address. Exports the same table.
 */
@Component({
  selector: 'app-workforce-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    PagedListPage,
    RequirementsPanel,
    BudgetBar,
    CertificationChip,
    FlagChips,
    FormsModule,
    MatButtonModule,
    MatChipsModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatSelectModule,
    RouterLink,
    TranslatePipe,
  ],
  template: `
    <app-paged-list-page
      testId="workforce"
      [list]="list"
      [columns]="columns()"
      [title]="'workforce.title' | t"
      [subtitle]="subtitle()"
      [tableLabel]="'workforce.tableLabel' | t: { organisation: view()?.organisationName ?? '' }"
      [emptyText]="(anyFilter() ? 'workforce.emptyFiltered' : 'workforce.empty') | t"
    >
      <div pageActions class="actions">
        @if (canManage) {
          <a mat-stroked-button routerLink="/workforce/import" data-testid="workforce-import">
            <mat-icon aria-hidden="true" fontIcon="upload_file" />
            {{ 'workforce.import' | t }}
          </a>
          <a mat-flat-button routerLink="/workforce/mentors/new" data-testid="workforce-register">
            <mat-icon aria-hidden="true" fontIcon="person_add" />
            {{ 'workforce.register' | t }}
          </a>
        }
      </div>

      <div class="filters">
        @if (canPick) {
          <mat-form-field appearance="outline" subscriptSizing="dynamic" class="organisation">
            <mat-label>{{ 'workforce.organisation' | t }}</mat-label>
            <mat-select
              data-testid="workforce-organisation"
              [value]="organisationId()"
              (valueChange)="setParam('organisation', $event)"
            >
              @for (organisation of organisations(); track organisation.id) {
                <mat-option [value]="organisation.id">{{ organisation.name }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
        }
        <mat-form-field appearance="outline" class="search" subscriptSizing="dynamic">
          <mat-label>{{ 'workforce.search' | t }}</mat-label>
          <mat-icon matPrefix aria-hidden="true" fontIcon="search" />
          <input
            matInput
            type="search"
            data-testid="workforce-search"
            [ngModel]="searchBox.text()"
            (ngModelChange)="searchBox.set($event)"
          />
        </mat-form-field>
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>{{ 'workforce.certificationFilter' | t }}</mat-label>
          <mat-select
            data-testid="workforce-certification"
            [value]="filters().certificationStatus ?? ''"
            (valueChange)="setParam('certification', $event)"
          >
            <mat-option value="">{{ 'workforce.all' | t }}</mat-option>
            @for (status of certificationStatuses; track status) {
              <mat-option [value]="status">{{ 'certificationStatuses.' + status | t }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>{{ 'workforce.mentorTypeFilter' | t }}</mat-label>
          <mat-select
            data-testid="workforce-mentor-type"
            [value]="filters().mentorType ?? ''"
            (valueChange)="setParam('type', $event)"
          >
            <mat-option value="">{{ 'workforce.all' | t }}</mat-option>
            @for (type of mentorTypes; track type) {
              <mat-option [value]="type">{{ 'mentorTypes.' + type | t }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
      </div>
      <mat-chip-listbox
        class="alerts"
        data-testid="workforce-alerts"
        [attr.aria-label]="'workforce.alertFilter' | t"
        [value]="filters().alert ?? null"
        (change)="setParam('alert', $event.value)"
      >
        @for (alert of alerts; track alert) {
          <mat-chip-option [value]="alert" [attr.data-testid]="'workforce-alert-' + alert">
            {{ 'workforceAlerts.' + alert | t }} ({{ view()?.alertCounts?.[alert] ?? 0 }})
          </mat-chip-option>
        }
      </mat-chip-listbox>

      @if (organisationId()) {
        <div class="export" role="group" [attr.aria-label]="'workforce.export' | t">
          <span class="export-label" aria-hidden="true">{{ 'workforce.export' | t }}:</span>
          <a mat-stroked-button download data-testid="workforce-export-csv" [href]="exportUrl('csv')">
            <mat-icon aria-hidden="true" fontIcon="download" />
            {{ 'workforce.exportCsv' | t }}
          </a>
          <a mat-stroked-button download data-testid="workforce-export-xlsx" [href]="exportUrl('xlsx')">
            <mat-icon aria-hidden="true" fontIcon="download" />
            {{ 'workforce.exportXlsx' | t }}
          </a>
        </div>
      }
      @if (organisationId(); as organisationId) {
        <app-requirements-panel [organisationId]="organisationId" [canEdit]="canManage" />
      }
      @if (view(); as view) {
        <p class="window" data-testid="workforce-window">
          {{ 'workforce.window' | t: { from: date(view.windowFrom), to: date(view.windowTo) } }}
        </p>
      }
    </app-paged-list-page>

    <ng-template #nameCell let-row>
      <a [routerLink]="['/workforce/mentors', row.mentorId]" data-testid="workforce-mentor">{{ row.name }}</a>
      @if (row.employeeNumber || row.email) {
        <span class="sub">{{ row.employeeNumber ?? row.email }}</span>
      }
      @if (row.pendingSuggestions > 0) {
        <span class="suggestions" data-testid="workforce-suggestions">{{
          'workforce.pendingSuggestions' | t: { count: row.pendingSuggestions }
        }}</span>
      }
    </ng-template>
    <ng-template #loadCell let-row>
      @if (row.capacityMinutesPerWeek) {
        <ui-budget-bar
          class="bar"
          data-testid="workforce-load"
          [logged]="row.grantedMinutesPerWeek"
          [granted]="row.capacityMinutesPerWeek"
          [label]="'workforce.loadLabel' | t: { name: row.name }"
          [valueText]="loadText(row)"
          [hideLabel]="true"
        />
      } @else {
        <span data-testid="workforce-load">{{ loadText(row) }}</span>
      }
    </ng-template>
    <ng-template #certificationCell let-row>
      <app-certification-chip [state]="row.certification" />
    </ng-template>
    <ng-template #alertsCell let-row>
      <ui-flag-chips [flags]="alertsOf(row)" [listLabel]="'workforce.alerts' | t" />
    </ng-template>
  `,
  styles: `
    .actions,
    .export {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
    }
    .export {
      margin: 0 0 12px;
    }
    .export-label {
      font: var(--mat-sys-title-small);
    }
    .filters {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px 16px;
      margin-bottom: 12px;
    }
    .search {
      flex: 0 1 300px;
      min-width: 0;
    }
    .organisation {
      min-width: 260px;
    }
    .alerts {
      display: block;
      margin-bottom: 12px;
    }
    .window {
      margin: 0 0 12px;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .sub,
    .suggestions {
      display: block;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .suggestions {
      font-weight: 500;
      color: var(--mat-sys-primary);
    }
    .bar {
      min-width: 180px;
    }
  `,
})
export class WorkforcePage {
  private readonly api = inject(WorkforceApiService);
  private readonly i18n = inject(I18nService);
  private readonly user = inject(AuthService).user();
  private readonly navigate = queryParamsNavigator();

  /** The team leader keeps their organisation's mentors; the administrator reads any organisation's. */
  protected readonly canManage = !!this.user && hasPermission(this.user.role, Permission.WorkforceManage);
  protected readonly canPick = !this.canManage;
  protected readonly alerts = WORKFORCE_ALERTS;
  protected readonly certificationStatuses = CERTIFICATION_STATUSES;
  protected readonly mentorTypes = MENTOR_TYPES;

  // Query parameters, bound by the router: the whole state of the page.
  readonly organisation = input<string | undefined>(undefined);
  readonly search = input<string | undefined>(undefined);
  readonly alert = input<string | undefined>(undefined);
  readonly certification = input<string | undefined>(undefined);
  readonly type = input<string | undefined>(undefined);
  readonly sort = input<string | undefined>(undefined);
  readonly page = input<string | undefined>(undefined);
  readonly size = input<string | undefined>(undefined);

  protected readonly searchBox = urlSearch(this.search, undefined, { page: null });
  protected readonly organisations = this.canPick
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
  /** The organisation shown: the team leader's own; for the administrator the one chosen, else the first. */
  protected readonly organisationId = computed(() =>
    this.canPick
      ? (this.organisation() ?? this.organisations()[0]?.id ?? null)
      : (this.user?.organisationId ?? null),
  );
  protected readonly filters = computed<Filters>(() => ({
    organisationId: this.organisationId(),
    search: this.searchBox.term() || undefined,
    alert: oneOf<WorkforceAlert>(this.alert(), WORKFORCE_ALERTS),
    certificationStatus: oneOf<CertificationStatus>(this.certification(), CERTIFICATION_STATUSES),
    mentorType: oneOf<MentorType>(this.type(), MENTOR_TYPES),
  }));
  protected readonly anyFilter = computed(() => {
    const f = this.filters();
    return !!(f.search || f.alert || f.certificationStatus || f.mentorType);
  });

  /** The latest answer, for what it says besides the rows (organisation, window, alert counts). */
  protected readonly view = signal<WorkforceView | null>(null);
  protected readonly list = urlPagedList<WorkforceRow, Filters>(
    (query, { organisationId, ...filters }) =>
      organisationId
        ? this.api.view(organisationId, query, filters).pipe(tap((view) => this.view.set(view)))
        : EMPTY,
    { defaultSort: DEFAULT_SORT, sortFields: WORKFORCE_SORT_FIELDS },
    { page: this.page, size: this.size, sort: this.sort },
    this.filters,
  );

  protected readonly subtitle = computed(() => {
    const view = this.view();
    return view
      ? this.i18n.t('workforce.subtitle', { organisation: view.organisationName, mentors: view.mentors })
      : null;
  });

  private readonly nameCell = viewChild<TemplateRef<{ $implicit: WorkforceRow }>>('nameCell');
  private readonly loadCell = viewChild<TemplateRef<{ $implicit: WorkforceRow }>>('loadCell');
  private readonly certificationCell =
    viewChild<TemplateRef<{ $implicit: WorkforceRow }>>('certificationCell');
  private readonly alertsCell = viewChild<TemplateRef<{ $implicit: WorkforceRow }>>('alertsCell');

  protected readonly columns = computed((): PagedTableColumn<WorkforceRow>[] => {
    const t = (key: string, params?: Record<string, string | number>) => this.i18n.t(key, params);
    const sortable = (id: string, header: string) => ({
      id,
      header,
      sortable: true,
      sortLabel: t('workforce.sortBy', { column: header }),
    });
    return [
      { ...sortable('name', t('workforce.columns.name')), cell: (r) => r.name, template: this.nameCell() },
      {
        ...sortable('activeCourses', t('workforce.columns.activeCourses')),
        cell: (r) => String(r.activeCourses),
      },
      {
        ...sortable('utilisation', t('workforce.columns.utilisation')),
        cell: (r) => this.loadText(r),
        template: this.loadCell(),
      },
      { ...sortable('delivery', t('workforce.columns.delivery')), cell: (r) => deliveryText(r, t) },
      {
        ...sortable('overdueReports', t('workforce.columns.overdueReports')),
        cell: (r) => String(r.overdueReports),
      },
      {
        ...sortable('certification', t('workforce.columns.certification')),
        cell: (r) => certificationText(r.certification, t, this.date),
        template: this.certificationCell(),
      },
      {
        id: 'training',
        header: t('workforce.columns.training'),
        cell: (r) =>
          r.lastTrainingCompletedOn
            ? t('workforce.trainingsSince', {
                count: r.trainingsCompleted,
                date: this.date(r.lastTrainingCompletedOn),
              })
            : String(r.trainingsCompleted),
      },
      {
        ...sortable('lastSupervisionOn', t('workforce.columns.lastSupervision')),
        cell: (r) => (r.lastSupervisionOn ? this.date(r.lastSupervisionOn) : t('workforce.never')),
      },
      {
        ...sortable('alerts', t('workforce.columns.alerts')),
        cell: (r) =>
          this.alertsOf(r)
            .map((chip) => chip.label)
            .join(', '),
        template: this.alertsCell(),
      },
    ];
  });

  protected readonly date = (iso: string) => formatLocalDate(iso, this.i18n.locale());

  protected loadText(row: WorkforceRow): string {
    return utilisationText(row, (key, params) => this.i18n.t(key, params));
  }

  protected alertsOf(row: WorkforceRow) {
    return alertChips(row.alerts, (key) => this.i18n.t(key));
  }

  protected exportUrl(format: ExportFormat): string {
    const { organisationId, ...filters } = this.filters();
    return organisationId ? this.api.exportUrl(organisationId, format, filters, this.list.query().sort) : '';
  }

  /** A filter changed: into the address, back to the first page. */
  protected setParam(
    name: 'organisation' | 'alert' | 'certification' | 'type',
    value: string | null | undefined,
  ): void {
    this.navigate({ [name]: value || null, page: null });
  }
}
