import {
  CertificationStatus,
  MentorWorkforceRecord,
  OrganisationKind,
  SuggestionStatus,
  WorkforceAlert,
  WorkforceRow,
} from '@mentor/domain';

/** A mentor's whole record as `GET /api/workforce/mentors/:id` gives it: a profile of version 3, nothing else recorded. */
export function recordFixture(changes: Partial<MentorWorkforceRecord> = {}): MentorWorkforceRecord {
  return {
    profile: {
      mentorId: 'm1',
      name: 'Lone Larsen',
      username: 'lone',
      active: true,
      organisationId: 'o1',
      organisationName: 'Center for Jobindsats',
      organisationKind: OrganisationKind.InternalCentre,
      employeeNumber: 'M-17',
      email: 'lone@example.invalid',
      gender: null,
      birthYear: 1980,
      educationLevel: null,
      professionalBackground: null,
      targetGroupExperience: null,
      targetGroupExperienceYears: null,
      mentorSince: null,
      mentorTypes: [],
      specialisations: [],
      capacityMinutesPerWeek: 600,
      upskillingWishes: [],
      version: 3,
      updatedAt: '2026-03-01T10:00:00Z',
    },
    certification: { status: CertificationStatus.NotCertified, certifiedOn: null, renewalDueOn: null },
    trainings: [],
    certifications: [],
    upskilling: [],
    supervision: [],
    recruitment: { requirements: [], assessments: [], allMet: null },
    suggestions: [],
    ...changes,
  };
}

export const PENDING_SUGGESTION = {
  id: 's1',
  mentorId: 'm1',
  mentorName: 'Lone Larsen',
  changes: { birthYear: 1981 },
  status: SuggestionStatus.Pending,
  note: null,
  createdAt: '2026-03-02T09:00:00Z',
  decidedAt: null,
  decidedByName: null,
};

/** One row of the load view. */
export function rowFixture(changes: Partial<WorkforceRow> = {}): WorkforceRow {
  return {
    mentorId: 'm1',
    name: 'Lone Larsen',
    employeeNumber: 'M-17',
    email: 'lone@example.invalid',
    mentorTypes: [],
    capacityMinutesPerWeek: 600,
    activeCourses: 3,
    grantedMinutesPerWeek: 660,
    utilisationPercent: 110,
    grantedMinutesWindow: 2400,
    deliveredMinutesWindow: 1200,
    deliveryPercent: 50,
    overdueReports: 1,
    certification: {
      status: CertificationStatus.Expiring,
      certifiedOn: '2024-05-01',
      renewalDueOn: '2026-04-01',
    },
    trainingsCompleted: 2,
    lastTrainingCompletedOn: '2025-01-15',
    lastSupervisionOn: null,
    pendingSuggestions: 1,
    alerts: [WorkforceAlert.Overload, WorkforceAlert.UnderDelivery, WorkforceAlert.NoSupervision],
    ...changes,
  };
}
