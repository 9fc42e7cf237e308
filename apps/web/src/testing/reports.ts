import {
  emptyReportContent,
  GoalProgress,
  Recommendation,
  ReportContent,
  ReportDetail,
  ReportStatus,
  ReportVersion,
} from '@mentor/domain';

/** A report as `GET /api/reports/:id` answers it: a draft of two goals the mentor may edit. */
export function reportFixture(changes: Partial<ReportDetail> = {}): ReportDetail {
  return {
    id: 'r1',
    courseId: 'c1',
    citizenId: 'z1',
    citizenName: 'Karen Testborger',
    mentorName: 'Anna Andersen',
    status: ReportStatus.Draft,
    periodFrom: '2026-10-01',
    periodTo: '2026-10-28',
    dueOn: '2026-10-29',
    qualityScore: 10,
    submittedAt: null,
    updatedAt: '2026-10-28T10:00:00Z',
    version: 3,
    goals: [
      { id: 'g1', text: 'Møder stabilt op' },
      { id: 'g2', text: 'Søger job' },
    ],
    attendance: {
      contactsHeld: 4,
      noShows: 1,
      minutesDelivered: 180,
      minutesGranted: 240,
      forms: { phone: 2 },
    },
    content: emptyReportContent(['g1', 'g2']),
    openComments: [],
    versions: [],
    qualityThreshold: 70,
    can: { edit: true, submit: true, review: false },
    ...changes,
  };
}

/** A content that passes every quality rule for goals g1 and g2. */
export function goodContent(): ReportContent {
  return {
    goals: ['g1', 'g2'].map((goalId) => ({
      goalId,
      status: GoalProgress.ClearProgress,
      whatHappened: 'Borgeren har deltaget i alle aftalte møder.',
      evidence: 'Mødte op til praktik hos Netto mandag kl. 9 og blev hele dagen.',
      evidenceDate: '2026-10-20',
    })),
    barriers: [],
    citizenView: 'Borgeren synes, det går fremad.',
    reviewedWithCitizen: true,
    reviewedWithCitizenOn: '2026-10-27',
    citizenViewMissingReason: '',
    nextSteps: [{ action: 'Samtale om praktik', owner: 'Mentor', dueOn: '2026-11-10' }],
    recommendation: Recommendation.Continue,
    recommendedMinutesPerWeek: null,
    recommendationReason: 'Forløbet virker.',
  };
}

export function versionFixture(
  number: number,
  content: ReportContent,
  changes: Partial<ReportVersion> = {},
): ReportVersion {
  return {
    number,
    submittedAt: `2026-10-2${number}T10:00:00Z`,
    submittedByName: 'Anna Andersen',
    periodFrom: '2026-10-01',
    periodTo: '2026-10-28',
    attendance: { contactsHeld: 4, noShows: 1, minutesDelivered: 180, minutesGranted: 240, forms: {} },
    content,
    qualityScore: 80,
    justification: null,
    review: null,
    ...changes,
  };
}
