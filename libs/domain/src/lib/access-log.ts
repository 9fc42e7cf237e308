/**
 * The citizen's access log, for the right of access (GDPR art. 15; EU Court case C-579/21): when the
 * citizen's data was read or changed, by which kind of staff (role and organisation, never staff
 * names) and why. Built from the audit trail.
 */
import type { Page } from './api-types';
import { Role } from './roles';

/** Why the data was used, derived from the audited action. */
export enum AccessPurpose {
  /** Case handling: registering and keeping the citizen's details, grants and the case. */
  CaseHandling = 'case_handling',
  /** Delivering mentor support: contacts, the course, handover, shared items, messages. */
  MentorSupport = 'mentor_support',
  /** Progression reports: writing, reviewing. */
  ProgressionReporting = 'progression_reporting',
  /** Finding the citizen in a list or search. */
  Search = 'search',
  /** Verifying identity (revealing the CPR number). */
  IdentityCheck = 'identity_check',
  /** Answering the citizen's request for access. */
  RightOfAccess = 'right_of_access',
}

export const ACCESS_PURPOSES = Object.values(AccessPurpose);

/** Whether the event read or changed the data. */
export enum AccessKind {
  Read = 'read',
  Change = 'change',
}

export interface AccessLogEntry {
  at: string;
  /** The audited action, e.g. `course.read`; the web app words it. */
  action: string;
  kind: AccessKind;
  purpose: AccessPurpose;
  actorRole: Role;
  organisationName: string;
}

/**
 * `GET /api/citizens/:id/access-log?from=&to=&limit=&offset=` (newest first; `from` and `to` are
 * Danish calendar days, both included, either may be left out); `.csv` and `.pdf` (with `from` and
 * `to` only) export the whole range.
 */
export type AccessLogPage = Page<AccessLogEntry>;

const PURPOSE_BY_PREFIX: readonly [string, AccessPurpose][] = [
  ['citizen.cpr_reveal', AccessPurpose.IdentityCheck],
  ['citizen.access_log', AccessPurpose.RightOfAccess],
  ['citizen.export', AccessPurpose.RightOfAccess],
  ['citizen.search', AccessPurpose.Search],
  ['course.list', AccessPurpose.Search],
  ['report.', AccessPurpose.ProgressionReporting],
  ['contact.', AccessPurpose.MentorSupport],
  ['course.', AccessPurpose.MentorSupport],
  ['handover.', AccessPurpose.MentorSupport],
  ['share.', AccessPurpose.MentorSupport],
  ['message.', AccessPurpose.MentorSupport],
];

/** The purpose of an audited action; case handling when no rule names it. */
export function purposeOfAction(action: string): AccessPurpose {
  return PURPOSE_BY_PREFIX.find(([prefix]) => action.startsWith(prefix))?.[1] ?? AccessPurpose.CaseHandling;
}

const READ_SUFFIXES = [
  '.read',
  '.list',
  '.search',
  '.weeks',
  '.pdf',
  '.download',
  '.cpr_reveal',
  '.access_log',
  '.export',
  '.reporting_read',
];

/** Read or change, from the action's last part. */
export function accessKindOfAction(action: string): AccessKind {
  return READ_SUFFIXES.some((suffix) => action.endsWith(suffix)) ? AccessKind.Read : AccessKind.Change;
}

/** Staff roles that can appear in the log (administrators only by exporting the citizen's data). */
export const ACCESS_LOG_ROLES: readonly Role[] = [Role.Mentor, Role.Caseworker, Role.TeamLeader, Role.Admin];
