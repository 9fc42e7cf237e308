import { registerLocaleData } from '@angular/common';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import localeDa from '@angular/common/locales/da';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { CASE_FILE_MAX_BYTES, CaseFileType, CaseItem, CaseItemKind, Role } from '@mentor/domain';
import { meFixture } from '../../../../testing/fixtures';
import { AuthService } from '../../../core/auth/auth.service';
import { CitizenCasePage } from './citizen-case.page';

registerLocaleData(localeDa);

const CITIZEN = { id: 'z1', name: 'Karen Testborger', cprMasked: '010160-XXXX', version: 1 };

function item(id: string, changes: Partial<CaseItem> = {}): CaseItem {
  return {
    id,
    citizenId: 'z1',
    kind: CaseItemKind.Document,
    title: `Dokument ${id}`,
    file: { fileName: `${id}.pdf`, contentType: CaseFileType.Pdf, sizeBytes: 2048 },
    body: null,
    createdByName: 'Rasmus Kjær Olsen',
    createdAt: '2026-03-01T10:00:00Z',
    activeShareCount: 0,
    ...changes,
  };
}

const NOTE = item('n1', {
  kind: CaseItemKind.Note,
  title: 'Aftaler',
  file: null,
  body: 'Borgeren foretrækker møder om formiddagen.',
});

describe('CitizenCasePage', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  async function open(items: CaseItem[] = [item('d1'), NOTE]) {
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    const http = TestBed.inject(HttpTestingController);
    const restoring = TestBed.inject(AuthService).restore();
    http.expectOne('/api/me').flush(meFixture(Role.Caseworker));
    await restoring;
    const fixture = TestBed.createComponent(CitizenCasePage);
    fixture.componentRef.setInput('id', 'z1');
    await fixture.whenStable();
    http.expectOne('/api/citizens/z1').flush(CITIZEN);
    http.expectOne('/api/citizens/z1/case-items').flush(items);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const q = <E extends HTMLElement = HTMLElement>(id: string) =>
      el.querySelector<E>(`[data-testid="${id}"]`);
    const all = (id: string) => Array.from(el.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`));
    const choose = async (file: File) => {
      const input = q<HTMLInputElement>('case-upload-file')!;
      Object.defineProperty(input, 'files', { value: [file], configurable: true });
      (input.files as unknown as { item: (i: number) => File }).item = (i) => [file][i];
      input.dispatchEvent(new Event('change'));
      await fixture.whenStable();
    };
    const type = async (id: string, value: string) => {
      const input = q<HTMLInputElement>(id)!;
      input.value = value;
      input.dispatchEvent(new Event('input'));
      await fixture.whenStable();
    };
    const settle = () => new Promise((resolve) => setTimeout(resolve)).then(() => fixture.whenStable());
    return { http, el, q, all, choose, type, settle };
  }

  it('lists documents with a download link and notes that open in place', async () => {
    const { q, all, settle } = await open();
    expect(all('case-item').map((li) => li.getAttribute('data-kind'))).toEqual(['document', 'note']);
    const download = q<HTMLAnchorElement>('case-item-download')!;
    expect(download.getAttribute('href')).toBe('/api/case-items/d1/file');
    expect(download.hasAttribute('download')).toBe(true);
    expect(download.textContent).toContain('d1.pdf');

    const toggle = q<HTMLButtonElement>('case-item-toggle-note')!;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(q('case-item-note-body')).toBeNull();
    toggle.click();
    await settle();
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(q('case-item-note-body')!.textContent).toContain('formiddagen');
  });

  it('uploads a document as multipart parts title and file, and adds it to the list', async () => {
    const { http, q, all, choose, type, settle } = await open([]);
    expect(q('case-items-empty')).not.toBeNull();
    expect(q<HTMLButtonElement>('case-upload-submit')!.disabled).toBe(true);
    expect(q<HTMLInputElement>('case-upload-file')!.accept).toBe(
      '.pdf,.png,.jpg,.jpeg,.docx,.xlsx,.odt,.ods,.txt',
    );

    const file = new File(['%PDF-1.4'], 'lægeerklæring.pdf', { type: 'application/pdf' });
    await choose(file);
    await type('case-upload-title', ' Lægeerklæring ');
    q<HTMLButtonElement>('case-upload-submit')!.click();
    await settle();
    const upload = http.expectOne('/api/citizens/z1/case-documents');
    expect(upload.request.method).toBe('POST');
    const body = upload.request.body as FormData;
    expect(body).toBeInstanceOf(FormData);
    expect(body.get('title')).toBe('Lægeerklæring');
    expect((body.get('file') as File).name).toBe('lægeerklæring.pdf');
    upload.flush(item('d2', { title: 'Lægeerklæring' }));
    await settle();
    expect(all('case-item-title').map((h) => h.textContent?.trim())).toEqual(['Lægeerklæring']);
    expect(q<HTMLInputElement>('case-upload-file')!.value).toBe('');
    expect(q<HTMLButtonElement>('case-upload-submit')!.disabled).toBe(true);
  });

  it("refuses a file over the limit before uploading, and words the server's 415 in the UI's language", async () => {
    const { http, q, choose, settle } = await open([]);
    const large = new File(['x'], 'scanning.pdf');
    Object.defineProperty(large, 'size', { value: CASE_FILE_MAX_BYTES + 1 });
    await choose(large);
    expect(q('case-upload-error')!.textContent).toContain('caseSharing.files.tooLarge');
    expect(q<HTMLButtonElement>('case-upload-submit')!.disabled).toBe(true);

    await choose(new File(['MZ'], 'faktura.pdf'));
    expect(q('case-upload-error')).toBeNull();
    q<HTMLButtonElement>('case-upload-submit')!.click();
    await settle();
    http
      .expectOne('/api/citizens/z1/case-documents')
      .flush(
        { type: 'about:blank', title: 'Unsupported Media Type', status: 415, code: 'file.type_mismatch' },
        { status: 415, statusText: 'Unsupported Media Type' },
      );
    await settle();
    expect(q('case-upload-error')!.textContent).toContain('caseSharing.files.typeMismatch');
  });

  it('writes a note; both fields are required', async () => {
    const { http, el, q, all, type, settle } = await open([]);
    q<HTMLButtonElement>('case-note-submit')!.click();
    await settle();
    http.expectNone('/api/citizens/z1/case-notes');
    await type('case-note-title', 'Aftaler');
    await type('case-note-body', 'Borgeren foretrækker møder om formiddagen.');
    q<HTMLButtonElement>('case-note-submit')!.click();
    await settle();
    const request = http.expectOne('/api/citizens/z1/case-notes');
    expect(request.request.body).toEqual({
      title: 'Aftaler',
      body: 'Borgeren foretrækker møder om formiddagen.',
    });
    request.flush(NOTE);
    await settle();
    expect(all('case-item').map((li) => li.getAttribute('data-kind'))).toEqual(['note']);
    // Emptied for the next note, without calling the empty fields errors.
    expect(q<HTMLInputElement>('case-note-title')!.value).toBe('');
    expect(el.querySelector('mat-error')).toBeNull();
  });
});
