import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MENTOR_PROFILE_FIELDS, MentorProfile } from '@mentor/domain';
import { I18nService } from '../../../core/i18n/i18n.service';
import { formatLocalDate } from '../../../core/i18n/local-date.pipe';
import { profileValueText } from '../profile-text';

/** A mentor's profile read only: organisation, then every recorded field (or "Ikke oplyst"). */
@Component({
  selector: 'app-profile-facts',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <dl class="facts" data-testid="profile-facts">
      @for (fact of facts(); track fact.id) {
        <dt>{{ fact.label }}</dt>
        <dd [attr.data-testid]="'profile-fact-' + fact.id">{{ fact.value }}</dd>
      }
    </dl>
  `,
  styles: `
    .facts {
      display: grid;
      grid-template-columns: minmax(8rem, max-content) 1fr;
      gap: 6px 16px;
      margin: 0;
    }
    dt {
      font-weight: 500;
      color: var(--mat-sys-on-surface-variant);
    }
    dd {
      margin: 0;
      overflow-wrap: anywhere;
    }
  `,
})
export class ProfileFacts {
  private readonly i18n = inject(I18nService);

  readonly profile = input.required<MentorProfile>();

  protected readonly facts = computed(() => {
    const profile = this.profile();
    const t = (key: string, params?: Record<string, string | number>) => this.i18n.t(key, params);
    const format = {
      locale: this.i18n.locale(),
      date: (d: string) => formatLocalDate(d, this.i18n.locale()),
    };
    return [
      {
        id: 'organisation',
        label: t('workforce.profile.organisation'),
        value: `${profile.organisationName} (${t(`organisationKinds.${profile.organisationKind}`)})`,
      },
      { id: 'username', label: t('workforce.profile.username'), value: profile.username },
      ...MENTOR_PROFILE_FIELDS.filter(
        // The years belong with the experience they count.
        (field) => field !== 'targetGroupExperienceYears' || profile.targetGroupExperience === true,
      ).map((field) => ({
        id: field,
        label: t(`workforce.profile.${field === 'capacityMinutesPerWeek' ? 'capacity' : field}`),
        value: profileValueText(field, profile[field], t, format),
      })),
    ];
  });
}
