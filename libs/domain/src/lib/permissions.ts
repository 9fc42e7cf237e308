import { Role } from './roles';

/**
 * Every permission a route can require. A route names exactly one; a role is granted a set.
 * Review a change here as a change of who may do what.
 */
export enum Permission {
  /** Read one's own profile and end one's own session. */
  SessionOwn = 'session:own',
  /** List the organisations (internal centres and external providers) of one's municipality. */
  OrganisationsRead = 'organisations:read',
  /** List the users of one's municipality. */
  UsersRead = 'users:read',
  /** Disable and re-enable the users of one's municipality (disabling ends their sessions at once). */
  UsersManage = 'users:manage',
  /** Read the citizens one's role and organisation may see (each read is audit-logged). */
  CitizensRead = 'citizens:read',
  /** Register citizens and change their details. */
  CitizensWrite = 'citizens:write',
  /** Reveal a citizen's full CPR number (audit-logged). */
  CprReveal = 'citizens:cpr-reveal',
  /** Make and renew mentor grants and change granted minutes. */
  GrantsWrite = 'grants:write',
  /** Read mentor courses, their weekly budgets and contacts. */
  CoursesRead = 'courses:read',
  /** Assign or change a course's mentor and its status. */
  CoursesManage = 'courses:manage',
  /** Log, edit, delete and correct one's own contacts. */
  ContactsWrite = 'contacts:write',
  /** Write and submit progression reports of one's own courses. */
  ReportsWrite = 'reports:write',
  /** Return or accept the progression reports of one's caseload. */
  ReportsReview = 'reports:review',
  /** Quality figures of progression reports per organisation and mentor (no citizen data). */
  ReportsQuality = 'reports:quality',
  /** Change the municipality's settings, such as the report quality threshold. */
  MunicipalityManage = 'municipality:manage',
  /** The mentor workforce of an organisation: load view, profiles, training, certification (no citizen data). */
  WorkforceRead = 'workforce:read',
  /** Register mentors of one's own organisation and keep their profiles and records; import them. */
  WorkforceManage = 'workforce:manage',
  /** Read one's own mentor profile and records and suggest changes to the profile. */
  ProfileOwn = 'profile:own',
  /** Write, send and hand over the handover packet of one's caseload's courses. */
  HandoverWrite = 'handover:write',
  /** Acknowledge the handover packet of one's own course. */
  HandoverAcknowledge = 'handover:acknowledge',
  /** Keep documents and notes on one's caseload's cases and share them with the course's mentor. */
  CaseShare = 'case:share',
  /** Read what is shared with one on one's own courses (each read is audit-logged). */
  SharedRead = 'shared:read',
  /** Read and write the message threads of the courses one takes part in. */
  MessagesWrite = 'messages:write',
  /** Produce a citizen's access log (who-type, when and why their data was used). */
  AccessLogRead = 'access-log:read',
  /** Export everything held about a citizen, for their right of access (GDPR art. 15; audit-logged). */
  CitizenExport = 'citizens:export',
  /** The study's indicators: one's own organisation (team leader) or the municipality (admin). No citizen data. */
  IndicatorsRead = 'indicators:read',
  /** Answer one's own questionnaire (mentor, recruiter) or enter a citizen interview's answers. */
  SurveysAnswer = 'surveys:answer',
  /** List, import and export questionnaire responses: one's own organisation (team leader) or the municipality (admin). */
  SurveysManage = 'surveys:manage',
}

/** The shared role-to-permission table used by the API guard and by the web app's navigation. */
export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  [Role.Mentor]: [
    Permission.SessionOwn,
    Permission.CitizensRead,
    Permission.CoursesRead,
    Permission.ContactsWrite,
    Permission.ReportsWrite,
    Permission.ProfileOwn,
    Permission.HandoverAcknowledge,
    Permission.SharedRead,
    Permission.MessagesWrite,
    Permission.SurveysAnswer,
  ],
  [Role.Caseworker]: [
    Permission.SessionOwn,
    Permission.OrganisationsRead,
    Permission.CitizensRead,
    Permission.CitizensWrite,
    Permission.CprReveal,
    Permission.GrantsWrite,
    Permission.CoursesRead,
    Permission.CoursesManage,
    Permission.ReportsReview,
    Permission.HandoverWrite,
    Permission.CaseShare,
    Permission.MessagesWrite,
    Permission.AccessLogRead,
    Permission.CitizenExport,
    Permission.SurveysAnswer,
  ],
  [Role.TeamLeader]: [
    Permission.SessionOwn,
    Permission.OrganisationsRead,
    Permission.UsersRead,
    Permission.CitizensRead,
    Permission.CoursesRead,
    Permission.CoursesManage,
    Permission.ReportsQuality,
    Permission.WorkforceRead,
    Permission.WorkforceManage,
    Permission.MessagesWrite,
    Permission.IndicatorsRead,
    Permission.SurveysAnswer,
    Permission.SurveysManage,
  ],
  // Administrators manage users, organisations and settings; they do not see citizens, except to
  // answer a citizen's request of access with the full export (audit-logged).
  [Role.Admin]: [
    Permission.SessionOwn,
    Permission.OrganisationsRead,
    Permission.UsersRead,
    Permission.UsersManage,
    Permission.ReportsQuality,
    Permission.MunicipalityManage,
    Permission.CitizenExport,
    Permission.WorkforceRead,
    Permission.IndicatorsRead,
    Permission.SurveysManage,
  ],
};

/** True when the role is granted the permission. */
export function hasPermission(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
