import { registerLocaleData } from '@angular/common';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import localeDa from '@angular/common/locales/da';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { GoalProgress, ReportDetail, ReportSection, ReportStatus, Role } from '@mentor/domain';
import { meFixture } from '../../../../testing/fixtures';
import { goodContent, reportFixture, versionFixture } from '../../../../testing/reports';
import { AuthService } from '../../../core/auth/auth.service';
import { ReportReview } from './report-review';

registerLocaleData(localeDa);

function twoVersions(): ReportDetail {
  const first = goodContent();
  const second = {
    ...goodContent(),
    goals: [{ ...first.goals[0], status: GoalProgress.Reached }, first.goals[1]],
    recommendationReason: 'Borgeren starter i job.',
  };
  return reportFixture({
    status: ReportStatus.Submitted,
    version: 8,
    content: second,
    can: { edit: false, submit: false, review: true },
    versions: [
      versionFixture(1, first, {
        review: {
          decision: 'returned',
          reviewedAt: '2026-10-22T09:00:00Z',
          reviewedByName: 'Sara Sagsbehandler',
          comments: [{ section: ReportSection.Goals, comment: 'Mål 1 er vel nået?' }],
        },
      }),
      versionFixture(2, second),
    ],
  });
}

async function render(report: ReportDetail) {
  TestBed.configureTestingModule({
    providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
  });
  const http = TestBed.inject(HttpTestingController);
  const restoring = TestBed.inject(AuthService).restore();
  http.expectOne('/api/me').flush(meFixture(Role.Caseworker));
  await restoring;
  const fixture = TestBed.createComponent(ReportReview);
  fixture.componentRef.setInput('report', report);
  await fixture.whenStable();
  const el = fixture.nativeElement as HTMLElement;
  const all = (id: string) => Array.from(el.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`));
  const one = <T extends HTMLElement = HTMLElement>(id: string) =>
    el.querySelector<T>(`[data-testid="${id}"]`);
  return { fixture, http, el, all, one };
}

describe('ReportReview', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('shows the newest version and what changed since the one before; an older one with its comments', async () => {
    const { all, one, fixture } = await render(twoVersions());
    const changes = all('report-change').map((c) => c.textContent!.replace(/\s+/g, ' ').trim());
    expect(changes).toHaveLength(2);
    expect(changes[0]).toContain('reports.sections.goals');
    expect(changes[0]).toContain('goalProgress.clear_progress');
    expect(changes[0]).toContain('goalProgress.reached');
    expect(changes[1]).toContain('Borgeren starter i job.');
    expect(all('report-comment')).toHaveLength(0);

    const versions = all('report-version');
    expect(versions.map((v) => v.getAttribute('aria-pressed'))).toEqual(['true', 'false']);
    versions[1].click();
    await fixture.whenStable();
    expect(one('report-first-version')).not.toBeNull();
    expect(one('report-old-version')).not.toBeNull();
    expect(all('report-comment').map((c) => c.textContent)).toEqual([
      expect.stringContaining('Mål 1 er vel nået?'),
    ]);
  });

  it('returns only with at least one comment, sent per section with the version', async () => {
    const { http, one, fixture } = await render(twoVersions());
    one<HTMLButtonElement>('report-return')!.click();
    await fixture.whenStable();
    one<HTMLButtonElement>('report-send-back')!.click();
    await fixture.whenStable();
    expect(one('review-comment-error')).not.toBeNull();
    http.expectNone('/api/reports/r1/return');

    const comment = one<HTMLTextAreaElement>('review-comment-next_steps')!;
    comment.value = '  Tilføj en dato.  ';
    comment.dispatchEvent(new Event('input'));
    one<HTMLButtonElement>('report-send-back')!.click();
    await fixture.whenStable();
    const request = http.expectOne('/api/reports/r1/return');
    expect(request.request.body).toEqual({
      version: 8,
      comments: [{ section: ReportSection.NextSteps, comment: 'Tilføj en dato.' }],
    });
    request.flush(reportFixture({ status: ReportStatus.Returned, version: 9 }));
  });

  it('accepts with the version, and offers the PDF only once accepted', async () => {
    const { http, one, fixture } = await render(twoVersions());
    expect(one('report-pdf')).toBeNull();
    one<HTMLButtonElement>('report-accept')!.click();
    await fixture.whenStable();
    const request = http.expectOne('/api/reports/r1/accept');
    expect(request.request.body).toEqual({ version: 8 });
    const accepted = {
      ...twoVersions(),
      status: ReportStatus.Accepted,
      can: { edit: false, submit: false, review: false },
    };
    request.flush(accepted);
    fixture.componentRef.setInput('report', accepted);
    await fixture.whenStable();
    expect(one('report-pdf')?.getAttribute('href')).toBe('/api/reports/r1/pdf');
    expect(one('report-accept')).toBeNull();
  });

  it('hides the review actions from anyone who may not review', async () => {
    const { one } = await render({ ...twoVersions(), can: { edit: false, submit: false, review: false } });
    expect(one('report-accept')).toBeNull();
    expect(one('report-return')).toBeNull();
    expect(one('report-print')).not.toBeNull();
  });
});
