import { registerLocaleData } from '@angular/common';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import localeDa from '@angular/common/locales/da';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { checkReportQuality, ReportDetail, Role } from '@mentor/domain';
import { meFixture } from '../../../../testing/fixtures';
import { goodContent, reportFixture } from '../../../../testing/reports';
import { AuthService } from '../../../core/auth/auth.service';
import { I18nService } from '../../../core/i18n/i18n.service';
import { localToday } from '../../../core/http/local-time';
import { REPORT_AUTOSAVE_DELAY_MS } from '../report-autosave';
import { ReportDraftStore } from '../report-draft-store';
import { ReportEditor } from './report-editor';

registerLocaleData(localeDa);

const DELAY = 20;
const JUSTIFICATION_TEXT = 'Skriv en begrundelse.';
const pause = (ms = DELAY * 3) => new Promise((resolve) => setTimeout(resolve, ms));

async function render(report: ReportDetail) {
  TestBed.configureTestingModule({
    providers: [
      provideRouter([]),
      provideHttpClient(),
      provideHttpClientTesting(),
      { provide: REPORT_AUTOSAVE_DELAY_MS, useValue: DELAY },
    ],
  });
  const http = TestBed.inject(HttpTestingController);
  const restoring = TestBed.inject(AuthService).restore();
  http.expectOne('/api/me').flush(meFixture(Role.Mentor));
  await restoring;
  const loading = TestBed.inject(I18nService).use('da', { remember: false });
  http.expectOne('/i18n/da.json').flush({
    validation: { codes: { report: { justification_required: JUSTIFICATION_TEXT } } },
  });
  await loading;
  const fixture: ComponentFixture<ReportEditor> = TestBed.createComponent(ReportEditor);
  fixture.componentRef.setInput('report', report);
  await fixture.whenStable();
  const el = fixture.nativeElement as HTMLElement;
  const byTestId = <T extends HTMLElement = HTMLElement>(id: string) =>
    el.querySelector<T>(`[data-testid="${id}"]`);
  const type = async (id: string, value: string) => {
    const field = byTestId<HTMLInputElement | HTMLTextAreaElement>(id)!;
    field.value = value;
    field.dispatchEvent(new Event('input'));
    await fixture.whenStable();
  };
  return { fixture, http, el, byTestId, type };
}

describe('ReportEditor', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('has a control for every hint of an empty report, and a hint moves focus to it', async () => {
    const report = reportFixture();
    const { el, byTestId, fixture } = await render(report);
    const result = checkReportQuality(report.content, {
      goalIds: ['g1', 'g2'],
      attendance: report.attendance,
      periodFrom: report.periodFrom,
      periodTo: report.periodTo,
      today: localToday(),
    });
    const hints = Array.from(el.querySelectorAll<HTMLElement>('[data-testid="report-hint"]'));
    expect(hints.map((h) => h.dataset['field'])).toEqual(result.hints.map((h) => h.field));
    expect(byTestId('report-quality-score')?.textContent?.trim()).toBe(String(result.score));

    for (const hint of hints) {
      hint.querySelector('button')!.click();
      await fixture.whenStable();
      const target = document.activeElement as HTMLElement;
      expect(target).not.toBe(document.body);
      // The focused control is the field's own element or inside it (a radio group).
      const id = `report-${hint.dataset['field']!.replace(/\./g, '-')}`;
      expect(target.id === id || target.closest(`[id="${id}"]`) !== null).toBe(true);
    }
  });

  it('scores as the mentor types and saves after a pause, with the version read', async () => {
    const { http, byTestId, type } = await render(reportFixture());
    const before = Number(byTestId('report-quality-score')!.textContent);
    await type('report-recommendationReason', 'Forløbet virker efter hensigten.');
    await type('report-citizenView', 'Borgeren er glad for forløbet.');
    expect(byTestId('report-save-state')?.textContent).toContain('reports.editor.saveState.saving');
    // The browser has it before the server does.
    expect(new ReportDraftStore(localStorage, 'u1').read('r1')?.content.citizenView).toBe(
      'Borgeren er glad for forløbet.',
    );
    // Citizen view filled in, but not yet said whether it was gone through: a hint, no points.
    const hintFields = Array.from(document.querySelectorAll<HTMLElement>('[data-testid="report-hint"]')).map(
      (h) => h.dataset['field'],
    );
    expect(hintFields).toContain('reviewedWithCitizen');
    expect(hintFields).not.toContain('citizenView');
    expect(Number(byTestId('report-quality-score')!.textContent)).toBe(before);

    await pause();
    const save = http.expectOne('/api/reports/r1');
    expect(save.request.method).toBe('PATCH');
    expect(save.request.body.version).toBe(3);
    expect(save.request.body.periodTo).toBe('2026-10-28');
    expect(save.request.body.content.citizenView).toBe('Borgeren er glad for forløbet.');
    expect(save.request.body.content.recommendationReason).toBe('Forløbet virker efter hensigten.');
    expect(save.request.body.content.goals.map((g: { goalId: string }) => g.goalId)).toEqual(['g1', 'g2']);
    save.flush(reportFixture({ version: 4, content: save.request.body.content }));
    await pause(0);
    expect(byTestId('report-save-state')?.textContent).toContain('reports.editor.saveState.saved');
    expect(new ReportDraftStore(localStorage, 'u1').read('r1')).toBeNull();
  });

  it('puts back text kept in the browser, saves it, and can discard it', async () => {
    const kept = { ...reportFixture().content, citizenView: 'Skrevet før fanen lukkede.' };
    new ReportDraftStore(localStorage, 'u1').write('r1', {
      content: kept,
      periodTo: '2026-10-28',
      baseVersion: 3,
      savedAt: '2026-10-28T11:00:00Z',
    });
    const { http, byTestId, fixture } = await render(reportFixture());
    expect(byTestId<HTMLTextAreaElement>('report-citizenView')!.value).toBe('Skrevet før fanen lukkede.');
    expect(byTestId('report-restored')).not.toBeNull();

    await pause();
    const save = http.expectOne('/api/reports/r1');
    expect(save.request.body.content.citizenView).toBe('Skrevet før fanen lukkede.');
    save.flush(reportFixture({ version: 4, content: save.request.body.content }));
    await pause(0);

    byTestId<HTMLButtonElement>('report-discard-restored')!.click();
    await fixture.whenStable();
    expect(byTestId<HTMLTextAreaElement>('report-citizenView')!.value).toBe('');
    expect(byTestId('report-restored')).toBeNull();
    await pause();
    // What the server had before is saved back, on the version the restore's save got.
    const revert = http.expectOne('/api/reports/r1');
    expect(revert.request.body.version).toBe(4);
    expect(revert.request.body.content.citizenView).toBe('');
    revert.flush(reportFixture({ version: 5 }));
  });

  it('on 409 keeps the text, and a reload takes the new version without losing it', async () => {
    const { http, byTestId, type, fixture } = await render(reportFixture());
    await type('report-citizenView', 'Min tekst');
    await pause();
    http.expectOne('/api/reports/r1').flush(
      { type: 'x', title: 'Conflict', status: 409, code: 'report.stale_version' },
      {
        status: 409,
        statusText: 'Conflict',
      },
    );
    await fixture.whenStable();
    expect(byTestId('report-stale')).not.toBeNull();
    await type('report-citizenView', 'Min tekst, mere');
    await pause();
    http.expectNone('/api/reports/r1');

    byTestId('report-stale')!.querySelector('button')!.click();
    await fixture.whenStable();
    const other = { ...reportFixture().content, recommendationReason: 'Fra en anden fane' };
    http
      .expectOne({ method: 'GET', url: '/api/reports/r1' })
      .flush(reportFixture({ version: 6, content: other }));
    await fixture.whenStable();
    expect(byTestId<HTMLTextAreaElement>('report-citizenView')!.value).toBe('Min tekst, mere');
    // What the other tab saved is kept: this tab never touched that field.
    expect(byTestId<HTMLTextAreaElement>('report-recommendationReason')!.value).toBe('Fra en anden fane');
    expect(byTestId('report-stale')).toBeNull();
    await pause();
    const save = http.expectOne('/api/reports/r1');
    expect(save.request.body.version).toBe(6);
    expect(save.request.body.content.citizenView).toBe('Min tekst, mere');
    expect(save.request.body.content.recommendationReason).toBe('Fra en anden fane');
    save.flush(reportFixture({ version: 7, content: save.request.body.content }));
  });

  it('under the threshold asks for a justification before it submits, and sends it', async () => {
    const { http, byTestId, type, fixture } = await render(reportFixture());
    const submitted: ReportDetail[] = [];
    fixture.componentInstance.submitted.subscribe((r) => submitted.push(r));
    byTestId<HTMLButtonElement>('report-submit')!.click();
    await fixture.whenStable();
    expect(byTestId('report-justification-error')?.textContent?.trim()).toBe(JUSTIFICATION_TEXT);
    http.expectNone('/api/reports/r1/submit');

    await type('report-justification', 'Borgeren var syg i perioden.');
    byTestId<HTMLButtonElement>('report-submit')!.click();
    await pause(0);
    const submit = http.expectOne('/api/reports/r1/submit');
    expect(submit.request.body).toEqual({ version: 3, justification: 'Borgeren var syg i perioden.' });
    submit.flush(reportFixture({ version: 4, status: 'submitted' as ReportDetail['status'] }));
    await pause(0);
    expect(submitted.map((r) => r.version)).toEqual([4]);
  });

  it('over the threshold saves what is unsaved, then submits without a justification', async () => {
    const report = reportFixture({ content: goodContent() });
    const { http, byTestId, type, fixture } = await render(report);
    expect(byTestId('report-justification')).toBeNull();
    await type('report-recommendationReason', 'Forløbet virker, og borgeren vil gerne fortsætte.');
    byTestId<HTMLButtonElement>('report-submit')!.click();
    await fixture.whenStable();
    const save = http.expectOne('/api/reports/r1');
    save.flush(reportFixture({ version: 4, content: save.request.body.content }));
    await pause(0);
    const submit = http.expectOne('/api/reports/r1/submit');
    expect(submit.request.body).toEqual({ version: 4 });
    // The server still asks for one (its score is lower): the field appears with its text.
    submit.flush(
      {
        type: 'x',
        title: 'Unprocessable',
        status: 422,
        errors: [
          {
            field: 'justification',
            messages: ['justification required'],
            codes: ['report.justification_required'],
          },
        ],
      },
      { status: 422, statusText: 'Unprocessable Entity' },
    );
    await fixture.whenStable();
    expect(byTestId('report-justification')).not.toBeNull();
    expect(byTestId('report-justification-error')?.textContent?.trim()).toBe(JUSTIFICATION_TEXT);
  });
});
