import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { HandoverPacket, HandoverSource, HandoverStatus } from '@mentor/domain';
import { LocalDatePipe } from '../../../core/i18n/local-date.pipe';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';

/** The translation key of a packet's state: "Forslag – ikke gemt" for pre-filled content never saved. */
export function handoverStateKey(packet: HandoverPacket): string {
  return packet.id === null ? 'handover.statuses.unsaved' : `handover.statuses.${packet.status}`;
}

/**
 * Where a packet stands: draft (or an unsaved suggestion), sent with the day to acknowledge by and
 * whether that has passed, or acknowledged, with the times; and where its pre-filled content came from.
 */
@Component({
  selector: 'app-handover-status',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatIconModule, LocalDatePipe, TranslatePipe],
  template: `
    @let p = packet();
    <p class="state" [class]="stateClass()" data-testid="handover-state">
      <mat-icon aria-hidden="true" [fontIcon]="icon()" />
      {{ stateKey() | t }}
    </p>
    @if (p.acknowledgeOverdue) {
      <p class="overdue" data-testid="handover-overdue">
        <mat-icon aria-hidden="true" fontIcon="schedule" />
        {{ 'handover.status.overdue' | t: { date: (p.acknowledgeBy | localDate) } }}
      </p>
    }
    <dl class="facts">
      <dt>{{ 'handover.status.mentor' | t }}</dt>
      <dd data-testid="handover-mentor">{{ p.mentorName }}</dd>
      @if (p.source !== sources.Migrated && p.status === statuses.Draft) {
        <dt>{{ 'handover.status.source' | t }}</dt>
        <dd>{{ 'handover.sources.' + p.source | t }}</dd>
      }
      @if (p.updatedAt && p.status === statuses.Draft) {
        <dt>{{ 'handover.status.savedAt' | t }}</dt>
        <dd data-testid="handover-saved-at">
          {{ p.updatedAt | localDate: 'datetime' }}
          @if (p.createdByName) {
            · {{ p.createdByName }}
          }
        </dd>
      }
      @if (p.sentAt) {
        <dt>{{ 'handover.status.sentAt' | t }}</dt>
        <dd data-testid="handover-sent-at">
          {{ p.sentAt | localDate: 'datetime' }}
          @if (p.createdByName) {
            · {{ p.createdByName }}
          }
        </dd>
      }
      @if (p.acknowledgeBy && !p.acknowledgedAt) {
        <dt>{{ 'handover.status.acknowledgeBy' | t }}</dt>
        <dd data-testid="handover-acknowledge-by">{{ p.acknowledgeBy | localDate }}</dd>
      }
      @if (p.acknowledgedAt) {
        <dt>{{ 'handover.status.acknowledgedAt' | t }}</dt>
        <dd data-testid="handover-acknowledged-at">{{ p.acknowledgedAt | localDate: 'datetime' }}</dd>
      }
    </dl>
  `,
  styles: `
    :host {
      display: block;
      margin-bottom: 16px;
    }
    .state,
    .overdue {
      display: inline-flex;
      align-items: center;
      gap: 8px;
      margin: 0 8px 12px 0;
      padding: 4px 12px;
      border-radius: 16px;
      font: var(--mat-sys-label-large);
    }
    .state {
      background: var(--mat-sys-surface-container-high);
      color: var(--mat-sys-on-surface);
    }
    .state.sent {
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    .state.acknowledged {
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
    }
    .overdue {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .facts {
      display: grid;
      grid-template-columns: max-content 1fr;
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
  `,
})
export class HandoverStatusView {
  readonly packet = input.required<HandoverPacket>();

  protected readonly statuses = HandoverStatus;
  protected readonly sources = HandoverSource;
  protected readonly stateKey = computed(() => handoverStateKey(this.packet()));
  protected readonly stateClass = computed(
    () => `state ${this.packet().id === null ? 'unsaved' : this.packet().status}`,
  );
  protected readonly icon = computed(() => {
    const packet = this.packet();
    if (packet.id === null) return 'lightbulb';
    if (packet.status === HandoverStatus.Acknowledged) return 'task_alt';
    if (packet.status === HandoverStatus.Sent) return 'send';
    return 'edit_note';
  });
}
