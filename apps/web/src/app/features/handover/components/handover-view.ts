import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { HandoverContent, HandoverSource } from '@mentor/domain';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';

/**
 * A packet's content, read-only, laid out for the mentor to read before the first meeting: the
 * safety notes first and highlighted, then the case, the contact preferences, other actors and
 * the agreed first steps. Empty fields say so rather than disappear.
 */
@Component({
  selector: 'app-handover-view',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatIconModule, TranslatePipe],
  template: `
    @let c = content();
    @if (source() === sources.Migrated) {
      <p class="muted" data-testid="handover-view-migrated">{{ 'handover.view.migrated' | t }}</p>
    } @else {
      @if (c.safetyNotes) {
        <div class="safety" role="note" data-testid="handover-view-safety">
          <mat-icon aria-hidden="true" fontIcon="warning" />
          <div>
            <p class="safety-title">{{ 'handover.fields.safetyNotes' | t }}</p>
            <p class="pre">{{ c.safetyNotes }}</p>
          </div>
        </div>
      }
      <dl class="facts" data-testid="handover-view">
        <dt>{{ 'handover.fields.background' | t }}</dt>
        <dd class="pre" data-testid="handover-view-background">
          {{ c.background || ('handover.view.none' | t) }}
        </dd>
        <dt>{{ 'handover.fields.purpose' | t }}</dt>
        <dd class="pre" data-testid="handover-view-purpose">{{ c.purpose || ('handover.view.none' | t) }}</dd>
        <dt>{{ 'handover.fields.goals' | t }}</dt>
        <dd data-testid="handover-view-goals">
          @if (c.goals.length) {
            <ul>
              @for (goal of c.goals; track $index) {
                <li>{{ goal }}</li>
              }
            </ul>
          } @else {
            <span class="muted">{{ 'handover.view.none' | t }}</span>
          }
        </dd>
        <dt>{{ 'handover.fields.knownBarriers' | t }}</dt>
        <dd class="pre" data-testid="handover-view-knownBarriers">
          {{ c.knownBarriers || ('handover.view.none' | t) }}
        </dd>
        <dt>{{ 'handover.fields.triedBefore' | t }}</dt>
        <dd class="pre">{{ c.triedBefore || ('handover.view.none' | t) }}</dd>
        <dt>{{ 'handover.fields.contactPreferences' | t }}</dt>
        <dd data-testid="handover-view-preferences">
          <ul class="plain">
            <li>
              <strong>{{ 'handover.fields.meetingPlace' | t }}:</strong>
              {{
                c.contactPreferences.meetingPlace
                  ? ('meetingPlaces.' + c.contactPreferences.meetingPlace | t)
                  : ('handover.view.notStated' | t)
              }}
              @if (c.contactPreferences.meetingPlaceReason) {
                – {{ c.contactPreferences.meetingPlaceReason }}
              }
            </li>
            <li>
              <strong>{{ 'handover.fields.times' | t }}:</strong>
              {{ c.contactPreferences.times || ('handover.view.notStated' | t) }}
            </li>
            <li>
              <strong>{{ 'handover.fields.forms' | t }}:</strong>
              @for (form of c.contactPreferences.forms; track form; let last = $last) {
                {{ 'contactForms.' + form | t }}{{ last ? '' : ', ' }}
              } @empty {
                {{ 'handover.view.notStated' | t }}
              }
            </li>
          </ul>
        </dd>
        <dt>{{ 'handover.fields.otherActors' | t }}</dt>
        <dd data-testid="handover-view-actors">
          @if (c.otherActors.length) {
            <ul>
              @for (actor of c.otherActors; track $index) {
                <li>
                  <strong>{{ 'handover.actorKinds.' + actor.kind | t }}:</strong> {{ actor.name }}
                  @if (actor.contact) {
                    – {{ actor.contact }}
                  }
                </li>
              }
            </ul>
          } @else {
            <span class="muted">{{ 'handover.view.none' | t }}</span>
          }
        </dd>
        <dt>{{ 'handover.fields.firstSteps' | t }}</dt>
        <dd data-testid="handover-view-firstSteps">
          @if (c.firstSteps.length) {
            <ol>
              @for (step of c.firstSteps; track $index) {
                <li>{{ step }}</li>
              }
            </ol>
          } @else {
            <span class="muted">{{ 'handover.view.none' | t }}</span>
          }
        </dd>
        @if (c.courseSoFar) {
          <dt>{{ 'handover.fields.courseSoFar' | t }}</dt>
          <dd class="pre">{{ c.courseSoFar }}</dd>
        }
        @if (!c.safetyNotes) {
          <dt>{{ 'handover.fields.safetyNotes' | t }}</dt>
          <dd class="muted">{{ 'handover.view.noSafetyNotes' | t }}</dd>
        }
      </dl>
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .safety {
      display: flex;
      gap: 12px;
      margin: 0 0 16px;
      padding: 12px 16px;
      border-left: 6px solid var(--mat-sys-error);
      border-radius: 8px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .safety p {
      margin: 0;
    }
    .safety-title {
      font: var(--mat-sys-title-small);
      margin-bottom: 4px !important;
    }
    .facts {
      display: grid;
      grid-template-columns: minmax(8rem, max-content) 1fr;
      gap: 8px 16px;
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
    .facts ul,
    .facts ol {
      margin: 0;
      padding-left: 20px;
    }
    .facts ul.plain {
      padding: 0;
      list-style: none;
    }
    .pre {
      white-space: pre-line;
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
    }
    @media (max-width: 599px) {
      .facts {
        grid-template-columns: 1fr;
      }
      .facts dd {
        margin-bottom: 8px;
      }
    }
  `,
})
export class HandoverView {
  readonly content = input.required<HandoverContent>();
  /** Migrated packets (courses older than handover) have no content to show. */
  readonly source = input<HandoverSource | null>(null);

  protected readonly sources = HandoverSource;
}
