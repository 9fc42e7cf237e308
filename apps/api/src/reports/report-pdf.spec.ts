import { BarrierKind, GoalProgress, Recommendation, ReportSection, type ReportVersion } from '@mentor/domain';
import { renderReportPdf } from './report-pdf';

describe('renderReportPdf', () => {
  const version = (number: number, decision: 'returned' | 'accepted'): ReportVersion => ({
    number,
    submittedAt: '2026-03-02T10:00:00.000Z',
    submittedByName: 'Jonas Krogh Petersen',
    periodFrom: '2026-02-01',
    periodTo: '2026-02-28',
    attendance: {
      contactsHeld: 4,
      noShows: 1,
      minutesDelivered: 200,
      minutesGranted: 240,
      forms: { phone: 2 },
    },
    content: {
      goals: [
        {
          goalId: 'g1',
          status: GoalProgress.Reached,
          whatHappened: 'Mødte op hver uge.',
          evidence: 'Mødte kl. 9 den 12.2.',
          evidenceDate: '2026-02-12',
        },
      ],
      barriers: [{ kind: BarrierKind.Housing, description: 'Bor hos en ven', action: 'Søgt bolig' }],
      citizenView: 'Tilfreds',
      reviewedWithCitizen: false,
      reviewedWithCitizenOn: null,
      citizenViewMissingReason: 'Borgeren var syg',
      nextSteps: [{ action: 'Ring til boligkontoret', owner: 'Mentor', dueOn: '2026-03-10' }],
      recommendation: Recommendation.AdjustMinutes,
      recommendedMinutesPerWeek: 90,
      recommendationReason: 'Flere opgaver',
    },
    qualityScore: 88,
    justification: null,
    review: {
      decision,
      reviewedAt: '2026-03-03T08:00:00.000Z',
      reviewedByName: 'Peter Falk Nielsen',
      comments: decision === 'returned' ? [{ section: ReportSection.Goals, comment: 'Mere konkret' }] : [],
    },
  });

  it('renders a PDF document with every section', async () => {
    const pdf = await renderReportPdf({
      citizenName: 'Anders Testesen',
      cprMasked: '010190-XXXX',
      mentorName: 'Jonas Krogh Petersen',
      dueOn: '2026-03-01',
      goals: [{ id: 'g1', text: 'Møde stabilt op' }],
      version: version(2, 'accepted'),
      versions: [version(1, 'returned'), version(2, 'accepted')],
    });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.subarray(-6).toString('latin1')).toContain('%%EOF');
    expect(pdf.length).toBeGreaterThan(2000);
    // The document's title is in its (uncompressed) info dictionary.
    expect(pdf.toString('latin1')).toContain('Fremdriftsrapport');
  });
});
