import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { ContactForm, ReportAttendance } from '@mentor/domain';
import { LocalDatePipe } from '../../../core/i18n/local-date.pipe';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';

/** Section 1: the period's contacts as the API counted them from the logged contacts; never typed. */
@Component({
  selector: 'app-attendance-view',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe, LocalDatePipe],
  template: `
    <dl class="facts" data-testid="report-attendance">
      <dt>{{ 'reports.attendance.period' | t }}</dt>
      <dd data-testid="report-period">{{ periodFrom() | localDate }} – {{ periodTo() | localDate }}</dd>
      <dt>{{ 'reports.attendance.contactsHeld' | t }}</dt>
      <dd data-testid="report-contacts-held">{{ attendance().contactsHeld }}</dd>
      <dt>{{ 'reports.attendance.noShows' | t }}</dt>
      <dd data-testid="report-no-shows">{{ attendance().noShows }}</dd>
      <dt>{{ 'reports.attendance.minutes' | t }}</dt>
      <dd data-testid="report-minutes">
        {{
          'budget.minutesOf'
            | t: { logged: attendance().minutesDelivered, granted: attendance().minutesGranted }
        }}
      </dd>
      <dt>{{ 'reports.attendance.forms' | t }}</dt>
      <dd>
        @for (form of forms(); track form.form; let last = $last) {
          {{ 'contactForms.' + form.form | t }}: {{ form.count }}{{ last ? '' : ', ' }}
        } @empty {
          {{ 'reports.attendance.noContacts' | t }}
        }
      </dd>
    </dl>
  `,
  styles: `
    :host {
      display: block;
    }
    .facts {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 6px 16px;
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
    @media (max-width: 480px) {
      .facts {
        grid-template-columns: 1fr;
        gap: 2px;
      }
      .facts dd {
        margin-bottom: 8px;
      }
    }
  `,
})
export class AttendanceView {
  readonly attendance = input.required<ReportAttendance>();
  readonly periodFrom = input.required<string>();
  readonly periodTo = input.required<string>();

  protected readonly forms = computed(() =>
    Object.values(ContactForm)
      .map((form) => ({ form, count: this.attendance().forms[form] ?? 0 }))
      .filter((entry) => entry.count > 0),
  );
}
