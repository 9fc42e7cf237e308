import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { ShareState } from '@mentor/domain';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';

/** A share's state as a small labelled chip: aktiv, tilbagekaldt or udløbet. */
@Component({
  selector: 'app-share-state-chip',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe],
  template: `<span class="chip" data-testid="share-state" [attr.data-state]="state()" [class]="state()">{{
    'caseSharing.states.' + state() | t
  }}</span>`,
  styles: `
    .chip {
      display: inline-block;
      padding: 2px 10px;
      border-radius: 12px;
      font: var(--mat-sys-label-medium);
      border: 1px solid currentColor;
    }
    .active {
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
    }
    .revoked {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .expired {
      background: var(--mat-sys-surface-container-high);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class ShareStateChip {
  readonly state = input.required<ShareState>();
}
