import { HttpHeaders, provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { CitizenDetail, MeetingPlace, Role, TargetGroup } from '@mentor/domain';
import { meFixture } from '../../../../testing/fixtures';
import { AuthService } from '../../../core/auth/auth.service';
import { I18nService } from '../../../core/i18n/i18n.service';
import { citizenChanges, EditCitizenPage } from './edit-citizen.page';

const CITIZEN: CitizenDetail = {
  id: 'z1',
  name: 'Karen Testborger',
  cprMasked: '010160-XXXX',
  caseworkerId: 'u1',
  caseworkerName: 'Anna Andersen',
  phone: '12 34 56 78',
  email: null,
  address: 'Testvej 1',
  preferredMeetingPlace: MeetingPlace.Home,
  meetingPlaceReason: null,
  targetGroup: TargetGroup.ActivityReadyCashBenefit30Plus,
  version: 3,
};

const formOf = (changes: Partial<Record<string, string>> = {}) => ({
  name: 'Karen Testborger',
  phone: '12 34 56 78',
  email: '',
  address: 'Testvej 1',
  preferredMeetingPlace: MeetingPlace.Home,
  meetingPlaceReason: '',
  targetGroup: TargetGroup.ActivityReadyCashBenefit30Plus,
  ...changes,
});

describe('citizenChanges', () => {
  it('sends only what changed, trimmed, an emptied detail as null, with the version read', () => {
    expect(citizenChanges(CITIZEN, formOf())).toBeNull();
    expect(citizenChanges(CITIZEN, formOf({ name: ' Karen Testborger ' }))).toBeNull();
    expect(
      citizenChanges(
        CITIZEN,
        formOf({
          name: 'Karen Nytnavn ',
          phone: '',
          email: 'k@example.invalid',
          preferredMeetingPlace: 'out_of_home',
        }),
      ),
    ).toEqual({
      name: 'Karen Nytnavn',
      phone: null,
      email: 'k@example.invalid',
      preferredMeetingPlace: MeetingPlace.OutOfHome,
      version: 3,
    });
  });
});

describe('EditCitizenPage', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  async function open(role?: Role) {
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    const http = TestBed.inject(HttpTestingController);
    if (role) {
      const restoring = TestBed.inject(AuthService).restore();
      http.expectOne('/api/me').flush(meFixture(role));
      await restoring;
    }
    const loading = TestBed.inject(I18nService).use('da', { remember: false });
    http.expectOne('/i18n/da.json').flush({
      validation: { fields: { phone: { matches: 'Skriv et telefonnummer med 4–40 tegn.' } } },
    });
    await loading;
    const fixture = TestBed.createComponent(EditCitizenPage);
    fixture.componentRef.setInput('id', 'z1');
    fixture.componentRef.setInput('course', 'c1');
    await fixture.whenStable();
    http.expectOne('/api/citizens/z1').flush(CITIZEN);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const input = (id: string) => el.querySelector<HTMLInputElement>(`[data-testid="${id}"]`)!;
    const type = async (id: string, value: string) => {
      input(id).value = value;
      input(id).dispatchEvent(new Event('input'));
      await fixture.whenStable();
    };
    const submit = async () => {
      input('citizen-submit').click();
      await fixture.whenStable();
    };
    return { fixture, http, el, input, type, submit };
  }

  it('shows the citizen, saves a change with the version read and leads back to the course', async () => {
    const { http, el, input, type, submit } = await open();
    expect(input('citizen-name').value).toBe('Karen Testborger');
    expect(input('citizen-phone').value).toBe('12 34 56 78');
    expect(el.querySelector('[data-testid="citizen-edit-back"]')?.getAttribute('href')).toBe('/courses/c1');

    await type('citizen-name', 'Karen Nytnavn');
    await submit();
    const request = http.expectOne('/api/citizens/z1');
    expect(request.request.method).toBe('PATCH');
    expect(request.request.body).toEqual({ name: 'Karen Nytnavn', version: 3 });
    request.flush({ ...CITIZEN, name: 'Karen Nytnavn', version: 4 });
    await new Promise((resolve) => setTimeout(resolve));
    expect(el.querySelector('[data-testid="citizen-edit-notice"]')?.textContent?.trim()).toBe(
      'citizenEdit.saved',
    );
  });

  it('says when someone else saved first and reloads on request', async () => {
    const { fixture, http, el, input, type, submit } = await open();
    await type('citizen-address', 'Nyvej 2');
    await submit();
    http
      .expectOne('/api/citizens/z1')
      .flush(
        { type: 'x', title: 'Conflict', status: 409, code: 'citizen.stale_version' },
        { status: 409, statusText: 'Conflict' },
      );
    await fixture.whenStable();
    const stale = el.querySelector('[data-testid="citizen-edit-stale"]')!;
    expect(stale.textContent).toContain('citizenEdit.stale');
    stale.querySelector<HTMLButtonElement>('button')!.click();
    await fixture.whenStable();
    http.expectOne('/api/citizens/z1').flush({ ...CITIZEN, address: 'Andenvej 3', version: 4 });
    await fixture.whenStable();
    expect(input('citizen-address').value).toBe('Andenvej 3');
    expect(el.querySelector('[data-testid="citizen-edit-stale"]')).toBeNull();
  });

  it("puts the API's coded field errors beside the field in Danish", async () => {
    const { fixture, http, el, type, submit } = await open();
    await type('citizen-phone', '+45 1234');
    await submit();
    http.expectOne('/api/citizens/z1').flush(
      {
        type: 'x',
        title: 'Validation failed',
        status: 400,
        code: 'validation.failed',
        errors: [{ field: 'phone', messages: ['phone must match /^[+0-9 ()-]{4,40}$/'], codes: ['matches'] }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();
    expect(el.querySelector('mat-error')?.textContent?.trim()).toBe('Skriv et telefonnummer med 4–40 tegn.');
  });

  describe('the right-of-access export', () => {
    let click: jest.SpyInstance;
    const saved: { name: string; href: string }[] = [];

    beforeEach(() => {
      saved.length = 0;
      URL.createObjectURL = jest.fn(() => 'blob:export');
      URL.revokeObjectURL = jest.fn();
      click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
        this: HTMLAnchorElement,
      ) {
        saved.push({ name: this.download, href: this.href });
      });
    });
    afterEach(() => click.mockRestore());

    it('is offered to the caseworker, and fetches the JSON as a download under the name the API gives', async () => {
      const { fixture, http, el } = await open(Role.Caseworker);
      const button = (format: string) =>
        el.querySelector<HTMLButtonElement>(`[data-testid="citizen-export-${format}"]`)!;
      expect(button('json').textContent).toContain('citizenExport.json');
      expect(button('pdf').textContent).toContain('citizenExport.pdf');

      button('json').click();
      await fixture.whenStable();
      expect(button('pdf').disabled).toBe(true);
      const request = http.expectOne('/api/citizens/z1/export.json');
      expect(request.request.responseType).toBe('blob');
      request.flush(new Blob(['{}'], { type: 'application/json' }), {
        headers: new HttpHeaders({
          'Content-Disposition': 'attachment; filename="indsigt-alle-data-2026-03-02.json"',
        }),
      });
      await fixture.whenStable();
      expect(saved).toEqual([{ name: 'indsigt-alle-data-2026-03-02.json', href: 'blob:export' }]);
      expect(button('pdf').disabled).toBe(false);
    });

    it('says so when the export fails', async () => {
      const { fixture, http, el } = await open(Role.Caseworker);
      el.querySelector<HTMLButtonElement>('[data-testid="citizen-export-pdf"]')!.click();
      await fixture.whenStable();
      http
        .expectOne('/api/citizens/z1/export.pdf')
        .flush(new Blob(['{}']), { status: 500, statusText: 'Server Error' });
      await fixture.whenStable();
      expect(el.querySelector('[data-testid="citizen-export-error"]')?.textContent).toContain(
        'citizenExport.failed',
      );
      expect(saved).toEqual([]);
    });

    it('is not offered to a role without the permission', async () => {
      const { el } = await open(Role.TeamLeader);
      expect(el.querySelector('[data-testid="citizen-export"]')).toBeNull();
    });
  });
});
