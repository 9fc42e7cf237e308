import {
  CaseFileType,
  CaseItemKind,
  type CitizenExportContactState,
  ContactTopic,
  CourseEndReason,
  CourseStatus,
  HandoverSource,
  HandoverStatus,
  HelpGiven,
  MeetingPlace,
  MentorType,
  NotificationKind,
  OtherActorKind,
  Recommendation,
  ReportStatus,
  ShareBasis,
  TargetGroup,
} from '@mentor/domain';

/** Danish words for the export's values, as the web app words them (apps/web/public/i18n/da.json). */

export const MENTOR_TYPE_DA: Record<MentorType, string> = {
  [MentorType.Holistic]: 'Helhedsorienteret mentor',
  [MentorType.Retention]: 'Fastholdelsesmentor',
};

export const TARGET_GROUP_DA: Record<TargetGroup, string> = {
  [TargetGroup.ActivityReadyCashBenefit30Plus]: 'Aktivitetsparat kontanthjælpsmodtager, 30 år og derover',
  [TargetGroup.ActivityReadyCashBenefitUnder30]: 'Aktivitetsparat kontanthjælpsmodtager under 30 år',
  [TargetGroup.ResourceCourse]: 'Ressourceforløb',
  [TargetGroup.Other]: 'Anden målgruppe',
};

export const MEETING_PLACE_DA: Record<MeetingPlace, string> = {
  [MeetingPlace.Home]: 'I hjemmet',
  [MeetingPlace.OutOfHome]: 'Uden for hjemmet',
};

export const COURSE_STATUS_DA: Record<CourseStatus, string> = {
  [CourseStatus.Planned]: 'Planlagt',
  [CourseStatus.Active]: 'Aktivt',
  [CourseStatus.Paused]: 'På pause',
  [CourseStatus.Ended]: 'Afsluttet',
};

export const END_REASON_DA: Record<CourseEndReason, string> = {
  [CourseEndReason.GoalReached]: 'Målet er nået',
  [CourseEndReason.GrantExpired]: 'Bevillingen er udløbet',
  [CourseEndReason.StartedJobOrEducation]: 'Startet i job eller uddannelse',
  [CourseEndReason.CitizenDeclined]: 'Borgeren har takket nej',
  [CourseEndReason.NoContact]: 'Ingen kontakt med borgeren',
  [CourseEndReason.MovedOrLeftTargetGroup]: 'Fraflyttet eller ude af målgruppen',
  [CourseEndReason.Other]: 'Andet',
};

export const CONTACT_TOPIC_DA: Record<ContactTopic, string> = {
  [ContactTopic.PersonalMatters]: 'Personlige forhold',
  [ContactTopic.Housing]: 'Bolig',
  [ContactTopic.Finances]: 'Økonomi',
  [ContactTopic.JobAndEducation]: 'Job og uddannelse',
  [ContactTopic.ActivationOffer]: 'Aktiveringstilbud',
  [ContactTopic.EmploymentGoals]: 'Beskæftigelsesmål',
  [ContactTopic.Family]: 'Familie',
  [ContactTopic.Health]: 'Helbred',
  [ContactTopic.Other]: 'Andet',
};

export const HELP_GIVEN_DA: Record<HelpGiven, string> = {
  [HelpGiven.PersonalChallenges]: 'Personlige udfordringer',
  [HelpGiven.PracticalTasks]: 'Praktiske opgaver',
  [HelpGiven.ClarifyingResources]: 'Afklaring af ressourcer',
  [HelpGiven.IntoActivationOrTreatment]: 'Ind i aktivering eller behandling',
  [HelpGiven.ContactWithOthers]: 'Kontakt med sagsbehandler, læge m.fl.',
};

export const CONTACT_STATE_DA: Record<CitizenExportContactState, string> = {
  current: 'Gældende',
  corrected: 'Erstattet af en rettelse',
  deleted: 'Slettet',
};

export const REPORT_STATUS_DA: Record<ReportStatus, string> = {
  [ReportStatus.Draft]: 'Kladde',
  [ReportStatus.Submitted]: 'Indsendt',
  [ReportStatus.Returned]: 'Sendt tilbage',
  [ReportStatus.Accepted]: 'Godkendt',
};

export const RECOMMENDATION_DA: Record<Recommendation, string> = {
  [Recommendation.Continue]: 'Fortsæt som nu',
  [Recommendation.AdjustMinutes]: 'Justér minuttallet',
  [Recommendation.ChangeFocus]: 'Skift fokus',
  [Recommendation.EndCourse]: 'Afslut forløbet',
};

export const HANDOVER_STATUS_DA: Record<HandoverStatus, string> = {
  [HandoverStatus.Draft]: 'Kladde – ikke sendt',
  [HandoverStatus.Sent]: 'Sendt – afventer kvittering',
  [HandoverStatus.Acknowledged]: 'Kvitteret',
};

export const HANDOVER_SOURCE_DA: Record<HandoverSource, string> = {
  [HandoverSource.Grant]: 'Udfyldt fra bevillingen og borgerens oplysninger',
  [HandoverSource.Course]: 'Udfyldt fra forløbet ved skift af mentor',
  [HandoverSource.Migrated]: 'Forløbet fandtes, før overleveringer kom i systemet',
};

export const OTHER_ACTOR_DA: Record<OtherActorKind, string> = {
  [OtherActorKind.Doctor]: 'Læge',
  [OtherActorKind.Treatment]: 'Behandling',
  [OtherActorKind.HousingSupport]: 'Bostøtte',
  [OtherActorKind.Psychiatry]: 'Psykiatri',
  [OtherActorKind.Family]: 'Familie og netværk',
  [OtherActorKind.Other]: 'Andet',
};

export const CASE_ITEM_KIND_DA: Record<CaseItemKind, string> = {
  [CaseItemKind.Document]: 'Dokument',
  [CaseItemKind.Note]: 'Notat',
};

export const FILE_TYPE_DA: Record<CaseFileType, string> = {
  [CaseFileType.Pdf]: 'PDF',
  [CaseFileType.Png]: 'PNG-billede',
  [CaseFileType.Jpeg]: 'JPEG-billede',
  [CaseFileType.Docx]: 'Word-dokument',
  [CaseFileType.Xlsx]: 'Excel-regneark',
  [CaseFileType.Odt]: 'OpenDocument-tekst',
  [CaseFileType.Ods]: 'OpenDocument-regneark',
  [CaseFileType.Text]: 'Tekstfil',
};

export const SHARE_BASIS_DA: Record<ShareBasis, string> = {
  [ShareBasis.Consent]: 'Borgerens samtykke',
  [ShareBasis.LegalBasis]: 'Hjemmel',
};

export const NOTIFICATION_KIND_DA: Record<NotificationKind, string> = {
  [NotificationKind.ReportDueSoon]: 'En progressionsrapport skal snart afleveres',
  [NotificationKind.ReportOverdue]: 'En progressionsrapport er ikke afleveret til tiden',
  [NotificationKind.ReportSubmitted]: 'En progressionsrapport er indsendt',
  [NotificationKind.ReportReturned]: 'En progressionsrapport er sendt tilbage',
  [NotificationKind.ReportAccepted]: 'En progressionsrapport er godkendt',
  [NotificationKind.HandoverSent]: 'Overleveringen er sendt til mentoren',
  [NotificationKind.HandoverAcknowledged]: 'Mentoren har kvitteret for overleveringen',
  [NotificationKind.HandoverOverdue]: 'Overleveringen er ikke kvitteret til tiden',
  [NotificationKind.ItemShared]: 'Et dokument eller notat er delt med mentoren',
  [NotificationKind.MessageReceived]: 'Ny besked i forløbet',
  [NotificationKind.SparringRequested]: 'Mentoren ønsker sparring',
};

/** A label from a map, or the raw value when a stored value has no Danish word (never throws). */
export function label<T extends string>(map: Record<T, string>, value: T | null | undefined): string {
  if (value === null || value === undefined) return '–';
  return map[value] ?? value;
}
