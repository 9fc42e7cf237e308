import { registerLocaleData } from '@angular/common';
import { provideHttpClient, withFetch, withInterceptors } from '@angular/common/http';
import localeDa from '@angular/common/locales/da';
import {
  ApplicationConfig,
  inject,
  LOCALE_ID,
  provideAppInitializer,
  provideBrowserGlobalErrorListeners,
  provideZonelessChangeDetection,
} from '@angular/core';
import { provideRouter, TitleStrategy, withComponentInputBinding, withRouterConfig } from '@angular/router';
import { routes } from './app.routes';
import { authInterceptor } from './core/auth/auth.interceptor';
import { AuthService } from './core/auth/auth.service';
import { I18nService } from './core/i18n/i18n.service';
import { TranslatedTitleStrategy } from './core/i18n/translated-title.strategy';

// English locale data ships with Angular; Danish must be registered.
registerLocaleData(localeDa);

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideZonelessChangeDetection(),
    provideHttpClient(withFetch(), withInterceptors([authInterceptor])),
    // A link to the page already shown (a notification about the report on screen) reloads its data.
    provideRouter(routes, withComponentInputBinding(), withRouterConfig({ onSameUrlNavigation: 'reload' })),
    { provide: TitleStrategy, useExisting: TranslatedTitleStrategy },
    // Default for pipes without an explicit locale; views pass the active locale when it matters.
    { provide: LOCALE_ID, useValue: 'da' },
    // Translations and the session are both known before the first render.
    provideAppInitializer(() => Promise.all([inject(I18nService).init(), inject(AuthService).restore()])),
  ],
};
