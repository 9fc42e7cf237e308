import { registerLocaleData } from '@angular/common';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import localeDa from '@angular/common/locales/da';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter } from '@angular/router';
import {
  CaseFileType,
  CaseItem,
  CaseItemKind,
  CaseShare,
  CourseDetail,
  Role,
  ShareBasis,
  SharedItem,
  ShareState,
} from '@mentor/domain';
import { meFixture } from '../../../../testing/fixtures';
import { AuthService } from '../../../core/auth/auth.service';
import { localToday } from '../../../core/http/local-time';
import { CourseCasePage } from './course-case.page';

registerLocaleData(localeDa);

const COURSE = {
  id: 'c1',
  citizenId: 'z1',
  citizenName: 'Karen Testborger',
  mentorId: 'm1',
  mentorName: 'Thomas Brandt Poulsen',
  startsOn: '2026-01-01',
  endsOn: '2099-06-30',
} as CourseDetail;

function item(id: string, kind = CaseItemKind.Document): CaseItem {
  return {
    id,
    citizenId: 'z1',
    kind,
    title: `Titel ${id}`,
    file:
      kind === CaseItemKind.Document
        ? { fileName: `${id}.pdf`, contentType: CaseFileType.Pdf, sizeBytes: 2048 }
        : null,
    body: kind === CaseItemKind.Note ? 'Notatets tekst' : null,
    createdByName: 'Rasmus Kjær Olsen',
    createdAt: '2026-03-01T10:00:00Z',
    activeShareCount: 0,
  };
}

function share(id: string, itemId: string, changes: Partial<CaseShare> = {}): CaseShare {
  return {
    id,
    courseId: 'c1',
    itemId,
    itemKind: CaseItemKind.Document,
    title: `Titel ${itemId}`,
    basis: ShareBasis.Consent,
    legalBasis: null,
    consentGivenOn: '2026-02-27',
    consentScope: 'Må deles med mentoren',
    expiresOn: '2099-06-30',
    state: ShareState.Active,
    sharedByName: 'Rasmus Kjær Olsen',
    createdAt: '2026-03-01T10:00:00Z',
    revokedAt: null,
    revokedByName: null,
    ...changes,
  };
}

async function open(role: Role) {
  TestBed.configureTestingModule({
    providers: [
      provideRouter([]),
      provideHttpClient(),
      provideHttpClientTesting(),
      // The dialog closes at once instead of after its animation.
      { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
    ],
  });
  const http = TestBed.inject(HttpTestingController);
  const restoring = TestBed.inject(AuthService).restore();
  http.expectOne('/api/me').flush(meFixture(role));
  await restoring;
  const fixture = TestBed.createComponent(CourseCasePage);
  fixture.componentRef.setInput('id', 'c1');
  await fixture.whenStable();
  http.expectOne('/api/courses/c1').flush(COURSE);
  await fixture.whenStable();
  const el = fixture.nativeElement as HTMLElement;
  const settle = () => new Promise((resolve) => setTimeout(resolve)).then(() => fixture.whenStable());
  /** In the page or in an open dialog (the overlay lives outside the page). */
  const q = <E extends HTMLElement = HTMLElement>(id: string) =>
    document.querySelector<E>(`[data-testid="${id}"]`);
  const all = (id: string) => Array.from(document.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`));
  const type = async (id: string, value: string) => {
    const input = q<HTMLInputElement>(id)!;
    input.value = value;
    input.dispatchEvent(new Event('input'));
    await settle();
  };
  return { http, el, q, all, type, settle, fixture };
}

describe('CourseCasePage for the caseworker', () => {
  afterEach(() => {
    TestBed.inject(HttpTestingController).verify();
    jest.restoreAllMocks();
  });

  it('lists every share with its state, ground and expiry, and says the mentor sees only what is shared', async () => {
    const { http, q, all, settle } = await open(Role.Caseworker);
    http.expectOne('/api/courses/c1/shares').flush([
      share('s2', 'd2', {
        basis: ShareBasis.LegalBasis,
        consentGivenOn: null,
        consentScope: null,
        legalBasis: 'LAB § 167',
      }),
      share('s1', 'd1', {
        state: ShareState.Revoked,
        revokedAt: '2026-03-02T09:00:00Z',
        revokedByName: 'Rasmus Kjær Olsen',
      }),
    ]);
    http.expectOne('/api/citizens/z1/case-items').flush([item('d1'), item('d2')]);
    await settle();
    expect(q('course-shares-notice')!.textContent).toContain('caseSharing.shares.notice');
    expect(all('course-share').map((li) => li.getAttribute('data-state'))).toEqual(['active', 'revoked']);
    expect(all('share-state').map((chip) => chip.textContent?.trim())).toEqual([
      'caseSharing.states.active',
      'caseSharing.states.revoked',
    ]);
    expect(all('course-share-basis')[0].textContent).toContain('LAB § 167');
    expect(all('course-share-basis')[1].textContent).toContain('Må deles med mentoren');
    expect(all('course-share-expires')[0].textContent?.trim()).toBe('30.06.2099');
    // Only the active share can be revoked.
    expect(all('course-share-revoke')).toHaveLength(1);
  });

  it('shares an item with consent (date and scope required), defaulting the expiry to the course end', async () => {
    const { http, q, all, type, settle } = await open(Role.Caseworker);
    http.expectOne('/api/courses/c1/shares').flush([share('s1', 'd1')]);
    http.expectOne('/api/citizens/z1/case-items').flush([item('d1'), item('n1', CaseItemKind.Note)]);
    await settle();

    q<HTMLButtonElement>('course-shares-add')!.click();
    await settle();
    // Only what is not shared with the course now can be chosen (so it is chosen already).
    expect(q<HTMLInputElement>('share-expires-on')!.value).toBe('2099-06-30');
    expect(q<HTMLInputElement>('share-consent-date')!.value).toBe(localToday());
    // Marked required, as the basis makes them.
    expect(q<HTMLTextAreaElement>('share-consent-scope')!.required).toBe(true);
    expect(q<HTMLInputElement>('share-consent-date')!.required).toBe(true);
    q<HTMLButtonElement>('share-submit')!.click();
    await settle();
    // The scope of the consent is missing.
    http.expectNone('/api/courses/c1/shares');
    expect(document.querySelector('mat-error')?.textContent).toContain('forms.errors.required');

    await type('share-consent-scope', 'Notatet må deles med mentoren.');
    q<HTMLButtonElement>('share-submit')!.click();
    await settle();
    const request = http.expectOne({ method: 'POST', url: '/api/courses/c1/shares' });
    expect(request.request.body).toEqual({
      itemId: 'n1',
      basis: 'consent',
      consentGivenOn: localToday(),
      consentScope: 'Notatet må deles med mentoren.',
      expiresOn: '2099-06-30',
    });
    request.flush(share('s2', 'n1', { itemKind: CaseItemKind.Note }));
    await settle();
    expect(q('share-submit')).toBeNull();
    expect(all('course-share-title').map((h) => h.textContent?.trim())).toEqual(['Titel n1', 'Titel d1']);
    // Everything is shared now.
    expect(q<HTMLButtonElement>('course-shares-add')!.disabled).toBe(true);
  });

  it('asks for the legal basis text when the ground is not consent, and places the API refusal at its field', async () => {
    const { http, q, type, settle } = await open(Role.Caseworker);
    http.expectOne('/api/courses/c1/shares').flush([]);
    http.expectOne('/api/citizens/z1/case-items').flush([item('d1')]);
    await settle();
    q<HTMLButtonElement>('course-shares-add')!.click();
    await settle();
    q<HTMLInputElement>('share-basis-legal_basis')!.querySelector('input')!.click();
    await settle();
    expect(q('share-consent-scope')).toBeNull();
    expect(q<HTMLInputElement>('share-legal-basis')!.required).toBe(true);
    q<HTMLButtonElement>('share-submit')!.click();
    await settle();
    http.expectNone('/api/courses/c1/shares');

    await type('share-legal-basis', 'LAB § 167');
    q<HTMLButtonElement>('share-submit')!.click();
    await settle();
    const request = http.expectOne({ method: 'POST', url: '/api/courses/c1/shares' });
    expect(request.request.body).toEqual({
      itemId: 'd1',
      basis: 'legal_basis',
      legalBasis: 'LAB § 167',
      expiresOn: '2099-06-30',
    });
    request.flush(
      {
        type: 'about:blank',
        title: 'Bad Request',
        status: 400,
        errors: [{ field: 'legalBasis', messages: ['legalBasis is too long'], codes: ['maxLength'] }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle();
    expect(document.querySelector('mat-error')?.textContent).toContain('legalBasis is too long');
    // The dialog stays open with what was typed.
    expect(q<HTMLInputElement>('share-legal-basis')!.value).toBe('LAB § 167');
  });

  it('revokes a share after confirming, and shows it revoked', async () => {
    const { http, q, all, settle } = await open(Role.Caseworker);
    http.expectOne('/api/courses/c1/shares').flush([share('s1', 'd1')]);
    http.expectOne('/api/citizens/z1/case-items').flush([item('d1')]);
    await settle();
    const confirm = jest.spyOn(window, 'confirm').mockReturnValueOnce(false).mockReturnValueOnce(true);
    q<HTMLButtonElement>('course-share-revoke')!.click();
    await settle();
    http.expectNone('/api/shares/s1/revoke');
    q<HTMLButtonElement>('course-share-revoke')!.click();
    await settle();
    expect(confirm).toHaveBeenCalledWith('caseSharing.shares.confirmRevoke');
    const request = http.expectOne({ method: 'POST', url: '/api/shares/s1/revoke' });
    request.flush(
      share('s1', 'd1', {
        state: ShareState.Revoked,
        revokedAt: '2026-03-02T09:00:00Z',
        revokedByName: 'Rasmus Kjær Olsen',
      }),
    );
    await settle();
    expect(all('course-share').map((li) => li.getAttribute('data-state'))).toEqual(['revoked']);
    expect(q('course-share-revoke')).toBeNull();
  });
});

describe('CourseCasePage for the mentor', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  const shared = (shareId: string, kind: CaseItemKind): SharedItem => ({
    shareId,
    kind,
    title: `Delt ${shareId}`,
    file:
      kind === CaseItemKind.Document
        ? { fileName: 'erklæring.pdf', contentType: CaseFileType.Pdf, sizeBytes: 4096 }
        : null,
    body: null,
    sharedOn: '2026-03-01',
    expiresOn: '2099-06-30',
  });

  it('shows only the shared items: downloads a document, opens a note, and drops one that is no longer shared', async () => {
    const { http, q, all, settle } = await open(Role.Mentor);
    http
      .expectOne('/api/courses/c1/shared-items')
      .flush([
        shared('s1', CaseItemKind.Document),
        shared('s2', CaseItemKind.Note),
        shared('s3', CaseItemKind.Note),
      ]);
    await settle();
    http.expectNone('/api/courses/c1/shares');
    expect(q('shared-items-notice')!.textContent).toContain('caseSharing.sharedItems.notice');
    expect(q<HTMLAnchorElement>('shared-item-download')!.getAttribute('href')).toBe('/api/shares/s1/file');

    const [openS2, openS3] = all('shared-item-open') as HTMLButtonElement[];
    openS2.click();
    await settle();
    http
      .expectOne('/api/shares/s2')
      .flush({ ...shared('s2', CaseItemKind.Note), body: 'Mødes helst om formiddagen.' });
    await settle();
    expect(openS2.getAttribute('aria-expanded')).toBe('true');
    expect(q('shared-item-note-body')!.textContent).toContain('formiddagen');

    // Revoked meanwhile: the API answers 404 and the item leaves the list.
    openS3.click();
    await settle();
    http
      .expectOne('/api/shares/s3')
      .flush(
        { type: 'about:blank', title: 'Not Found', status: 404 },
        { status: 404, statusText: 'Not Found' },
      );
    await settle();
    expect(q('shared-item-gone')!.textContent).toContain('caseSharing.sharedItems.gone');
    expect(all('shared-item-title').map((h) => h.textContent?.trim())).toEqual(['Delt s1', 'Delt s2']);
  });
});
