import {
  addDays,
  addMonths,
  CertificationBasis,
  EducationLevel,
  Gender,
  MentorType,
  ProfessionalBackground,
  RecruitmentCompetency,
  Role,
  SuggestionStatus,
  SupervisionKind,
  TrainingKind,
  UpskillingTopic,
} from '@mentor/domain';
import type { EntityManager } from 'typeorm';
import { MentorCertification } from '../workforce/mentor-certification.entity';
import { MentorProfile } from '../workforce/mentor-profile.entity';
import { MentorSupervision } from '../workforce/mentor-supervision.entity';
import { MentorTraining } from '../workforce/mentor-training.entity';
import { MentorUpskilling } from '../workforce/mentor-upskilling.entity';
import { ProfileSuggestion } from '../workforce/profile-suggestion.entity';
import { RecruitmentAssessment, RecruitmentRequirement } from '../workforce/recruitment.entity';

/** Days relative to today, so the demo shows the same statuses whenever it is seeded. */
interface DemoMentorWorkforce {
  username: string;
  employeeNumber: string;
  gender: Gender;
  birthYear: number;
  educationLevel: EducationLevel;
  professionalBackground: ProfessionalBackground;
  targetGroupExperienceYears: number | null;
  mentorSinceMonthsAgo: number;
  mentorTypes: MentorType[];
  specialisations: string[];
  capacityHours: number;
  wishes: UpskillingTopic[];
  trainings: {
    kind: TrainingKind;
    provider: string;
    days: number;
    /** Days after the start as a mentor; null: not completed. */
    completedAfter: number | null;
    wellEquipped: boolean | null;
  }[];
  /** [days ago certified, days from today to renewal (negative: passed; null: none), basis]. */
  certification: [number, number | null, CertificationBasis[]] | null;
  supervision: [SupervisionKind, number][];
  upskilling: [UpskillingTopic, number, boolean][];
  recruitment: [RecruitmentCompetency, boolean][];
}

const REQUIREMENTS_INTERNAL = [
  RecruitmentCompetency.Relational,
  RecruitmentCompetency.EmploymentOriented,
  RecruitmentCompetency.ProfessionalBackground,
];
const REQUIREMENTS_EXTERNAL = [
  RecruitmentCompetency.MotivationalResource,
  RecruitmentCompetency.Relational,
  RecruitmentCompetency.TargetGroupKnowledge,
];

const { ManagementSupervision, ExternalSupervision, CollegialSparring, MentorNetwork } = SupervisionKind;

/**
 * The demo mentors' profiles and records: on the load view Fatima's certification expires within
 * 60 days, Ali's has expired, he is granted more minutes than his 5 hours a week and has had no
 * supervision for five months, Camilla is not certified, and Jonas has a suggested profile change
 * waiting. Capacities are the hours a week set aside for mentoring (the rest goes to other tasks).
 */
export const DEMO_WORKFORCE: DemoMentorWorkforce[] = [
  {
    username: 'mentor.cji1',
    employeeNumber: 'CJI-1042',
    gender: Gender.Male,
    birthYear: 1978,
    educationLevel: EducationLevel.MediumHigher,
    professionalBackground: ProfessionalBackground.EmploymentConsultant,
    targetGroupExperienceYears: 12,
    mentorSinceMonthsAgo: 26,
    mentorTypes: [MentorType.Holistic],
    specialisations: ['Angst', 'Misbrug'],
    capacityHours: 4,
    wishes: [UpskillingTopic.SpecificBarriers],
    trainings: [
      {
        kind: TrainingKind.MunicipalBasicTraining,
        provider: 'Københavns Kommune, BIF',
        days: 5,
        completedAfter: 30,
        wellEquipped: false,
      },
    ],
    certification: [700, 300, [CertificationBasis.CoursesAfterHiring]],
    supervision: [
      [ManagementSupervision, 20],
      [ManagementSupervision, 80],
      [CollegialSparring, 10],
      [CollegialSparring, 24],
    ],
    upskilling: [
      [UpskillingTopic.GoalsProgression, 40, true],
      [UpskillingTopic.EmploymentLaw, 100, false],
    ],
    recruitment: [
      [RecruitmentCompetency.Relational, true],
      [RecruitmentCompetency.EmploymentOriented, true],
      [RecruitmentCompetency.ProfessionalBackground, true],
    ],
  },
  {
    username: 'mentor.cji2',
    employeeNumber: 'CJI-1107',
    gender: Gender.Female,
    birthYear: 1985,
    educationLevel: EducationLevel.LongHigher,
    professionalBackground: ProfessionalBackground.SocialWorker,
    targetGroupExperienceYears: 6,
    mentorSinceMonthsAgo: 8,
    mentorTypes: [MentorType.Holistic],
    specialisations: ['ADHD'],
    capacityHours: 5,
    wishes: [UpskillingTopic.LabourMarketEducation, UpskillingTopic.InterdisciplinaryLaw],
    trainings: [
      {
        kind: TrainingKind.MunicipalBasicTraining,
        provider: 'Københavns Kommune, BIF',
        days: 5,
        completedAfter: 21,
        wellEquipped: true,
      },
      {
        kind: TrainingKind.ExternalCourse,
        provider: 'Metropol',
        days: 3,
        completedAfter: 60,
        wellEquipped: true,
      },
    ],
    certification: [200, 30, [CertificationBasis.CoursesAfterHiring, CertificationBasis.Education]],
    supervision: [
      [ManagementSupervision, 45],
      [CollegialSparring, 12],
    ],
    upskilling: [[UpskillingTopic.MotivationalResource, 30, true]],
    recruitment: [
      [RecruitmentCompetency.Relational, true],
      [RecruitmentCompetency.EmploymentOriented, false],
      [RecruitmentCompetency.ProfessionalBackground, true],
    ],
  },
  {
    username: 'mentor.cab1',
    employeeNumber: 'CAB-0311',
    gender: Gender.Male,
    birthYear: 1970,
    educationLevel: EducationLevel.MediumHigher,
    professionalBackground: ProfessionalBackground.SocialWorker,
    targetGroupExperienceYears: 20,
    mentorSinceMonthsAgo: 72,
    mentorTypes: [MentorType.Holistic, MentorType.Retention],
    specialisations: ['Misbrug'],
    capacityHours: 5,
    wishes: [],
    trainings: [
      {
        kind: TrainingKind.MunicipalBasicTraining,
        provider: 'Københavns Kommune, BIF',
        days: 4,
        completedAfter: 14,
        wellEquipped: false,
      },
    ],
    certification: [1100, -20, [CertificationBasis.JobCompetencies]],
    supervision: [[ManagementSupervision, 150]],
    upskilling: [[UpskillingTopic.ConversationMethods, 200, true]],
    recruitment: [],
  },
  {
    username: 'mentor.cab2',
    employeeNumber: 'CAB-0420',
    gender: Gender.Female,
    birthYear: 1990,
    educationLevel: EducationLevel.ShortHigher,
    professionalBackground: ProfessionalBackground.Other,
    targetGroupExperienceYears: null,
    mentorSinceMonthsAgo: 12,
    mentorTypes: [MentorType.Retention],
    specialisations: [],
    capacityHours: 4,
    wishes: [UpskillingTopic.EmploymentOriented],
    trainings: [
      {
        kind: TrainingKind.Shadowing,
        provider: 'Center for Afklaring og Beskæftigelse',
        days: 20,
        completedAfter: 60,
        wellEquipped: true,
      },
    ],
    certification: null,
    supervision: [
      [ManagementSupervision, 30],
      [CollegialSparring, 14],
    ],
    upskilling: [],
    recruitment: [],
  },
  {
    username: 'mentor.mentorhuset1',
    employeeNumber: 'MH-7',
    gender: Gender.Male,
    birthYear: 1965,
    educationLevel: EducationLevel.LongHigher,
    professionalBackground: ProfessionalBackground.EmploymentConsultant,
    targetGroupExperienceYears: 15,
    mentorSinceMonthsAgo: 120,
    mentorTypes: [MentorType.Holistic, MentorType.Retention],
    specialisations: ['Autisme', 'ADHD'],
    capacityHours: 6,
    wishes: [],
    trainings: [
      {
        kind: TrainingKind.WorkplaceProgramme,
        provider: 'Mentorhuset ApS',
        days: 2,
        completedAfter: 10,
        wellEquipped: true,
      },
    ],
    certification: [400, null, [CertificationBasis.JobCompetencies]],
    supervision: [
      [ExternalSupervision, 25],
      [ExternalSupervision, 55],
      [MentorNetwork, 70],
    ],
    upskilling: [[UpskillingTopic.SpecificBarriers, 20, true]],
    recruitment: [
      [RecruitmentCompetency.MotivationalResource, true],
      [RecruitmentCompetency.Relational, true],
      [RecruitmentCompetency.TargetGroupKnowledge, true],
    ],
  },
  {
    username: 'mentor.mentorhuset2',
    employeeNumber: 'MH-12',
    gender: Gender.Female,
    birthYear: 1982,
    educationLevel: EducationLevel.MediumHigher,
    professionalBackground: ProfessionalBackground.SocialWorker,
    targetGroupExperienceYears: 4,
    mentorSinceMonthsAgo: 48,
    mentorTypes: [MentorType.Holistic, MentorType.Retention],
    specialisations: ['Depression'],
    capacityHours: 4,
    wishes: [UpskillingTopic.SpecificBarriers],
    trainings: [
      {
        kind: TrainingKind.WorkplaceProgramme,
        provider: 'Mentorhuset ApS',
        days: 2,
        completedAfter: 10,
        wellEquipped: true,
      },
    ],
    certification: [300, 400, [CertificationBasis.CoursesAfterHiring]],
    supervision: [
      [ExternalSupervision, 28],
      [MentorNetwork, 60],
    ],
    upskilling: [
      [UpskillingTopic.MotivationalResource, 60, true],
      [UpskillingTopic.GoalsProgression, 15, false],
    ],
    recruitment: [],
  },
  {
    username: 'mentor.vejenvidere1',
    employeeNumber: 'VV-301',
    gender: Gender.Male,
    birthYear: 1993,
    educationLevel: EducationLevel.MediumHigher,
    professionalBackground: ProfessionalBackground.None,
    targetGroupExperienceYears: null,
    mentorSinceMonthsAgo: 2,
    mentorTypes: [MentorType.Holistic],
    specialisations: [],
    capacityHours: 5,
    wishes: [UpskillingTopic.EmploymentLaw, UpskillingTopic.ConversationMethods],
    trainings: [
      {
        kind: TrainingKind.WorkplaceProgramme,
        provider: 'Vejen Videre A/S',
        days: 1,
        completedAfter: 5,
        wellEquipped: false,
      },
      {
        kind: TrainingKind.Shadowing,
        provider: 'Vejen Videre A/S',
        days: 30,
        completedAfter: null,
        wellEquipped: null,
      },
    ],
    certification: null,
    supervision: [[ManagementSupervision, 7]],
    upskilling: [],
    recruitment: [
      [RecruitmentCompetency.MotivationalResource, true],
      [RecruitmentCompetency.Relational, true],
      [RecruitmentCompetency.TargetGroupKnowledge, false],
    ],
  },
  {
    username: 'mentor.vejenvidere2',
    employeeNumber: 'VV-118',
    gender: Gender.Female,
    birthYear: 1988,
    educationLevel: EducationLevel.MediumHigher,
    professionalBackground: ProfessionalBackground.Other,
    targetGroupExperienceYears: 7,
    mentorSinceMonthsAgo: 36,
    mentorTypes: [MentorType.Holistic, MentorType.Retention],
    specialisations: ['Angst'],
    capacityHours: 4,
    wishes: [],
    trainings: [
      {
        kind: TrainingKind.ExternalCourse,
        provider: 'Professionshøjskolen',
        days: 3,
        completedAfter: 40,
        wellEquipped: true,
      },
    ],
    certification: [500, 90, [CertificationBasis.CoursesAfterHiring]],
    supervision: [
      [ManagementSupervision, 60],
      [CollegialSparring, 14],
    ],
    upskilling: [[UpskillingTopic.EmploymentOriented, 75, true]],
    recruitment: [],
  },
];

/**
 * Seeds the demo mentors' workforce records and each demo organisation's recruitment requirements.
 * Idempotent: a mentor who has a profile, or an organisation with requirements, is left alone.
 */
export async function seedDemoWorkforce(
  tx: EntityManager,
  municipalityId: string,
  today: string,
): Promise<number> {
  let created = 0;
  const users = await tx.query<{ id: string; username: string; organisationId: string; kind: string }[]>(
    `SELECT u.id, u.username, u.organisation_id AS "organisationId", o.kind FROM app_user u
       JOIN organisation o ON o.id = u.organisation_id
      WHERE u.municipality_id = $1 AND u.role IN ($2, $3)`,
    [municipalityId, Role.Mentor, Role.TeamLeader],
  );
  const teamLeaders = await tx.query<{ id: string; organisationId: string }[]>(
    `SELECT id, organisation_id AS "organisationId" FROM app_user WHERE municipality_id = $1 AND role = $2`,
    [municipalityId, Role.TeamLeader],
  );
  const leaderOf = new Map(teamLeaders.map((t) => [t.organisationId, t.id]));
  const byUsername = new Map(users.map((u) => [u.username, u]));

  for (const organisationId of new Set(users.map((u) => u.organisationId))) {
    const [has] = await tx.query(
      'SELECT 1 FROM recruitment_requirement WHERE municipality_id = $1 AND organisation_id = $2 LIMIT 1',
      [municipalityId, organisationId],
    );
    if (has) continue;
    const internal = users.find((u) => u.organisationId === organisationId)?.kind === 'internal_centre';
    await tx.getRepository(RecruitmentRequirement).insert(
      (internal ? REQUIREMENTS_INTERNAL : REQUIREMENTS_EXTERNAL).map((competency) => ({
        municipalityId,
        organisationId,
        competency,
      })),
    );
    created++;
  }

  for (const demo of DEMO_WORKFORCE) {
    const mentor = byUsername.get(demo.username);
    const certifier = mentor && leaderOf.get(mentor.organisationId);
    if (!mentor || !certifier) continue;
    const exists = await tx.findOneBy(MentorProfile, { municipalityId, mentorId: mentor.id });
    if (exists) continue;
    const mentorSince = addMonths(today, -demo.mentorSinceMonthsAgo);
    const common = { municipalityId, mentorId: mentor.id };
    await tx.getRepository(MentorProfile).insert({
      ...common,
      organisationId: mentor.organisationId,
      employeeNumber: demo.employeeNumber,
      email: `${demo.username}@example.dk`,
      gender: demo.gender,
      birthYear: demo.birthYear,
      educationLevel: demo.educationLevel,
      professionalBackground: demo.professionalBackground,
      targetGroupExperience: demo.targetGroupExperienceYears !== null,
      targetGroupExperienceYears: demo.targetGroupExperienceYears,
      mentorSince,
      mentorTypes: demo.mentorTypes,
      specialisations: demo.specialisations,
      capacityMinutesPerWeek: demo.capacityHours * 60,
      upskillingWishes: demo.wishes,
    });
    if (demo.trainings.length) {
      await tx.getRepository(MentorTraining).insert(
        demo.trainings.map((t) => ({
          ...common,
          kind: t.kind,
          provider: t.provider,
          lengthDays: t.days,
          completedOn:
            t.completedAfter === null ? null : minDate(addDays(mentorSince, t.completedAfter), today),
          feltWellEquipped: t.wellEquipped,
        })),
      );
    }
    if (demo.certification) {
      const [daysAgo, renewalIn, basis] = demo.certification;
      await tx.getRepository(MentorCertification).insert({
        ...common,
        certifiedOn: addDays(today, -daysAgo),
        renewalDueOn: renewalIn === null ? null : addDays(today, renewalIn),
        basis,
        note: null,
        certifiedBy: certifier,
      });
    }
    if (demo.supervision.length) {
      await tx.getRepository(MentorSupervision).insert(
        demo.supervision.map(([kind, daysAgo]) => ({
          ...common,
          kind,
          heldOn: addDays(today, -daysAgo),
          note: null,
        })),
      );
    }
    if (demo.upskilling.length) {
      await tx.getRepository(MentorUpskilling).insert(
        demo.upskilling.map(([topic, daysAgo, taken]) => ({
          ...common,
          topic,
          offeredOn: addDays(today, -daysAgo),
          taken,
        })),
      );
    }
    if (demo.recruitment.length) {
      await tx
        .getRepository(RecruitmentAssessment)
        .insert(demo.recruitment.map(([competency, met]) => ({ ...common, competency, met })));
    }
    if (demo.username === 'mentor.cji1') {
      await tx.getRepository(ProfileSuggestion).insert({
        ...common,
        changes: { specialisations: [...demo.specialisations, 'ADHD'] },
        status: SuggestionStatus.Pending,
        note: null,
        decidedBy: null,
        decidedAt: null,
      });
    }
    created++;
  }
  return created;
}

const minDate = (a: string, b: string) => (a < b ? a : b);
