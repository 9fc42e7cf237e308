import { registerLocaleData } from '@angular/common';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import localeDa from '@angular/common/locales/da';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { Role, SuggestionStatus } from '@mentor/domain';
import { meFixture } from '../../../../testing/fixtures';
import { AuthService } from '../../../core/auth/auth.service';
import { I18nService } from '../../../core/i18n/i18n.service';
import { fieldsOfProfile } from '../components/profile-fields';
import { PENDING_SUGGESTION, recordFixture } from '../testing/fixtures';
import { MentorPage, profileUpdate } from './mentor.page';

registerLocaleData(localeDa);

describe('profileUpdate', () => {
  it('sends the changed fields and a changed name with the version read; nothing when nothing changed', () => {
    const { profile } = recordFixture();
    const fields = fieldsOfProfile(profile);
    expect(profileUpdate(profile, fields, ' Lone Larsen ')).toBeNull();
    expect(profileUpdate(profile, { ...fields, birthYear: 1979, email: null }, 'Lone Berg')).toEqual({
      birthYear: 1979,
      email: null,
      name: 'Lone Berg',
      version: 3,
    });
  });
});

describe('MentorPage', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  async function open(role: Role, record = recordFixture()) {
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    const http = TestBed.inject(HttpTestingController);
    const restoring = TestBed.inject(AuthService).restore();
    http.expectOne('/api/me').flush(meFixture(role));
    await restoring;
    const loading = TestBed.inject(I18nService).use('da', { remember: false });
    http.expectOne('/i18n/da.json').flush({
      validation: {
        codes: { profile: { birth_year_in_future: 'Fødselsåret må ikke ligge ude i fremtiden.' } },
      },
      workforce: { profile: { birthYear: 'Fødselsår' } },
    });
    await loading;
    const fixture = TestBed.createComponent(MentorPage);
    fixture.componentRef.setInput('id', 'm1');
    await fixture.whenStable();
    http.expectOne('/api/workforce/mentors/m1').flush(record);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const q = <E extends HTMLElement = HTMLElement>(id: string) =>
      el.querySelector<E>(`[data-testid="${id}"]`);
    const type = async (id: string, value: string) => {
      q<HTMLInputElement>(id)!.value = value;
      q<HTMLInputElement>(id)!.dispatchEvent(new Event('input'));
      await fixture.whenStable();
    };
    const click = async (id: string) => {
      q(id)!.click();
      await fixture.whenStable();
    };
    const settle = () => new Promise((resolve) => setTimeout(resolve)).then(() => fixture.whenStable());
    return { fixture, http, el, q, type, click, settle };
  }

  it("saves a team leader's change with the version read, and says when someone else saved first", async () => {
    const { http, q, type, click, settle } = await open(Role.TeamLeader);
    expect(q<HTMLInputElement>('profile-name')!.value).toBe('Lone Larsen');
    expect(q<HTMLInputElement>('profile-capacityHoursPerWeek')!.value).toBe('10');

    // The shared rule speaks first: no request for a birth year in the future.
    await type('profile-birthYear', String(new Date().getFullYear() + 1));
    await click('profile-save');
    http.expectNone('/api/workforce/mentors/m1/profile');

    await type('profile-birthYear', '1979');
    await type('profile-capacityHoursPerWeek', '12');
    await click('profile-save');
    const request = http.expectOne('/api/workforce/mentors/m1/profile');
    expect(request.request.method).toBe('PATCH');
    expect(request.request.body).toEqual({ birthYear: 1979, capacityMinutesPerWeek: 720, version: 3 });
    request.flush(
      { type: 'x', title: 'Conflict', status: 409, code: 'profile.stale_version' },
      { status: 409, statusText: 'Conflict' },
    );
    await settle();
    const stale = q('profile-stale')!;
    expect(stale.textContent).toContain('workforce.mentor.stale');
    stale.querySelector('button')!.click();
    await settle();
    http
      .expectOne('/api/workforce/mentors/m1')
      .flush(recordFixture({ profile: { ...recordFixture().profile, birthYear: 1982, version: 4 } }));
    await settle();
    expect(q<HTMLInputElement>('profile-birthYear')!.value).toBe('1982');
    expect(q('profile-stale')).toBeNull();
  });

  it("shows a mentor's pending suggestion against the profile and accepts it", async () => {
    const { http, el, q, click, settle } = await open(
      Role.TeamLeader,
      recordFixture({ suggestions: [PENDING_SUGGESTION] }),
    );
    expect(q('suggestion-change')!.textContent?.replace(/\s+/g, ' ').trim()).toBe('Fødselsår: 1980 → 1981');
    await click('suggestion-accept');
    const accept = http.expectOne('/api/workforce/suggestions/s1/accept');
    expect(accept.request.body).toEqual({});
    accept.flush({ ...PENDING_SUGGESTION, status: SuggestionStatus.Accepted });
    await settle();
    http.expectOne('/api/workforce/mentors/m1').flush(
      recordFixture({
        profile: { ...recordFixture().profile, birthYear: 1981, version: 4 },
        suggestions: [
          { ...PENDING_SUGGESTION, status: SuggestionStatus.Accepted, decidedAt: '2026-03-03T09:00:00Z' },
        ],
      }),
    );
    await settle();
    expect(q('suggestion')).toBeNull();
    expect(q('suggestion-message')!.textContent).toContain('workforce.suggestions.accepted');
    expect(q<HTMLInputElement>('profile-birthYear')!.value).toBe('1981');
    expect(el.querySelector('[data-testid="suggestion-decided"]')!.textContent).toContain(
      'suggestionStatuses.accepted',
    );
  });

  it('gives the administrator the profile and records to read, and no forms', async () => {
    const { q, el } = await open(Role.Admin, recordFixture({ suggestions: [PENDING_SUGGESTION] }));
    expect(q('profile-fact-email')!.textContent?.trim()).toBe('lone@example.invalid');
    expect(q('profile-save')).toBeNull();
    expect(q('suggestion-accept')).toBeNull();
    expect(q('password-save')).toBeNull();
    expect(el.querySelectorAll('app-records-section')).toHaveLength(4);
    expect(q('training-add')).toBeNull();
  });
});
