/**
 * The mentor workforce (study chapters 4 and 5): who the mentors are, how they were trained,
 * certified, upskilled and supervised, what their organisation recruits for, and the team leader's
 * load view with its alerts. The enum values are the study's own lists, so that every `mentor.*`
 * indicator of `study/indicators.yaml` with source `operational` can be counted from these records:
 * internal/external comes from the mentor's organisation kind, age from the birth year, experience
 * as a mentor from `mentorSince`.
 */
import type { FieldError, Page } from './api-types';
import { addDays, addMonths, daysBetween, isoWeekStart } from './dates';
import { MentorType } from './mentoring';
import type { OrganisationKind } from './organisation';

// ---------- Enums (the study's lists) ----------

/** Box 5.1 counts the share of women. */
export enum Gender {
  Female = 'female',
  Male = 'male',
  Other = 'other',
}

/** Box 5.1: highest completed education. */
export enum EducationLevel {
  /** Nothing beyond upper secondary (gymnasial eller erhvervsuddannelse). */
  UpperSecondaryOrLess = 'upper_secondary_or_less',
  /** Kort videregående uddannelse. */
  ShortHigher = 'short_higher',
  /** Mellemlang videregående uddannelse (e.g. social worker, teacher). */
  MediumHigher = 'medium_higher',
  /** Lang videregående uddannelse (master's level). */
  LongHigher = 'long_higher',
}

/** Section 4.1: recruiters look for former social workers, employment consultants and others with a social background. */
export enum ProfessionalBackground {
  SocialWorker = 'social_worker',
  EmploymentConsultant = 'employment_consultant',
  /** Another social or employment professional background. */
  Other = 'other',
  /** No social or employment professional background. */
  None = 'none',
}

/** Sections 4.2 and 5.2: the onboarding a new mentor gets. */
export enum TrainingKind {
  /** The municipality's internal basic training (grunduddannelse). */
  MunicipalBasicTraining = 'municipal_basic_training',
  /** An external course, e.g. at a university college (Metropol). */
  ExternalCourse = 'external_course',
  /** The own workplace's onboarding or certification programme. */
  WorkplaceProgramme = 'workplace_programme',
  /** Shadowing an experienced mentor (sidemandsoplæring), typically 1–3 months. */
  Shadowing = 'shadowing',
}

/** Note 3 and figure 4.5: what the nearest manager bases a certification on. */
export enum CertificationBasis {
  CoursesAfterHiring = 'courses_after_hiring',
  /** Competencies from the current and earlier jobs. */
  JobCompetencies = 'job_competencies',
  Education = 'education',
}

export enum CertificationStatus {
  Certified = 'certified',
  /** Certified, but the renewal date is within CERTIFICATION_EXPIRING_DAYS. */
  Expiring = 'expiring',
  /** The renewal date has passed. */
  Expired = 'expired',
  NotCertified = 'not_certified',
}

/** Figure 4.6 and boxes 5.2–5.3: the topics of upskilling offered, taken and wished for. */
export enum UpskillingTopic {
  /** At arbejde motivationsfremmende og ressourceorienteret. */
  MotivationalResource = 'motivational_resource',
  /** Specifikke faglige kompetencer ift. målgrupper med bestemte barrierer. */
  SpecificBarriers = 'specific_barriers',
  /** At arbejde med mål og borgernes progression. */
  GoalsProgression = 'goals_progression',
  /** At arbejde beskæftigelsesrettet. */
  EmploymentOriented = 'employment_oriented',
  /** Lovgivning på beskæftigelsesområdet. */
  EmploymentLaw = 'employment_law',
  /** Metoder til den gode samtale. */
  ConversationMethods = 'conversation_methods',
  /** Arbejdsmarkedets eller uddannelsessystemets muligheder for borgeren. */
  LabourMarketEducation = 'labour_market_education',
  /** Tværfaglig indsats og lovgivning på andre områder. */
  InterdisciplinaryLaw = 'interdisciplinary_law',
}

/** Sections 4.3 and 5.2: ongoing support for mentors. */
export enum SupervisionKind {
  ManagementSupervision = 'management_supervision',
  ExternalSupervision = 'external_supervision',
  /** Kollegial sparring. */
  CollegialSparring = 'collegial_sparring',
  /** Participation in a mentor network meeting. */
  MentorNetwork = 'mentor_network',
}

/** Figure 4.1 and section 4.1: the competencies recruiters hire for. */
export enum RecruitmentCompetency {
  MotivationalResource = 'motivational_resource',
  Relational = 'relational',
  EmploymentOriented = 'employment_oriented',
  TargetGroupKnowledge = 'target_group_knowledge',
  /** Evnen til at sætte sig i borgerens sted. */
  Empathy = 'empathy',
  /** A social or employment professional background. */
  ProfessionalBackground = 'professional_background',
}

/** What the load view flags per mentor. */
export enum WorkforceAlert {
  /** Granted minutes this week above the mentor's capacity (over 100 %). */
  Overload = 'overload',
  /** Under UNDER_DELIVERY_ALERT_PERCENT of the granted minutes delivered in the last complete weeks. */
  UnderDelivery = 'under_delivery',
  CertificationExpiring = 'certification_expiring',
  CertificationExpired = 'certification_expired',
  /** No management or external supervision for SUPERVISION_ALERT_MONTHS. */
  NoSupervision = 'no_supervision',
}

export enum SuggestionStatus {
  Pending = 'pending',
  Accepted = 'accepted',
  Rejected = 'rejected',
}

export const GENDERS = Object.values(Gender);
export const EDUCATION_LEVELS = Object.values(EducationLevel);
export const PROFESSIONAL_BACKGROUNDS = Object.values(ProfessionalBackground);
export const TRAINING_KINDS = Object.values(TrainingKind);
export const CERTIFICATION_BASES = Object.values(CertificationBasis);
export const CERTIFICATION_STATUSES = Object.values(CertificationStatus);
export const UPSKILLING_TOPICS = Object.values(UpskillingTopic);
export const SUPERVISION_KINDS = Object.values(SupervisionKind);
export const RECRUITMENT_COMPETENCIES = Object.values(RecruitmentCompetency);
export const WORKFORCE_ALERTS = Object.values(WorkforceAlert);
export const SUGGESTION_STATUSES = Object.values(SuggestionStatus);

// ---------- Limits and rules ----------

/** A certification whose renewal date is this close (or closer) is `expiring`. */
export const CERTIFICATION_EXPIRING_DAYS = 60;
/** No management or external supervision for this many months raises `no_supervision`. */
export const SUPERVISION_ALERT_MONTHS = 3;
/** The kinds that count as supervision for the alert and the load view's "last supervision". */
export const SUPERVISION_ALERT_KINDS: readonly SupervisionKind[] = [
  SupervisionKind.ManagementSupervision,
  SupervisionKind.ExternalSupervision,
];
/** Delivery is compared with the grants over this many complete ISO weeks before the current one. */
export const DELIVERY_WINDOW_WEEKS = 4;
/** Delivered under this share (percent) of the granted minutes in the window raises `under_delivery`. */
export const UNDER_DELIVERY_ALERT_PERCENT = 80;
export const BIRTH_YEAR_MIN = 1900;
export const TARGET_GROUP_YEARS_MAX = 60;
/** 60 hours a week. */
export const CAPACITY_MINUTES_MAX = 3600;
export const TRAINING_DAYS_MAX = 365;
export const EMPLOYEE_NUMBER_MAX_LENGTH = 40;
export const EMAIL_MAX_LENGTH = 254;
export const SPECIALISATION_MAX_LENGTH = 60;
export const SPECIALISATIONS_MAX = 20;
export const WORKFORCE_TEXT_MAX_LENGTH = 200;
export const WORKFORCE_NOTE_MAX_LENGTH = 1000;
export const MENTOR_PASSWORD_MIN_LENGTH = 8;
/** Largest import file, in bytes (5 MB); the JSON API stays at BODY_LIMIT_BYTES. */
export const IMPORT_BODY_LIMIT_BYTES = 5 * 1024 * 1024;
/** Most data rows in one import, over all its sheets. */
export const IMPORT_MAX_ROWS = 20_000;

// ---------- Records ----------

/** What a team leader records about a mentor; null is "not recorded". */
export interface MentorProfileFields {
  /** The employer's number; unique within the organisation. An import matches on it or on the e-mail. */
  employeeNumber: string | null;
  /** Stored lower-case; unique within the municipality. */
  email: string | null;
  gender: Gender | null;
  birthYear: number | null;
  educationLevel: EducationLevel | null;
  professionalBackground: ProfessionalBackground | null;
  /** Has worked with the target group (aktivitetsparate kontanthjælpsmodtagere 30+) before. */
  targetGroupExperience: boolean | null;
  /** Years of that experience; only with `targetGroupExperience`. */
  targetGroupExperienceYears: number | null;
  /** Start date as a mentor (at any employer): experience as a mentor. */
  mentorSince: string | null;
  /** Holistic, retention, or both. */
  mentorTypes: MentorType[];
  /** Free text, e.g. ADHD, angst, misbrug, autisme. */
  specialisations: string[];
  /** Time available for mentoring per week (capacity), in minutes. */
  capacityMinutesPerWeek: number | null;
  /** Upskilling topics the mentor wishes for. */
  upskillingWishes: UpskillingTopic[];
}

export const MENTOR_PROFILE_FIELDS: readonly (keyof MentorProfileFields)[] = [
  'employeeNumber',
  'email',
  'gender',
  'birthYear',
  'educationLevel',
  'professionalBackground',
  'targetGroupExperience',
  'targetGroupExperienceYears',
  'mentorSince',
  'mentorTypes',
  'specialisations',
  'capacityMinutesPerWeek',
  'upskillingWishes',
];

/** The profile fields a mentor may suggest changes to; the rest (keys, types, capacity) are the team leader's. */
export const MENTOR_SUGGESTIBLE_FIELDS = [
  'gender',
  'birthYear',
  'educationLevel',
  'professionalBackground',
  'targetGroupExperience',
  'targetGroupExperienceYears',
  'mentorSince',
  'specialisations',
  'upskillingWishes',
] as const satisfies readonly (keyof MentorProfileFields)[];

export type SuggestibleField = (typeof MENTOR_SUGGESTIBLE_FIELDS)[number];

/** Body of a mentor's suggestion: only the fields that should change. */
export type MentorProfileChanges = Partial<Pick<MentorProfileFields, SuggestibleField>>;

export interface MentorProfile extends MentorProfileFields {
  mentorId: string;
  name: string;
  username: string;
  active: boolean;
  organisationId: string;
  organisationName: string;
  /** Internal centre or external provider: internal/external mentor. */
  organisationKind: OrganisationKind;
  /** 0 until the profile is first saved; send it back with a change. */
  version: number;
  updatedAt: string | null;
}

/** Body of `PATCH /api/workforce/mentors/:id/profile`: the fields that change, with the version read. */
export interface UpdateMentorProfileRequest extends Partial<MentorProfileFields> {
  name?: string;
  version: number;
}

/** Body of `POST /api/workforce/mentors`: a team leader registers a new mentor of their organisation. */
export interface RegisterMentorRequest extends Partial<MentorProfileFields> {
  name: string;
  username: string;
  /** The initial password; the team leader hands it over. */
  password: string;
}

export interface SetMentorPasswordRequest {
  password: string;
}

export interface TrainingInput {
  kind: TrainingKind;
  provider: string | null;
  lengthDays: number | null;
  /** Null while not completed. */
  completedOn: string | null;
  /** "Følte sig godt klædt på" afterwards; null when not asked. */
  feltWellEquipped: boolean | null;
}

export interface TrainingRecord extends TrainingInput {
  id: string;
  mentorId: string;
  version: number;
}

export interface CertificationInput {
  certifiedOn: string;
  /** When it must be renewed; null: no renewal date. */
  renewalDueOn: string | null;
  basis: CertificationBasis[];
  note: string | null;
}

export interface CertificationRecord extends CertificationInput {
  id: string;
  mentorId: string;
  /** The nearest manager who certified (the team leader who recorded it). */
  certifiedById: string;
  certifiedByName: string;
  version: number;
}

export interface UpskillingOfferInput {
  topic: UpskillingTopic;
  offeredOn: string;
  /** Taken up by the mentor (otherwise only offered). */
  taken: boolean;
}

export interface UpskillingOffer extends UpskillingOfferInput {
  id: string;
  mentorId: string;
  version: number;
}

export interface SupervisionInput {
  kind: SupervisionKind;
  heldOn: string;
  note: string | null;
}

export interface SupervisionRecord extends SupervisionInput {
  id: string;
  mentorId: string;
  version: number;
}

/** Request bodies of the record routes: the input, and on a change the version read. */
export type CreateTrainingRequest = Partial<TrainingInput> & Pick<TrainingInput, 'kind'>;
export type UpdateTrainingRequest = CreateTrainingRequest & { version: number };
export type CreateCertificationRequest = Partial<CertificationInput> &
  Pick<CertificationInput, 'certifiedOn' | 'basis'>;
export type UpdateCertificationRequest = CreateCertificationRequest & { version: number };
export type CreateUpskillingOfferRequest = UpskillingOfferInput;
export type UpdateUpskillingOfferRequest = UpskillingOfferInput & { version: number };
export type CreateSupervisionRequest = Partial<SupervisionInput> & Pick<SupervisionInput, 'kind' | 'heldOn'>;
export type UpdateSupervisionRequest = CreateSupervisionRequest & { version: number };

export interface RecruitmentAssessment {
  competency: RecruitmentCompetency;
  /** Whether the new hire met the requirement. */
  met: boolean;
}

/** `GET/PUT /api/organisations/:id/recruitment-requirements`: what the organisation hires for. */
export interface RecruitmentRequirements {
  organisationId: string;
  competencies: RecruitmentCompetency[];
}

export interface SetRecruitmentRequirementsRequest {
  competencies: RecruitmentCompetency[];
}

export interface SetRecruitmentAssessmentsRequest {
  assessments: RecruitmentAssessment[];
}

export interface MentorRecruitment {
  /** The organisation's requirements. */
  requirements: RecruitmentCompetency[];
  /** The hire's assessment against them (and any other competency assessed). */
  assessments: RecruitmentAssessment[];
  /** Every requirement assessed and met; null while a requirement is unassessed or there are none. */
  allMet: boolean | null;
}

export interface CertificationState {
  status: CertificationStatus;
  /** The certification the status is read from (the latest one granted by today). */
  certifiedOn: string | null;
  renewalDueOn: string | null;
}

export interface ProfileSuggestion {
  id: string;
  mentorId: string;
  mentorName: string;
  changes: MentorProfileChanges;
  status: SuggestionStatus;
  /** The team leader's reason, mostly for a rejection. */
  note: string | null;
  createdAt: string;
  decidedAt: string | null;
  decidedByName: string | null;
}

export interface DecideSuggestionRequest {
  note?: string;
}

/** `GET /api/workforce/mentors/:id` (team leader, administrator) and `GET /api/me/mentor-profile` (the mentor). */
export interface MentorWorkforceRecord {
  profile: MentorProfile;
  certification: CertificationState;
  trainings: TrainingRecord[];
  certifications: CertificationRecord[];
  upskilling: UpskillingOffer[];
  supervision: SupervisionRecord[];
  recruitment: MentorRecruitment;
  /** Newest first. */
  suggestions: ProfileSuggestion[];
}

// ---------- The load view ----------

/** One mentor's row of `GET /api/organisations/:id/workforce`. */
export interface WorkforceRow {
  mentorId: string;
  name: string;
  employeeNumber: string | null;
  email: string | null;
  mentorTypes: MentorType[];
  capacityMinutesPerWeek: number | null;
  /** Courses with status active. */
  activeCourses: number;
  /** Granted minutes of this ISO week over the active courses. */
  grantedMinutesPerWeek: number;
  /** Granted per week against capacity, in percent; null without a capacity. */
  utilisationPercent: number | null;
  /** Granted minutes of the delivery window (the last complete weeks) over the active courses. */
  grantedMinutesWindow: number;
  /** Minutes delivered (logged contacts) in the delivery window on the active courses. */
  deliveredMinutesWindow: number;
  /** Delivered against granted in the window, in percent; null when nothing was granted. */
  deliveryPercent: number | null;
  /** Active courses whose progression report is overdue. */
  overdueReports: number;
  certification: CertificationState;
  trainingsCompleted: number;
  lastTrainingCompletedOn: string | null;
  /** The latest management or external supervision. */
  lastSupervisionOn: string | null;
  pendingSuggestions: number;
  alerts: WorkforceAlert[];
}

export const WORKFORCE_SORT_FIELDS = [
  'name',
  'activeCourses',
  'utilisation',
  'delivery',
  'overdueReports',
  'certification',
  'lastSupervisionOn',
  'alerts',
] as const;

export type WorkforceSortField = (typeof WORKFORCE_SORT_FIELDS)[number];

/** Filters of the load view (and its export). */
export interface WorkforceFilter {
  search?: string;
  alert?: WorkforceAlert;
  certificationStatus?: CertificationStatus;
  mentorType?: MentorType;
  /** `name`, `-utilisation`, ... (WORKFORCE_SORT_FIELDS). */
  sort?: string;
}

export interface WorkforceView extends Page<WorkforceRow> {
  organisationId: string;
  organisationName: string;
  organisationKind: OrganisationKind;
  /** The day the figures are for. */
  today: string;
  /** The delivery window: the first and last day of the complete weeks compared. */
  windowFrom: string;
  windowTo: string;
  /** Over every mentor of the organisation, before filtering. */
  mentors: number;
  /** Mentors per alert, before filtering. */
  alertCounts: Record<WorkforceAlert, number>;
}

/** A candidate in `GET /api/organisations/:id/mentors` (assigning or changing a course's mentor). */
export interface MentorLoad {
  activeCourses: number;
  grantedMinutesPerWeek: number;
  capacityMinutesPerWeek: number | null;
  utilisationPercent: number | null;
  certification: CertificationState;
  /** False when the municipality requires certification and this mentor's is missing or expired. */
  assignable: boolean;
}

// ---------- Import ----------

/** The sheets of an import file (XLSX sheet names; for CSV, `?kind=`). */
export enum ImportKind {
  Profiles = 'profiles',
  Training = 'training',
  Certification = 'certification',
  Upskilling = 'upskilling',
  Supervision = 'supervision',
}

export const IMPORT_KINDS = Object.values(ImportKind);

/** One problem of an import, where a spreadsheet user finds it. */
export interface ImportRowError {
  kind: ImportKind;
  /** The spreadsheet row, 1 being the header row. */
  row: number;
  /** The column's header (as in docs/import-format.md), or null for the whole row or file. */
  column: string | null;
  /** Stable reason, e.g. `isIn`, `min`, `import.invalid_date`, `import.unknown_mentor`, `profile.birth_year_in_future`. */
  code: string;
  message: string;
}

export interface ImportKindCounts {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
}

/** Answer of `POST /api/organisations/:id/workforce/import`. */
export interface ImportResult {
  dryRun: boolean;
  /** True when the changes were saved (never on a dry run, never with errors). */
  committed: boolean;
  counts: Partial<Record<ImportKind, ImportKindCounts>>;
  errors: ImportRowError[];
}

// ---------- Pure rules ----------

/** One broken rule of a record: the field (API name), a stable code and an English message. */
export interface RuleViolation {
  field: string;
  code: string;
  message: string;
}

/** Groups violations into the problem document's per-field errors. */
export function toFieldErrors(violations: RuleViolation[]): FieldError[] {
  const byField = new Map<string, FieldError>();
  for (const v of violations) {
    const error = byField.get(v.field) ?? { field: v.field, messages: [], codes: [] };
    error.messages.push(v.message);
    error.codes?.push(v.code);
    byField.set(v.field, error);
  }
  return [...byField.values()];
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || !ISO_DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

type Check = (violations: RuleViolation[]) => void;

function enumCheck<T extends string>(field: string, value: unknown, allowed: readonly T[]): Check {
  return (out) => {
    if (value !== null && value !== undefined && !allowed.includes(value as T))
      out.push({ field, code: 'isIn', message: `${field} must be one of: ${allowed.join(', ')}` });
  };
}

function enumListCheck<T extends string>(field: string, value: unknown, allowed: readonly T[]): Check {
  return (out) => {
    if (value === null || value === undefined) return;
    if (!Array.isArray(value)) {
      out.push({ field, code: 'isArray', message: `${field} must be a list` });
      return;
    }
    const unknown = value.filter((v) => !allowed.includes(v as T));
    if (unknown.length)
      out.push({ field, code: 'isIn', message: `${field} may hold only: ${allowed.join(', ')}` });
    if (new Set(value).size !== value.length)
      out.push({ field, code: 'arrayUnique', message: `${field} lists a value twice` });
  };
}

function intCheck(field: string, value: unknown, min: number, max: number): Check {
  return (out) => {
    if (value === null || value === undefined) return;
    if (typeof value !== 'number' || !Number.isInteger(value)) {
      out.push({ field, code: 'isInt', message: `${field} must be a whole number` });
    } else if (value < min) {
      out.push({ field, code: 'min', message: `${field} must not be less than ${min}` });
    } else if (value > max) {
      out.push({ field, code: 'max', message: `${field} must not be greater than ${max}` });
    }
  };
}

function dateCheck(field: string, value: unknown, today: string, notInFuture: string | null): Check {
  return (out) => {
    if (value === null || value === undefined) return;
    if (!isIsoDate(value)) {
      out.push({ field, code: 'isIso8601', message: `${field} must be a date (YYYY-MM-DD)` });
    } else if (notInFuture && value > today) {
      out.push({ field, code: notInFuture, message: `${field} must not be in the future` });
    }
  };
}

function textCheck(field: string, value: unknown, max: number): Check {
  return (out) => {
    if (value === null || value === undefined) return;
    if (typeof value !== 'string') out.push({ field, code: 'isString', message: `${field} must be text` });
    else if (value.length > max)
      out.push({ field, code: 'maxLength', message: `${field} must be at most ${max} characters` });
  };
}

function run(checks: Check[]): RuleViolation[] {
  const out: RuleViolation[] = [];
  for (const check of checks) check(out);
  return out;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * The rules of a profile's fields (those present), the same for the form, the API and the import:
 * enums, ranges, no birth year or start date in the future, experience years only with experience.
 * `current` is the stored profile, for the rules that span two fields.
 */
export function validateProfile(
  changes: Partial<MentorProfileFields>,
  today: string,
  current?: Partial<MentorProfileFields>,
): RuleViolation[] {
  const year = Number(today.slice(0, 4));
  const checks: Check[] = [
    textCheck('employeeNumber', changes.employeeNumber, EMPLOYEE_NUMBER_MAX_LENGTH),
    textCheck('email', changes.email, EMAIL_MAX_LENGTH),
    (out) => {
      const email = changes.email;
      if (typeof email === 'string' && email.length <= EMAIL_MAX_LENGTH && !EMAIL.test(email))
        out.push({ field: 'email', code: 'isEmail', message: 'email must be an e-mail address' });
    },
    enumCheck('gender', changes.gender, GENDERS),
    (out) => {
      const birthYear = changes.birthYear;
      if (typeof birthYear === 'number' && Number.isInteger(birthYear) && birthYear > year) {
        out.push({
          field: 'birthYear',
          code: 'profile.birth_year_in_future',
          message: 'birthYear must not be in the future',
        });
      } else {
        intCheck('birthYear', birthYear, BIRTH_YEAR_MIN, year)(out);
      }
    },
    enumCheck('educationLevel', changes.educationLevel, EDUCATION_LEVELS),
    enumCheck('professionalBackground', changes.professionalBackground, PROFESSIONAL_BACKGROUNDS),
    (out) => {
      if (
        changes.targetGroupExperience !== undefined &&
        changes.targetGroupExperience !== null &&
        typeof changes.targetGroupExperience !== 'boolean'
      )
        out.push({
          field: 'targetGroupExperience',
          code: 'isBoolean',
          message: 'targetGroupExperience must be true or false',
        });
    },
    intCheck('targetGroupExperienceYears', changes.targetGroupExperienceYears, 0, TARGET_GROUP_YEARS_MAX),
    (out) => {
      const years =
        changes.targetGroupExperienceYears !== undefined
          ? changes.targetGroupExperienceYears
          : current?.targetGroupExperienceYears;
      const experience =
        changes.targetGroupExperience !== undefined
          ? changes.targetGroupExperience
          : current?.targetGroupExperience;
      if (typeof years === 'number' && years > 0 && experience !== true)
        out.push({
          field: 'targetGroupExperienceYears',
          code: 'profile.years_without_experience',
          message: 'targetGroupExperienceYears needs targetGroupExperience',
        });
    },
    dateCheck('mentorSince', changes.mentorSince, today, 'profile.mentor_since_in_future'),
    enumListCheck('mentorTypes', changes.mentorTypes, Object.values(MentorType)),
    (out) => {
      const list = changes.specialisations;
      if (list === undefined || list === null) return;
      if (!Array.isArray(list)) {
        out.push({ field: 'specialisations', code: 'isArray', message: 'specialisations must be a list' });
        return;
      }
      if (list.length > SPECIALISATIONS_MAX)
        out.push({
          field: 'specialisations',
          code: 'arrayMaxSize',
          message: `at most ${SPECIALISATIONS_MAX} specialisations`,
        });
      if (list.some((s) => typeof s !== 'string' || !s.trim() || s.length > SPECIALISATION_MAX_LENGTH))
        out.push({
          field: 'specialisations',
          code: 'maxLength',
          message: `each specialisation must be 1-${SPECIALISATION_MAX_LENGTH} characters`,
        });
    },
    intCheck('capacityMinutesPerWeek', changes.capacityMinutesPerWeek, 0, CAPACITY_MINUTES_MAX),
    enumListCheck('upskillingWishes', changes.upskillingWishes, UPSKILLING_TOPICS),
  ];
  return run(checks);
}

export function validateTraining(input: Partial<TrainingInput>, today: string): RuleViolation[] {
  return run([
    (out) => {
      if (input.kind === undefined || input.kind === null)
        out.push({ field: 'kind', code: 'isNotEmpty', message: 'kind is required' });
    },
    enumCheck('kind', input.kind, TRAINING_KINDS),
    textCheck('provider', input.provider, WORKFORCE_TEXT_MAX_LENGTH),
    intCheck('lengthDays', input.lengthDays, 0, TRAINING_DAYS_MAX),
    dateCheck('completedOn', input.completedOn, today, 'training.completed_in_future'),
    (out) => {
      const v = input.feltWellEquipped;
      if (v !== undefined && v !== null && typeof v !== 'boolean')
        out.push({
          field: 'feltWellEquipped',
          code: 'isBoolean',
          message: 'feltWellEquipped must be true or false',
        });
    },
  ]);
}

export function validateCertification(input: Partial<CertificationInput>, today: string): RuleViolation[] {
  return run([
    (out) => {
      if (input.certifiedOn === undefined || input.certifiedOn === null)
        out.push({ field: 'certifiedOn', code: 'isNotEmpty', message: 'certifiedOn is required' });
    },
    dateCheck('certifiedOn', input.certifiedOn, today, 'certification.in_future'),
    dateCheck('renewalDueOn', input.renewalDueOn, today, null),
    (out) => {
      if (
        isIsoDate(input.certifiedOn) &&
        isIsoDate(input.renewalDueOn) &&
        input.renewalDueOn <= input.certifiedOn
      )
        out.push({
          field: 'renewalDueOn',
          code: 'certification.renewal_before_certified',
          message: 'renewalDueOn must be after certifiedOn',
        });
    },
    enumListCheck('basis', input.basis, CERTIFICATION_BASES),
    (out) => {
      if (!Array.isArray(input.basis) || input.basis.length === 0)
        out.push({ field: 'basis', code: 'arrayNotEmpty', message: 'basis needs at least one value' });
    },
    textCheck('note', input.note, WORKFORCE_NOTE_MAX_LENGTH),
  ]);
}

export function validateUpskillingOffer(
  input: Partial<UpskillingOfferInput>,
  today: string,
): RuleViolation[] {
  return run([
    (out) => {
      if (input.topic === undefined || input.topic === null)
        out.push({ field: 'topic', code: 'isNotEmpty', message: 'topic is required' });
      if (input.offeredOn === undefined || input.offeredOn === null)
        out.push({ field: 'offeredOn', code: 'isNotEmpty', message: 'offeredOn is required' });
    },
    enumCheck('topic', input.topic, UPSKILLING_TOPICS),
    dateCheck('offeredOn', input.offeredOn, today, null),
    (out) => {
      if (input.taken === true && isIsoDate(input.offeredOn) && input.offeredOn > today)
        out.push({
          field: 'taken',
          code: 'upskilling.taken_in_future',
          message: 'an offer dated in the future cannot have been taken yet',
        });
    },
  ]);
}

export function validateSupervision(input: Partial<SupervisionInput>, today: string): RuleViolation[] {
  return run([
    (out) => {
      if (input.kind === undefined || input.kind === null)
        out.push({ field: 'kind', code: 'isNotEmpty', message: 'kind is required' });
      if (input.heldOn === undefined || input.heldOn === null)
        out.push({ field: 'heldOn', code: 'isNotEmpty', message: 'heldOn is required' });
    },
    enumCheck('kind', input.kind, SUPERVISION_KINDS),
    dateCheck('heldOn', input.heldOn, today, 'supervision.in_future'),
    textCheck('note', input.note, WORKFORCE_NOTE_MAX_LENGTH),
  ]);
}

/** The certification the status is read from: the latest one granted on or before `today`. */
export function currentCertification<T extends { certifiedOn: string; renewalDueOn: string | null }>(
  certifications: readonly T[],
  today: string,
): T | null {
  let latest: T | null = null;
  for (const c of certifications)
    if (c.certifiedOn <= today && (!latest || c.certifiedOn > latest.certifiedOn)) latest = c;
  return latest;
}

/**
 * Certification status on `today` from the current certification: none is `not_certified`; a
 * renewal date before today `expired`; on or within CERTIFICATION_EXPIRING_DAYS days of today
 * `expiring`; later, or no renewal date, `certified`. A later renewal supersedes: only the latest counts.
 */
export function certificationState(
  certifications: readonly { certifiedOn: string; renewalDueOn: string | null }[],
  today: string,
): CertificationState {
  const current = currentCertification(certifications, today);
  if (!current) return { status: CertificationStatus.NotCertified, certifiedOn: null, renewalDueOn: null };
  const { certifiedOn, renewalDueOn } = current;
  let status = CertificationStatus.Certified;
  if (renewalDueOn !== null && renewalDueOn < today) status = CertificationStatus.Expired;
  else if (renewalDueOn !== null && daysBetween(today, renewalDueOn) <= CERTIFICATION_EXPIRING_DAYS)
    status = CertificationStatus.Expiring;
  return { status, certifiedOn, renewalDueOn };
}

/** Whether a mentor with this status may be assigned where the municipality requires certification. */
export function isCertificationValid(status: CertificationStatus): boolean {
  return status === CertificationStatus.Certified || status === CertificationStatus.Expiring;
}

/** The delivery window on `today`: the DELIVERY_WINDOW_WEEKS complete ISO weeks before this week. */
export function deliveryWindow(today: string): { from: string; to: string; weekStart: string } {
  const weekStart = isoWeekStart(today);
  return { from: addDays(weekStart, -7 * DELIVERY_WINDOW_WEEKS), to: addDays(weekStart, -1), weekStart };
}

export function utilisationPercent(grantedPerWeek: number, capacity: number | null): number | null {
  return capacity && capacity > 0 ? Math.round((grantedPerWeek * 100) / capacity) : null;
}

export function deliveryPercent(delivered: number, granted: number): number | null {
  return granted > 0 ? Math.round((delivered * 100) / granted) : null;
}

export interface AlertInput {
  grantedMinutesPerWeek: number;
  capacityMinutesPerWeek: number | null;
  grantedMinutesWindow: number;
  deliveredMinutesWindow: number;
  certificationStatus: CertificationStatus;
  lastSupervisionOn: string | null;
  mentorSince: string | null;
}

/**
 * The load view's alerts: over capacity (strictly above 100 %), delivery under
 * UNDER_DELIVERY_ALERT_PERCENT of the granted minutes, certification expiring or expired, and no
 * supervision for SUPERVISION_ALERT_MONTHS (not raised for a mentor who started more recently).
 */
export function workforceAlerts(row: AlertInput, today: string): WorkforceAlert[] {
  const alerts: WorkforceAlert[] = [];
  const capacity = row.capacityMinutesPerWeek;
  if (capacity !== null && capacity > 0 && row.grantedMinutesPerWeek > capacity)
    alerts.push(WorkforceAlert.Overload);
  if (
    row.grantedMinutesWindow > 0 &&
    row.deliveredMinutesWindow * 100 < row.grantedMinutesWindow * UNDER_DELIVERY_ALERT_PERCENT
  )
    alerts.push(WorkforceAlert.UnderDelivery);
  if (row.certificationStatus === CertificationStatus.Expiring)
    alerts.push(WorkforceAlert.CertificationExpiring);
  if (row.certificationStatus === CertificationStatus.Expired)
    alerts.push(WorkforceAlert.CertificationExpired);
  const since = addMonths(today, -SUPERVISION_ALERT_MONTHS);
  const newcomer = row.mentorSince !== null && row.mentorSince > since;
  if (!newcomer && (row.lastSupervisionOn === null || row.lastSupervisionOn < since))
    alerts.push(WorkforceAlert.NoSupervision);
  return alerts;
}

const CERTIFICATION_ORDER: Record<CertificationStatus, number> = {
  [CertificationStatus.Expired]: 0,
  [CertificationStatus.NotCertified]: 1,
  [CertificationStatus.Expiring]: 2,
  [CertificationStatus.Certified]: 3,
};

/** Compares two nullable values, nulls last whatever the direction. */
function compareNullable<T extends string | number>(a: T | null, b: T | null, direction: 1 | -1): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return (a < b ? -1 : a > b ? 1 : 0) * direction;
}

/** Sort keys of the load view; `certification` sorts the most urgent first (expired, none, expiring, certified). */
function sortKey(row: WorkforceRow, field: WorkforceSortField): string | number | null {
  switch (field) {
    case 'name':
      return row.name.toLocaleLowerCase('da');
    case 'activeCourses':
      return row.activeCourses;
    case 'utilisation':
      return row.utilisationPercent;
    case 'delivery':
      return row.deliveryPercent;
    case 'overdueReports':
      return row.overdueReports;
    case 'certification':
      return (
        CERTIFICATION_ORDER[row.certification.status] * 100_000 + daysKey(row.certification.renewalDueOn)
      );
    case 'lastSupervisionOn':
      return row.lastSupervisionOn;
    case 'alerts':
      return row.alerts.length;
  }
}

function daysKey(date: string | null): number {
  return date ? Math.max(0, Math.min(99_999, daysBetween('2000-01-01', date))) : 99_999;
}

/**
 * Filters and sorts load rows (server side; the web may reuse it for a local view): search in name,
 * e-mail and employee number; one alert, certification status or mentor type; sort by a
 * WORKFORCE_SORT_FIELDS field (`-` for descending), ties by name.
 */
export function filterAndSortWorkforce(
  rows: readonly WorkforceRow[],
  filter: WorkforceFilter,
): WorkforceRow[] {
  const search = filter.search?.trim().toLocaleLowerCase('da');
  const kept = rows.filter(
    (row) =>
      (!search ||
        [row.name, row.email ?? '', row.employeeNumber ?? ''].some((text) =>
          text.toLocaleLowerCase('da').includes(search),
        )) &&
      (!filter.alert || row.alerts.includes(filter.alert)) &&
      (!filter.certificationStatus || row.certification.status === filter.certificationStatus) &&
      (!filter.mentorType || row.mentorTypes.includes(filter.mentorType)),
  );
  const raw = filter.sort ?? 'name';
  const descending = raw.startsWith('-');
  const field = (descending ? raw.slice(1) : raw) as WorkforceSortField;
  const key = (WORKFORCE_SORT_FIELDS as readonly string[]).includes(field) ? field : 'name';
  const direction = descending ? -1 : 1;
  return [...kept].sort(
    (a, b) =>
      compareNullable(sortKey(a, key), sortKey(b, key), direction) ||
      a.name.localeCompare(b.name, 'da') ||
      a.mentorId.localeCompare(b.mentorId),
  );
}
