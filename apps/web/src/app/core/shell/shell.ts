import { BreakpointObserver } from '@angular/cdk/layout';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatListModule } from '@angular/material/list';
import { MatSidenavModule } from '@angular/material/sidenav';
import { MatToolbarModule } from '@angular/material/toolbar';
import { NavigationEnd, Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { filter, map } from 'rxjs';
import { AuthService } from '../auth/auth.service';
import { clearUserData, userDataKeys } from '../auth/user-local-data';
import { I18nService } from '../i18n/i18n.service';
import { LanguageToggle } from '../i18n/language-toggle';
import { TranslatePipe } from '../i18n/translate.pipe';
import { NotificationBell } from '../notifications/notification-bell';
import { navItemsFor } from './nav-items';

/** At or below this width the navigation becomes an overlay opened by the menu button. */
export const SMALL_SCREEN_QUERY = '(max-width: 768px)';

@Component({
  selector: 'app-shell',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatButtonModule,
    MatIconModule,
    MatListModule,
    MatSidenavModule,
    MatToolbarModule,
    RouterLink,
    RouterLinkActive,
    RouterOutlet,
    LanguageToggle,
    NotificationBell,
    TranslatePipe,
  ],
  templateUrl: './shell.html',
  styleUrl: './shell.scss',
})
export class Shell {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly i18n = inject(I18nService);
  private readonly main = viewChild.required<ElementRef<HTMLElement>>('main');

  protected readonly user = this.auth.user;
  protected readonly isSmall = toSignal(
    inject(BreakpointObserver)
      .observe(SMALL_SCREEN_QUERY)
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );
  protected readonly menuOpen = signal(false);
  protected readonly sidenavOpened = computed(() => !this.isSmall() || this.menuOpen());
  protected readonly navItems = computed(() => {
    const user = this.user();
    return user ? navItemsFor(user.role) : [];
  });

  constructor() {
    // The overlay menu closes after navigating, so the new page is visible.
    this.router.events
      .pipe(
        filter((event) => event instanceof NavigationEnd),
        takeUntilDestroyed(),
      )
      .subscribe(() => this.menuOpen.set(false));
  }

  protected toggleMenu(): void {
    this.menuOpen.update((open) => !open);
  }

  protected onSidenavClosed(): void {
    this.menuOpen.set(false);
  }

  /** In-page jump without the router treating `#main-content` as a navigation. */
  protected skipToMain(event: Event): void {
    event.preventDefault();
    this.main().nativeElement.focus();
  }

  /** Signs out and removes the user's citizen data from this browser, after asking if some is unsaved. */
  protected signOut(): void {
    const userId = this.user()?.id;
    const storage = this.storage();
    if (userId && userDataKeys(storage, userId).length > 0) {
      if (!window.confirm(this.i18n.t('shell.signOutUnsaved'))) return;
    }
    if (userId) clearUserData(storage, userId);
    this.auth.logout().subscribe(() => void this.router.navigateByUrl('/login'));
  }

  private storage(): Storage | null {
    try {
      return window.localStorage;
    } catch {
      return null;
    }
  }
}
