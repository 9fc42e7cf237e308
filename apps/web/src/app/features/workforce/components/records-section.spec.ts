import { registerLocaleData } from '@angular/common';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import localeDa from '@angular/common/locales/da';
import { TestBed } from '@angular/core/testing';
import { CertificationBasis, CertificationRecord } from '@mentor/domain';
import { I18nService } from '../../../core/i18n/i18n.service';
import { localToday } from '../../../core/http/local-time';
import { CERTIFICATION_KIND } from '../record-kinds';
import { RecordsSection } from './records-section';

registerLocaleData(localeDa);

const CERTIFICATION: CertificationRecord = {
  id: 'c1',
  mentorId: 'm1',
  certifiedOn: '2025-02-01',
  renewalDueOn: '2027-02-01',
  basis: [CertificationBasis.Education],
  note: null,
  certifiedById: 'u1',
  certifiedByName: 'Birgitte Friis Møller',
  version: 4,
};

const TEXTS = {
  workforce: { records: { editLabel: 'Ret {{what}}' } },
  validation: {
    codes: {
      certification: {
        renewal_before_certified: 'Fornyelsesdatoen skal ligge efter certificeringsdatoen.',
        duplicate: 'Mentoren har allerede en certificering med denne dato.',
      },
    },
    fields: { basis: { arrayNotEmpty: 'Vælg mindst ét grundlag for certificeringen.' } },
  },
};

describe('RecordsSection', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  async function render(records: CertificationRecord[]) {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    const http = TestBed.inject(HttpTestingController);
    const loading = TestBed.inject(I18nService).use('da', { remember: false });
    http.expectOne('/i18n/da.json').flush(TEXTS);
    await loading;
    const fixture = TestBed.createComponent(RecordsSection);
    fixture.componentRef.setInput('kind', CERTIFICATION_KIND);
    fixture.componentRef.setInput('records', records);
    fixture.componentRef.setInput('mentorId', 'm1');
    fixture.componentRef.setInput('canEdit', true);
    let changed = 0;
    fixture.componentInstance.changed.subscribe(() => changed++);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const q = <E extends HTMLElement = HTMLElement>(id: string) =>
      el.querySelector<E>(`[data-testid="${id}"]`);
    const type = async (id: string, value: string) => {
      const input = q<HTMLInputElement>(id)!;
      input.value = value;
      input.dispatchEvent(new Event('input'));
      await fixture.whenStable();
    };
    const click = async (id: string) => {
      q(id)!.click();
      await fixture.whenStable();
    };
    return { fixture, http, el, q, type, click, changed: () => changed };
  }

  it("checks the domain's rules before sending, then shows the API's field errors beside their fields", async () => {
    const { http, el, q, type, click, changed } = await render([]);
    expect(q('certification-empty')).not.toBeNull();
    await click('certification-add');
    expect(q<HTMLInputElement>('certification-certifiedOn')!.value).toBe(localToday());

    // No basis chosen and a renewal before the certification: said at once, nothing sent.
    await type('certification-certifiedOn', '2025-06-01');
    await type('certification-renewalDueOn', '2025-05-01');
    await click('certification-save');
    http.expectNone('/api/workforce/mentors/m1/certifications');
    const errors = Array.from(el.querySelectorAll('mat-error, [role="alert"]')).map((e) =>
      e.textContent?.trim(),
    );
    expect(errors).toContain('Fornyelsesdatoen skal ligge efter certificeringsdatoen.');
    expect(errors).toContain('Vælg mindst ét grundlag for certificeringen.');

    await type('certification-renewalDueOn', '2027-06-01');
    q('certification-basis')!.querySelector<HTMLElement>('[role="option"]')!.click();
    await click('certification-save');
    const request = http.expectOne('/api/workforce/mentors/m1/certifications');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({
      certifiedOn: '2025-06-01',
      renewalDueOn: '2027-06-01',
      basis: [CertificationBasis.CoursesAfterHiring],
      note: null,
    });
    request.flush(
      {
        type: 'x',
        title: 'Conflict',
        status: 409,
        code: 'certification.duplicate',
        errors: [{ field: 'certifiedOn', messages: ['exists'], codes: ['certification.duplicate'] }],
      },
      { status: 409, statusText: 'Conflict' },
    );
    await new Promise((resolve) => setTimeout(resolve));
    const field = q('certification-certifiedOn')!.closest('mat-form-field')!;
    expect(field.querySelector('mat-error')?.textContent?.trim()).toBe(
      'Mentoren har allerede en certificering med denne dato.',
    );
    expect(changed()).toBe(0);
  });

  it('changes and deletes a record with the version read, and reloads when someone else got there first', async () => {
    const { http, q, click, changed } = await render([CERTIFICATION]);
    expect(q('certification-row')!.textContent).toContain('Birgitte Friis Møller');
    expect(q('certification-edit')!.getAttribute('aria-label')).toBe('Ret 01.02.2025, 01.02.2027');

    await click('certification-edit');
    expect(q<HTMLInputElement>('certification-renewalDueOn')!.value).toBe('2027-02-01');
    await click('certification-save');
    const update = http.expectOne('/api/workforce/certifications/c1');
    expect(update.request.method).toBe('PATCH');
    expect(update.request.body).toEqual({
      certifiedOn: '2025-02-01',
      renewalDueOn: '2027-02-01',
      basis: [CertificationBasis.Education],
      note: null,
      version: 4,
    });
    update.flush(
      { type: 'x', title: 'Conflict', status: 409, code: 'certification.stale_version' },
      { status: 409, statusText: 'Conflict' },
    );
    await new Promise((resolve) => setTimeout(resolve));
    expect(q('certification-message')!.textContent).toContain('workforce.records.stale');
    expect(changed()).toBe(1);

    jest.spyOn(window, 'confirm').mockReturnValue(true);
    await click('certification-delete');
    const removal = http.expectOne('/api/workforce/certifications/c1?version=4');
    expect(removal.request.method).toBe('DELETE');
    removal.flush(null, { status: 204, statusText: 'No Content' });
    await new Promise((resolve) => setTimeout(resolve));
    expect(changed()).toBe(2);
    expect(q('certification-message')!.textContent).toContain('workforce.records.deleted');
  });

  it('only lists the records for a reader', async () => {
    const { fixture, q } = await render([CERTIFICATION]);
    fixture.componentRef.setInput('canEdit', false);
    await fixture.whenStable();
    expect(q('certification-row')).not.toBeNull();
    expect(q('certification-edit')).toBeNull();
    expect(q('certification-add')).toBeNull();
  });
});
