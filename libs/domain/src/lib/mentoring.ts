/** Enums and limits of mentor grants, courses and contacts (study chapter 3). */

export enum MentorType {
  /** Helhedsorienteret ("ret og pligt") mentor: broad support. */
  Holistic = 'holistic',
  /** Fastholdelsesmentor: helps start and keep up an activity. */
  Retention = 'retention',
}

export enum TargetGroup {
  /** Aktivitetsparat kontanthjælpsmodtager fyldt 30 år. */
  ActivityReadyCashBenefit30Plus = 'activity_ready_cash_benefit_30_plus',
  ActivityReadyCashBenefitUnder30 = 'activity_ready_cash_benefit_under_30',
  ResourceCourse = 'resource_course',
  Other = 'other',
}

export enum MeetingPlace {
  /** Some citizens cannot leave home. */
  Home = 'home',
  /** Others need to get out of it. */
  OutOfHome = 'out_of_home',
}

export enum CourseStatus {
  Planned = 'planned',
  Active = 'active',
  Paused = 'paused',
  Ended = 'ended',
}

export enum CourseEndReason {
  GoalReached = 'goal_reached',
  GrantExpired = 'grant_expired',
  StartedJobOrEducation = 'started_job_or_education',
  CitizenDeclined = 'citizen_declined',
  NoContact = 'no_contact',
  MovedOrLeftTargetGroup = 'moved_or_left_target_group',
  Other = 'other',
}

export enum ContactForm {
  InPersonHome = 'in_person_home',
  InPersonJobcentre = 'in_person_jobcentre',
  InPersonProvider = 'in_person_provider',
  InPersonElsewhere = 'in_person_elsewhere',
  Phone = 'phone',
  Video = 'video',
  Sms = 'sms',
  Email = 'email',
}

export enum ContactTopic {
  PersonalMatters = 'personal_matters',
  Housing = 'housing',
  Finances = 'finances',
  JobAndEducation = 'job_and_education',
  ActivationOffer = 'activation_offer',
  EmploymentGoals = 'employment_goals',
  Family = 'family',
  Health = 'health',
  Other = 'other',
}

export enum HelpGiven {
  PersonalChallenges = 'personal_challenges',
  PracticalTasks = 'practical_tasks',
  ClarifyingResources = 'clarifying_resources',
  IntoActivationOrTreatment = 'into_activation_or_treatment',
  ContactWithOthers = 'contact_with_others',
}

export const MENTOR_TYPES = Object.values(MentorType);
export const TARGET_GROUPS = Object.values(TargetGroup);
export const MEETING_PLACES = Object.values(MeetingPlace);
export const COURSE_STATUSES = Object.values(CourseStatus);
export const COURSE_END_REASONS = Object.values(CourseEndReason);
export const CONTACT_FORMS = Object.values(ContactForm);
export const CONTACT_TOPICS = Object.values(ContactTopic);
export const HELP_GIVEN = Object.values(HelpGiven);

/** In-person forms (the study's 85 %). */
export const IN_PERSON_FORMS: readonly ContactForm[] = [
  ContactForm.InPersonHome,
  ContactForm.InPersonJobcentre,
  ContactForm.InPersonProvider,
  ContactForm.InPersonElsewhere,
];

export const CONTACT_MINUTES_MIN = 1;
export const CONTACT_MINUTES_MAX = 600;
/** A mentor may edit or delete their own contact for this many days; then it is locked. */
export const CONTACT_EDIT_DAYS = 7;
/** LAB §167: a grant runs at most six months; renewal is a new grant after a new assessment. */
export const GRANT_MAX_MONTHS = 6;
export const GRANT_MINUTES_PER_WEEK_MAX = 2400;
export const NO_CONTACT_FLAG_DAYS = 14;
export const GRANT_EXPIRY_WARNING_DAYS = 30;
export const CONTACT_NOTE_MAX_LENGTH = 1000;
