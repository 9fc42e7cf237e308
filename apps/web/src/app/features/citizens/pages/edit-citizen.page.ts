import { LiveAnnouncer } from '@angular/cdk/a11y';
import { DOCUMENT } from '@angular/common';
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
import { FormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import {
  CitizenDetail,
  CitizenExportFormat,
  hasPermission,
  Permission,
  UpdateCitizenRequest,
} from '@mentor/domain';
import { ErrorMessage, Loading, PageHeader } from '@mentor/shared-ui';
import { AuthService } from '../../../core/auth/auth.service';
import { applyServerErrors } from '../../../core/http/form-errors';
import { fieldErrors, problemCode } from '../../../core/http/problem';
import { I18nService } from '../../../core/i18n/i18n.service';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import { CitizensApiService } from '../citizens-api.service';
import { citizenDetailControls, CitizenFieldsComponent } from '../components/citizen-fields';
import { pageLoad } from '../../../core/http/page-load';
import { attachmentName, saveFile } from '../../access-log/file-download';

type FormValue = ReturnType<EditCitizenPage['form']['getRawValue']>;
type Problem = { kind: 'stale' | 'failed' | 'unplaced'; text?: string } | null;
type Notice = 'citizenEdit.saved' | 'citizenEdit.noChanges' | null;

/** The form's values of a citizen as the API describes them (absent details as empty text). */
function formValueOf(citizen: CitizenDetail): FormValue {
  return {
    name: citizen.name,
    phone: citizen.phone ?? '',
    email: citizen.email ?? '',
    address: citizen.address ?? '',
    preferredMeetingPlace: citizen.preferredMeetingPlace,
    meetingPlaceReason: citizen.meetingPlaceReason ?? '',
    targetGroup: citizen.targetGroup,
  };
}

/**
 * The changes between what was loaded and what the form holds, with the version read: only
 * changed fields are sent (and audit-logged), an emptied optional detail as null.
 */
export function citizenChanges(citizen: CitizenDetail, value: FormValue): UpdateCitizenRequest | null {
  const before = formValueOf(citizen);
  const changes: UpdateCitizenRequest = { version: citizen.version };
  let changed = false;
  for (const field of Object.keys(before) as (keyof FormValue)[]) {
    const next = String(value[field]).trim();
    if (next === before[field]) continue;
    changed = true;
    // The name is required, so only an optional detail can be emptied.
    Object.assign(changes, { [field]: next === '' ? null : next });
  }
  return changed ? changes : null;
}

/**
 * Changes a citizen's details (caseworker). Sends the version it read: when someone else saved
 * in between, says so and offers to reload. With `course` it leads back to that course.
 */
@Component({
  selector: 'app-edit-citizen-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatIconModule,
    RouterLink,
    CitizenFieldsComponent,
    ErrorMessage,
    Loading,
    PageHeader,
    TranslatePipe,
  ],
  template: `
    <ui-page-header
      [title]="'citizenEdit.title' | t"
      [subtitle]="citizen() ? ('citizenEdit.subtitle' | t: { cpr: citizen()!.cprMasked }) : null"
    >
      @if (loading()) {
        <ui-loading [label]="'common.loading' | t" />
      }
      @if (canKeepCase()) {
        <a mat-stroked-button data-testid="citizen-case-link" [routerLink]="['/citizens', id(), 'case']">
          {{ 'caseSharing.citizenCase.link' | t }}
        </a>
      }
    </ui-page-header>

    @if (loadFailed()) {
      <ui-error-message
        class="box"
        data-testid="citizen-edit-load-error"
        [message]="'common.loadFailed' | t"
        [retryLabel]="'common.retry' | t"
        (retry)="load()"
      />
    }

    @if (problem(); as problem) {
      @if (problem.kind === 'stale') {
        <ui-error-message
          class="box"
          data-testid="citizen-edit-stale"
          [message]="'citizenEdit.stale' | t"
          [detail]="'citizenEdit.staleDetail' | t"
          [retryLabel]="'citizenEdit.reload' | t"
          (retry)="load()"
        />
      } @else {
        <ui-error-message
          class="box"
          data-testid="citizen-edit-error"
          [message]="problem.text ?? ('forms.saveFailed' | t)"
        />
      }
    }

    @if (notice(); as notice) {
      <p class="box info" data-testid="citizen-edit-notice">{{ notice | t }}</p>
    }

    @if (citizen()) {
      <form [formGroup]="form" (ngSubmit)="submit()" novalidate class="form">
        <app-citizen-fields [group]="form" />
        <div class="actions">
          <button mat-flat-button type="submit" data-testid="citizen-submit" [disabled]="busy()">
            {{ (busy() ? 'common.saving' : 'citizenEdit.submit') | t }}
          </button>
          @if (course(); as course) {
            <a mat-button data-testid="citizen-edit-back" [routerLink]="['/courses', course]">{{
              'citizenEdit.backToCourse' | t
            }}</a>
          } @else {
            <a mat-button data-testid="citizen-edit-back" routerLink="/caseload">{{
              'citizenEdit.backToCaseload' | t
            }}</a>
          }
        </div>
      </form>
    }

    @if (citizen() && canExport()) {
      <section class="export" data-testid="citizen-export" aria-labelledby="citizen-export-title">
        <h2 id="citizen-export-title" class="export-title">{{ 'citizenExport.label' | t }}</h2>
        <p class="hint">{{ 'citizenExport.hint' | t }}</p>
        <div class="actions">
          @for (format of exportFormats; track format) {
            <button
              mat-stroked-button
              type="button"
              [attr.data-testid]="'citizen-export-' + format"
              [disabled]="exporting() !== null"
              (click)="exportData(format)"
            >
              <mat-icon aria-hidden="true" [fontIcon]="format === 'pdf' ? 'picture_as_pdf' : 'download'" />
              {{ (exporting() === format ? 'citizenExport.exporting' : 'citizenExport.' + format) | t }}
            </button>
          }
        </div>
        @if (exportFailed()) {
          <ui-error-message
            class="box"
            data-testid="citizen-export-error"
            [message]="'citizenExport.failed' | t"
          />
        }
      </section>
    }
  `,
  styles: `
    .form {
      display: flex;
      flex-direction: column;
      gap: 4px;
      max-width: 560px;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
    .box {
      display: block;
      max-width: 560px;
      margin: 0 0 16px;
    }
    .export {
      max-width: 560px;
      margin-top: 32px;
    }
    .export-title {
      margin: 0 0 4px;
      font: var(--mat-sys-title-medium);
    }
    .hint {
      margin: 0 0 12px;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
    .info {
      padding: 12px 16px;
      border-radius: 8px;
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
  `,
})
export class EditCitizenPage {
  private readonly api = inject(CitizensApiService);
  private readonly i18n = inject(I18nService);
  private readonly announcer = inject(LiveAnnouncer);
  private readonly destroyRef = inject(DestroyRef);
  private readonly document = inject(DOCUMENT);

  /** Route parameter: the citizen. */
  readonly id = input.required<string>();
  /** Query parameter: the course the user came from, to lead back to. */
  readonly course = input<string | undefined>(undefined);

  protected readonly citizen = signal<CitizenDetail | null>(null);
  private readonly user = inject(AuthService).user;
  /** The case's documents and notes are the caseworker's (CaseShare). */
  protected readonly canKeepCase = computed(() => {
    const role = this.user()?.role;
    return !!role && hasPermission(role, Permission.CaseShare);
  });
  /** The right-of-access export (the caseworker; administrators use the API). */
  protected readonly canExport = computed(() => {
    const role = this.user()?.role;
    return !!role && hasPermission(role, Permission.CitizenExport);
  });
  protected readonly exportFormats = [CitizenExportFormat.Json, CitizenExportFormat.Pdf];
  protected readonly exporting = signal<CitizenExportFormat | null>(null);
  protected readonly exportFailed = signal(false);
  private readonly resource = pageLoad();
  protected readonly loading = this.resource.loading;
  protected readonly loadFailed = this.resource.failed;
  protected readonly busy = signal(false);
  protected readonly notice = signal<Notice>(null);
  protected readonly problem = signal<Problem>(null);

  readonly form = inject(FormBuilder).nonNullable.group(citizenDetailControls());

  constructor() {
    effect(() => {
      this.id();
      untracked(() => this.load());
    });
  }

  /** Loads (or reloads) the citizen; the form shows what is stored now. */
  load(): void {
    this.problem.set(null);
    this.notice.set(null);
    this.resource.run(this.api.get(this.id()), (citizen) => {
      this.show(citizen);
    });
  }

  protected submit(): void {
    const citizen = this.citizen();
    this.form.markAllAsTouched();
    if (!citizen || this.form.invalid || this.busy()) return;
    this.problem.set(null);
    this.notice.set(null);
    const changes = citizenChanges(citizen, this.form.getRawValue());
    if (!changes) {
      this.say('citizenEdit.noChanges');
      return;
    }
    this.busy.set(true);
    this.api
      .update(citizen.id, changes)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (updated) => {
          this.busy.set(false);
          this.show(updated);
          this.say('citizenEdit.saved');
        },
        error: (error: unknown) => {
          this.busy.set(false);
          if (problemCode(error) === 'citizen.stale_version') {
            this.problem.set({ kind: 'stale' });
            void this.announcer.announce(this.i18n.t('citizenEdit.stale'));
            return;
          }
          const errors = fieldErrors(error, (key) => this.i18n.t(key));
          const unplaced = applyServerErrors(this.form, errors);
          if (unplaced.length) this.problem.set({ kind: 'unplaced', text: unplaced.join(' ') });
          else if (!Object.keys(errors).length) this.problem.set({ kind: 'failed' });
        },
      });
  }

  /** Downloads everything held about the citizen; the file name names no one. */
  protected exportData(format: CitizenExportFormat): void {
    if (this.exporting()) return;
    this.exporting.set(format);
    this.exportFailed.set(false);
    this.api
      .export(this.id(), format)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (response) => {
          this.exporting.set(null);
          if (!response.body) return;
          const name = attachmentName(response.headers.get('Content-Disposition'), `indsigt.${format}`);
          saveFile(this.document, response.body, name);
          void this.announcer.announce(this.i18n.t('citizenExport.done'));
        },
        error: () => {
          this.exporting.set(null);
          this.exportFailed.set(true);
          void this.announcer.announce(this.i18n.t('citizenExport.failed'));
        },
      });
  }

  private show(citizen: CitizenDetail): void {
    this.citizen.set(citizen);
    this.form.reset(formValueOf(citizen));
  }

  private say(notice: Exclude<Notice, null>): void {
    this.notice.set(notice);
    void this.announcer.announce(this.i18n.t(notice));
  }
}
