import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { I18nService } from '../../../core/i18n/i18n.service';
import { LoginPage } from './login.page';

describe('LoginPage with OpenID Connect providers', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  async function open(inputs: Record<string, string> = {}) {
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    const http = TestBed.inject(HttpTestingController);
    const loading = TestBed.inject(I18nService).use('da', { remember: false });
    http.expectOne('/i18n/da.json').flush({
      login: {
        oidc: { or: 'eller', signInWith: 'Log ind med {{name}}' },
        oidcErrors: { noRole: 'Ingen rolle.', failed: 'Det gik galt.' },
      },
    });
    await loading;
    const fixture = TestBed.createComponent(LoginPage);
    for (const [name, value] of Object.entries(inputs)) fixture.componentRef.setInput(name, value);
    await fixture.whenStable();
    const providers = http.expectOne('/api/auth/oidc/providers');
    const el = fixture.nativeElement as HTMLElement;
    const one = (id: string) => el.querySelector<HTMLElement>(`[data-testid="${id}"]`);
    return { fixture, providers, el, one };
  }

  it('offers a button per provider that starts its sign-in, keeping the return URL', async () => {
    const { fixture, providers, one } = await open({ returnUrl: '/courses/c1' });
    providers.flush([
      { id: 'kk', name: 'Københavns Kommune' },
      { id: 'fk', name: 'Frederiksberg Kommune' },
    ]);
    await fixture.whenStable();
    const kk = one('login-oidc-kk');
    expect(kk?.tagName).toBe('A');
    expect(kk?.textContent?.trim()).toBe('Log ind med Københavns Kommune');
    expect(kk?.getAttribute('href')).toBe('/api/auth/oidc/kk/start?returnUrl=%2Fcourses%2Fc1');
    expect(one('login-oidc-fk')?.textContent?.trim()).toBe('Log ind med Frederiksberg Kommune');
  });

  it('shows no provider section without providers, or when the list cannot be read', async () => {
    const first = await open();
    first.providers.flush([]);
    await first.fixture.whenStable();
    expect(first.one('login-oidc')).toBeNull();
    TestBed.resetTestingModule();

    const second = await open();
    second.providers.flush('down', { status: 503, statusText: 'Service Unavailable' });
    await second.fixture.whenStable();
    expect(second.one('login-oidc')).toBeNull();
    expect(second.one('login-username')).not.toBeNull();
  });

  it('says why a provider sign-in was refused, and something general for an unknown reason', async () => {
    const known = await open({ oidcError: 'no_role' });
    known.providers.flush([]);
    await known.fixture.whenStable();
    expect(known.one('login-error')?.textContent).toContain('Ingen rolle.');
    TestBed.resetTestingModule();

    const unknown = await open({ oidcError: 'made_up' });
    unknown.providers.flush([]);
    await unknown.fixture.whenStable();
    expect(unknown.one('login-error')?.textContent).toContain('Det gik galt.');
  });
});
