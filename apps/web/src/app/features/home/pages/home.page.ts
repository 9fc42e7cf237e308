import { formatDate } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { hasPermission, Permission } from '@mentor/domain';
import { PageHeader } from '@mentor/shared-ui';
import { AuthService } from '../../../core/auth/auth.service';
import { I18nService } from '../../../core/i18n/i18n.service';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';

@Component({
  selector: 'app-home-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatCardModule, MatIconModule, PageHeader, RouterLink, TranslatePipe],
  template: `
    @if (user(); as user) {
      <ui-page-header [title]="'home.welcome' | t: { name: user.name }" [subtitle]="today()" />

      @if (start(); as start) {
        <a mat-flat-button class="start-link" data-testid="home-start-link" [routerLink]="start.path">
          <mat-icon aria-hidden="true" [fontIcon]="start.icon" />
          {{ start.labelKey | t }}
        </a>
      }

      <div class="home-grid">
        <mat-card appearance="outlined" class="home-card">
          <mat-card-content>
            <h2 class="home-card-title">{{ 'home.profileHeading' | t }}</h2>
            <dl class="profile">
              <dt>{{ 'home.role' | t }}</dt>
              <dd data-testid="home-role">{{ 'roles.' + user.role | t }}</dd>
              <dt>{{ 'home.organisation' | t }}</dt>
              <dd data-testid="home-organisation">{{ user.organisationName }}</dd>
              <dt>{{ 'home.municipality' | t }}</dt>
              <dd data-testid="home-municipality">{{ user.municipalityName }}</dd>
            </dl>
          </mat-card-content>
        </mat-card>

        <mat-card appearance="outlined" class="home-card">
          <mat-card-content>
            <h2 class="home-card-title">{{ 'home.tasksHeading' | t }}</h2>
            <p class="role-description" data-testid="home-role-description">
              {{ 'home.roleDescriptions.' + user.role | t }}
            </p>
          </mat-card-content>
        </mat-card>
      </div>
    }
  `,
  styles: `
    .start-link {
      min-height: 48px;
      margin-bottom: 16px;
    }
    .home-grid {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(min(100%, 320px), 1fr));
      gap: 16px;
    }
    .home-card-title {
      margin: 0 0 12px;
      font: var(--mat-sys-title-large);
    }
    .profile {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 8px 16px;
      margin: 0;
    }
    .profile dt {
      font-weight: 500;
      color: var(--mat-sys-on-surface-variant);
    }
    .profile dd {
      margin: 0;
      overflow-wrap: anywhere;
    }
    .role-description {
      margin: 0;
    }
  `,
})
export class HomePage {
  private readonly i18n = inject(I18nService);
  protected readonly user = inject(AuthService).user;
  private readonly now = new Date();
  /** The page a role starts its work on: a mentor's citizens, a caseworker's caseload. */
  protected readonly start = computed(() => {
    const role = this.user()?.role;
    if (!role) return null;
    if (hasPermission(role, Permission.ContactsWrite)) {
      return { path: '/my-citizens', icon: 'people', labelKey: 'home.start.myCitizens' };
    }
    if (hasPermission(role, Permission.GrantsWrite)) {
      return { path: '/caseload', icon: 'folder_shared', labelKey: 'home.start.caseload' };
    }
    if (hasPermission(role, Permission.CoursesManage)) {
      return { path: '/caseload', icon: 'folder_shared', labelKey: 'home.start.courses' };
    }
    return null;
  });
  /** Today in the active language's long date format, e.g. "28. november 2025". */
  protected readonly today = computed(() => formatDate(this.now, 'longDate', this.i18n.locale()));
}
