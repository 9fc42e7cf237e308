import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { SettingsPage } from './settings.page';

describe('SettingsPage', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('turns the certification requirement on with the version read', async () => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(SettingsPage);
    await fixture.whenStable();
    const settings = {
      municipalityName: 'Københavns Kommune',
      reportQualityThreshold: 70,
      requireCertificationForAssignment: false,
      version: 5,
    };
    http.expectOne('/api/municipality/settings').flush(settings);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const toggle = el.querySelector<HTMLButtonElement>(
      '[data-testid="settings-require-certification"] button',
    )!;
    expect(toggle.getAttribute('aria-checked')).toBe('false');
    toggle.click();
    await fixture.whenStable();
    el.querySelector<HTMLButtonElement>('[data-testid="settings-save"]')!.click();
    await fixture.whenStable();
    const request = http.expectOne('/api/municipality/settings');
    expect(request.request.method).toBe('PATCH');
    expect(request.request.body).toEqual({
      reportQualityThreshold: 70,
      requireCertificationForAssignment: true,
      version: 5,
    });
    request.flush({ ...settings, requireCertificationForAssignment: true, version: 6 });
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
    expect(toggle.getAttribute('aria-checked')).toBe('true');
    expect(el.querySelector('[data-testid="settings-saved"]')).not.toBeNull();
  });
});
