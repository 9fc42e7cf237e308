import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { Router } from '@angular/router';
import { PASSWORD_MAX_LENGTH, USERNAME_MAX_LENGTH } from '@mentor/domain';
import { ErrorMessage, Loading } from '@mentor/shared-ui';
import { AuthService } from '../../../core/auth/auth.service';
import { safeReturnUrl } from '../../../core/auth/return-url';
import { LanguageToggle } from '../../../core/i18n/language-toggle';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import { LoginApiService, oidcStartUrl } from '../login-api.service';
import { LoginErrorMessage, loginErrorMessage, oidcErrorMessage } from './login-error';

@Component({
  selector: 'app-login-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    ErrorMessage,
    Loading,
    LanguageToggle,
    TranslatePipe,
  ],
  templateUrl: './login.page.html',
  styleUrl: './login.page.scss',
})
export class LoginPage {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);

  /** Query parameter: where to go after signing in (checked by `safeReturnUrl`). */
  readonly returnUrl = input<string | undefined>();
  /** Query parameter: `1` when the previous session expired. */
  readonly expired = input<string | undefined>();
  /** Query parameter: why a sign-in with an OpenID Connect provider was refused (OIDC_ERROR_CODES). */
  readonly oidcError = input<string | undefined>();

  /** The municipality's OpenID Connect providers, each a button beside the local form. */
  protected readonly providers = toSignal(inject(LoginApiService).oidcProviders(), { initialValue: [] });
  protected readonly startUrl = (providerId: string) =>
    oidcStartUrl(providerId, safeReturnUrl(this.returnUrl()));

  protected readonly usernameMaxLength = USERNAME_MAX_LENGTH;
  protected readonly passwordMaxLength = PASSWORD_MAX_LENGTH;
  protected readonly form = inject(NonNullableFormBuilder).group({
    username: ['', [Validators.required, Validators.maxLength(USERNAME_MAX_LENGTH)]],
    password: ['', [Validators.required, Validators.maxLength(PASSWORD_MAX_LENGTH)]],
  });
  protected readonly submitting = signal(false);
  protected readonly error = signal<LoginErrorMessage | null>(null);
  /** The local form's error, else the provider sign-in's that brought the user back here. */
  protected readonly shownError = computed(() => this.error() ?? oidcErrorMessage(this.oidcError()));

  protected submit(): void {
    if (this.submitting()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { username, password } = this.form.getRawValue();
    this.submitting.set(true);
    this.error.set(null);
    this.auth.login(username.trim(), password).subscribe({
      next: () => {
        this.submitting.set(false);
        void this.router.navigateByUrl(safeReturnUrl(this.returnUrl()));
      },
      error: (error: unknown) => {
        this.submitting.set(false);
        this.error.set(loginErrorMessage(error));
      },
    });
  }
}
