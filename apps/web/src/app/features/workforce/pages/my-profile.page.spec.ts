import { registerLocaleData } from '@angular/common';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import localeDa from '@angular/common/locales/da';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { Gender, Role } from '@mentor/domain';
import { meFixture } from '../../../../testing/fixtures';
import { AuthService } from '../../../core/auth/auth.service';
import { fieldsOfProfile } from '../components/profile-fields';
import { PENDING_SUGGESTION, recordFixture } from '../testing/fixtures';
import { MyProfilePage, suggestedChanges } from './my-profile.page';

registerLocaleData(localeDa);

describe('suggestedChanges', () => {
  it('keeps only the fields a mentor may suggest', () => {
    const current = fieldsOfProfile(recordFixture().profile);
    expect(suggestedChanges(current, current)).toBeNull();
    expect(
      suggestedChanges(current, {
        ...current,
        gender: Gender.Male,
        capacityMinutesPerWeek: 60,
        email: 'x@y.z',
      }),
    ).toEqual({ gender: Gender.Male });
  });
});

describe('MyProfilePage', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('shows the own profile and suggestions, and sends only what the mentor changed', async () => {
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    const http = TestBed.inject(HttpTestingController);
    const restoring = TestBed.inject(AuthService).restore();
    http.expectOne('/api/me').flush(meFixture(Role.Mentor));
    await restoring;
    const fixture = TestBed.createComponent(MyProfilePage);
    await fixture.whenStable();
    http.expectOne('/api/me/mentor-profile').flush(recordFixture({ suggestions: [PENDING_SUGGESTION] }));
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const q = <E extends HTMLElement = HTMLElement>(id: string) =>
      el.querySelector<E>(`[data-testid="${id}"]`);

    expect(q('profile-fact-birthYear')!.textContent?.trim()).toBe('1980');
    expect(q('my-suggestion')!.getAttribute('data-status')).toBe('pending');
    // What a team leader keeps is not in the form.
    expect(q('profile-name')).toBeNull();
    expect(q('profile-email')).toBeNull();
    expect(q('profile-capacityHoursPerWeek')).toBeNull();
    expect(q('training-add')).toBeNull();

    q<HTMLInputElement>('profile-birthYear')!.value = '1982';
    q<HTMLInputElement>('profile-birthYear')!.dispatchEvent(new Event('input'));
    await fixture.whenStable();
    q('suggest-submit')!.click();
    await fixture.whenStable();
    const request = http.expectOne('/api/me/mentor-profile/suggestions');
    expect(request.request.body).toEqual({ birthYear: 1982 });
    request.flush({ ...PENDING_SUGGESTION, id: 's2', changes: { birthYear: 1982 } });
    await new Promise((resolve) => setTimeout(resolve));
    http.expectOne('/api/me/mentor-profile').flush(recordFixture());
    await fixture.whenStable();
    expect(q('suggest-notice')!.textContent).toContain('workforce.myProfile.suggested');
  });
});
