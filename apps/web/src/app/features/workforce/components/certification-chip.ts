import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { CertificationState } from '@mentor/domain';
import { I18nService } from '../../../core/i18n/i18n.service';
import { formatLocalDate } from '../../../core/i18n/local-date.pipe';
import { certificationText, certificationTone } from '../workforce-view';

/**
 * A mentor's certification status as a small chip, coloured by urgency, with the renewal date when
 * it is expiring or expired. `data-status` carries the status for tests.
 */
@Component({
  selector: 'app-certification-chip',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<span
    class="chip"
    data-testid="certification-chip"
    [attr.data-status]="state().status"
    [class.ok]="tone() === 'ok'"
    [class.warn]="tone() === 'warn'"
    [class.bad]="tone() === 'bad'"
    >{{ text() }}</span
  >`,
  styles: `
    .chip {
      display: inline-block;
      padding: 2px 10px;
      border-radius: 12px;
      font: var(--mat-sys-label-medium);
      white-space: nowrap;
    }
    .ok {
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    .warn {
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
    .bad {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
  `,
})
export class CertificationChip {
  private readonly i18n = inject(I18nService);

  readonly state = input.required<CertificationState>();

  protected readonly tone = computed(() => certificationTone(this.state().status));
  protected readonly text = computed(() =>
    certificationText(
      this.state(),
      (key, params) => this.i18n.t(key, params),
      (date) => formatLocalDate(date, this.i18n.locale()),
    ),
  );
}
