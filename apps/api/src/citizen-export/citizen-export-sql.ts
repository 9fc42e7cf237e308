import { type CitizenExportSection, Role } from '@mentor/domain';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import type { SqlParams } from '../common/sql-params';

/**
 * The whole export as one SELECT of one row: the citizen and each section as a JSON array built by
 * PostgreSQL, so the count of statements does not grow with the data (no N+1) and every section is
 * read from the same snapshot. `ci` is the citizen throughout; every table is also filtered by the
 * citizen's municipality. All SQL here is built from code, never from input.
 */

/** An instant as ISO 8601 in UTC with milliseconds. */
const TS = (expr: string) => `to_char(${expr} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
/** A calendar date as `YYYY-MM-DD`. */
const DAY = (expr: string) => `to_char(${expr}, 'YYYY-MM-DD')`;

/** A member of staff by id with their current role and organisation; JSON null for a null id. */
const PERSON = (userId: string) =>
  `(SELECT json_build_object('name', pu.name, 'role', pu.role, 'organisationName', po.name)
      FROM app_user pu JOIN organisation po ON po.id = pu.organisation_id
     WHERE pu.id = ${userId} AND pu.municipality_id = ci.municipality_id)`;

/** An audit event's actor, with the role and organisation they acted in then. */
const ACTOR = (event: string) =>
  `(SELECT json_build_object('name', au.name, 'role', ${event}.actor_role, 'organisationName', ao.name)
      FROM app_user au JOIN organisation ao ON ao.id = ${event}.actor_organisation_id
     WHERE au.id = ${event}.user_id AND au.municipality_id = ${event}.municipality_id)`;

/** An organisation's name. */
const ORGANISATION = (organisationId: string) =>
  `(SELECT o.name FROM organisation o WHERE o.id = ${organisationId} AND o.municipality_id = ci.municipality_id)`;

/** A stored file's description (never its content or where it is kept). */
const FILE = (fileId: string) =>
  `(SELECT json_build_object('id', f.id, 'fileName', f.file_name, 'contentType', f.content_type,
                              'sizeBytes', f.size_bytes, 'uploadedBy', ${PERSON('f.created_by')},
                              'uploadedAt', ${TS('f.created_at')})
      FROM stored_file f WHERE f.id = ${fileId} AND f.municipality_id = ci.municipality_id)`;

/** A JSON array of `object` over `from`, ordered; `[]` when empty. */
const LIST = (object: string, from: string, orderBy: string) =>
  `COALESCE((SELECT json_agg(${object} ORDER BY ${orderBy}) ${from}), '[]'::json)`;

/** The ids of the citizen's courses (one per grant). */
const COURSE_IDS = `SELECT cc.id FROM mentor_course cc
    JOIN mentor_grant cg ON cg.id = cc.grant_id AND cg.municipality_id = cc.municipality_id
   WHERE cg.municipality_id = ci.municipality_id AND cg.citizen_id = ci.id`;

const GRANTS = LIST(
  `json_build_object(
     'id', g.id, 'mentorType', g.mentor_type, 'purpose', g.purpose, 'tasks', g.tasks, 'goals', g.goals,
     'startsOn', ${DAY('g.starts_on')}, 'endsOn', ${DAY('g.ends_on')},
     'deliveringOrganisationName', ${ORGANISATION('g.delivering_organisation_id')},
     'reportingIntervalWeeks', g.reporting_interval_weeks, 'renewsGrantId', g.renews_grant_id,
     'caseworker', ${PERSON('g.caseworker_id')},
     'minutesHistory', ${LIST(
       `json_build_object('minutesPerWeek', gm.minutes_per_week, 'effectiveFrom', ${DAY('gm.effective_from')},
                           'createdBy', ${PERSON('gm.created_by')}, 'createdAt', ${TS('gm.created_at')})`,
       'FROM grant_minutes gm WHERE gm.municipality_id = g.municipality_id AND gm.grant_id = g.id',
       'gm.effective_from, gm.created_at',
     )},
     'createdAt', ${TS('g.created_at')}, 'updatedAt', ${TS('g.updated_at')})`,
  'FROM mentor_grant g WHERE g.municipality_id = ci.municipality_id AND g.citizen_id = ci.id',
  'g.starts_on, g.created_at, g.id',
);

const COURSES = LIST(
  `json_build_object(
     'id', co.id, 'grantId', co.grant_id,
     'organisationName', ${ORGANISATION('co.organisation_id')},
     'mentor', ${PERSON('co.mentor_id')}, 'status', co.status, 'endReason', co.end_reason,
     'endedOn', ${DAY('co.ended_on')},
     'mentorPeriods', ${LIST(
       `json_build_object('mentor', ${PERSON('mp.mentor_id')}, 'fromDate', ${DAY('mp.from_date')},
                           'toDate', ${DAY('mp.to_date')}, 'changedBy', ${PERSON('mp.changed_by')},
                           'createdAt', ${TS('mp.created_at')})`,
       'FROM course_mentor_period mp WHERE mp.municipality_id = co.municipality_id AND mp.course_id = co.id',
       'mp.from_date, mp.created_at, mp.id',
     )},
     'statusHistory', ${LIST(
       `json_build_object('at', ${TS('se.at')},
                           'event', CASE WHEN se.action = 'course.create' THEN 'created' ELSE 'status_changed' END,
                           'status', se.details->>'status', 'endReason', se.details->>'endReason',
                           'by', ${ACTOR('se')})`,
       `FROM audit_event se
        WHERE se.municipality_id = co.municipality_id AND se.citizen_ids @> ARRAY[ci.id]
          AND se.entity_type = 'mentor_course' AND se.entity_id = co.id
          AND (se.action = 'course.create' OR (se.action = 'course.change' AND se.details->>'status' IS NOT NULL))`,
       'se.at, se.id',
     )},
     'createdAt', ${TS('co.created_at')}, 'updatedAt', ${TS('co.updated_at')})`,
  `FROM mentor_course co
     JOIN mentor_grant g ON g.id = co.grant_id AND g.municipality_id = co.municipality_id
    WHERE g.municipality_id = ci.municipality_id AND g.citizen_id = ci.id`,
  'co.created_at, co.id',
);

const CONTACTS = LIST(
  `json_build_object(
     'id', ct.id, 'courseId', ct.course_id, 'contactDate', ${DAY('ct.contact_date')},
     'startTime', to_char(ct.start_time, 'HH24:MI'), 'minutes', ct.minutes, 'form', ct.form,
     'showedUp', ct.showed_up, 'topics', ct.topics, 'help', ct.help, 'note', ct.note,
     'transportMinutes', ct.transport_minutes, 'correctsContactId', ct.corrects_contact_id,
     'state', CASE WHEN ct.deleted_at IS NOT NULL THEN 'deleted'
                   WHEN EXISTS (SELECT 1 FROM contact cx WHERE cx.municipality_id = ct.municipality_id
                                   AND cx.corrects_contact_id = ct.id AND cx.deleted_at IS NULL) THEN 'corrected'
                   ELSE 'current' END,
     'createdBy', ${PERSON('ct.created_by')}, 'createdAt', ${TS('ct.created_at')},
     'updatedBy', ${PERSON('ct.updated_by')}, 'updatedAt', ${TS('ct.updated_at')},
     'deletedBy', ${PERSON('ct.deleted_by')}, 'deletedAt', ${TS('ct.deleted_at')})`,
  `FROM contact ct WHERE ct.municipality_id = ci.municipality_id AND ct.course_id IN (${COURSE_IDS})`,
  'ct.contact_date, ct.start_time, ct.created_at, ct.id',
);

const PROGRESS_REPORTS = LIST(
  `json_build_object(
     'id', r.id, 'courseId', r.course_id, 'periodFrom', ${DAY('r.period_from')}, 'periodTo', ${DAY('r.period_to')},
     'dueOn', ${DAY('r.due_on')}, 'status', r.status, 'content', r.content, 'qualityScore', r.quality_score,
     'createdBy', ${PERSON('r.created_by')},
     'versions', ${LIST(
       `json_build_object(
          'number', v.number, 'periodFrom', ${DAY('v.period_from')}, 'periodTo', ${DAY('v.period_to')},
          'attendance', v.attendance, 'content', v.content, 'qualityScore', v.quality_score,
          'justification', v.justification, 'submittedBy', ${PERSON('v.submitted_by')},
          'submittedAt', ${TS('v.submitted_at')}, 'decision', v.decision,
          'comments', COALESCE(v.comments, '[]'::jsonb), 'reviewedBy', ${PERSON('v.reviewed_by')},
          'reviewedAt', ${TS('v.reviewed_at')})`,
       'FROM progress_report_version v WHERE v.municipality_id = r.municipality_id AND v.report_id = r.id',
       'v.number',
     )},
     'createdAt', ${TS('r.created_at')}, 'updatedAt', ${TS('r.updated_at')})`,
  `FROM progress_report r WHERE r.municipality_id = ci.municipality_id AND r.course_id IN (${COURSE_IDS})`,
  'r.period_from, r.created_at, r.id',
);

const HANDOVER_PACKETS = LIST(
  `json_build_object(
     'id', h.id, 'courseId', h.course_id, 'mentor', ${PERSON('h.mentor_id')}, 'status', h.status,
     'source', h.source, 'content', h.content, 'createdBy', ${PERSON('h.created_by')},
     'sentAt', ${TS('h.sent_at')}, 'sentBy', ${PERSON('h.sent_by')}, 'acknowledgeBy', ${DAY('h.acknowledge_by')},
     'acknowledgedAt', ${TS('h.acknowledged_at')}, 'acknowledgedBy', ${PERSON('h.acknowledged_by')},
     'createdAt', ${TS('h.created_at')}, 'updatedAt', ${TS('h.updated_at')})`,
  `FROM handover_packet h WHERE h.municipality_id = ci.municipality_id AND h.course_id IN (${COURSE_IDS})`,
  'h.created_at, h.id',
);

const CASE_ITEMS = LIST(
  `json_build_object(
     'id', it.id, 'kind', it.kind, 'title', it.title, 'body', it.body, 'file', ${FILE('it.stored_file_id')},
     'createdBy', ${PERSON('it.created_by')},
     'shares', ${LIST(
       `json_build_object(
          'id', s.id, 'courseId', s.course_id, 'mentor', ${PERSON('s.mentor_id')}, 'basis', s.basis,
          'legalBasis', s.legal_basis, 'consentGivenOn', ${DAY('s.consent_given_on')},
          'consentScope', s.consent_scope, 'expiresOn', ${DAY('s.expires_on')},
          'revokedAt', ${TS('s.revoked_at')}, 'revokedBy', ${PERSON('s.revoked_by')},
          'sharedBy', ${PERSON('s.shared_by')}, 'createdAt', ${TS('s.created_at')})`,
       'FROM case_share s WHERE s.municipality_id = it.municipality_id AND s.item_id = it.id',
       's.created_at, s.id',
     )},
     'createdAt', ${TS('it.created_at')}, 'updatedAt', ${TS('it.updated_at')})`,
  'FROM case_item it WHERE it.municipality_id = ci.municipality_id AND it.citizen_id = ci.id',
  'it.created_at, it.id',
);

const MESSAGE_THREADS = LIST(
  `json_build_object(
     'courseId', co.id, 'needsSparring', COALESCE(t.needs_sparring, false),
     'needsSparringSetBy', ${PERSON('t.needs_sparring_set_by')}, 'needsSparringSetAt', ${TS('t.needs_sparring_set_at')},
     'teamLeaderInvited', COALESCE(t.team_leader_invited, false),
     'messages', ${LIST(
       `json_build_object(
          'id', m.id, 'author', ${PERSON('m.author_id')}, 'body', m.body,
          'attachments', ${LIST(
            FILE('ma.stored_file_id'),
            'FROM message_attachment ma WHERE ma.municipality_id = m.municipality_id AND ma.message_id = m.id',
            'ma.created_at, ma.id',
          )},
          'readBy', ${LIST(
            `json_build_object('reader', ${PERSON('mr.user_id')}, 'readAt', ${TS('mr.read_at')})`,
            'FROM message_read mr WHERE mr.municipality_id = m.municipality_id AND mr.message_id = m.id',
            'mr.read_at, mr.user_id',
          )},
          'createdAt', ${TS('m.created_at')})`,
       'FROM message m WHERE m.municipality_id = co.municipality_id AND m.course_id = co.id',
       'm.created_at, m.id',
     )},
     'unsentAttachments', ${LIST(
       FILE('ua.stored_file_id'),
       `FROM message_attachment ua
         WHERE ua.municipality_id = co.municipality_id AND ua.course_id = co.id AND ua.message_id IS NULL`,
       'ua.created_at, ua.id',
     )})`,
  `FROM mentor_course co
     JOIN mentor_grant g ON g.id = co.grant_id AND g.municipality_id = co.municipality_id
     LEFT JOIN message_thread t ON t.municipality_id = co.municipality_id AND t.course_id = co.id
    WHERE g.municipality_id = ci.municipality_id AND g.citizen_id = ci.id
      AND (t.id IS NOT NULL
           OR EXISTS (SELECT 1 FROM message xm WHERE xm.municipality_id = co.municipality_id AND xm.course_id = co.id)
           OR EXISTS (SELECT 1 FROM message_attachment xa
                       WHERE xa.municipality_id = co.municipality_id AND xa.course_id = co.id))`,
  'co.created_at, co.id',
);

const NOTIFICATIONS = LIST(
  `json_build_object(
     'id', n.id, 'kind', n.kind, 'recipient', ${PERSON('n.user_id')}, 'courseId', n.course_id,
     'reportId', n.report_id, 'createdAt', ${TS('n.created_at')}, 'readAt', ${TS('n.read_at')})`,
  `FROM notification n
    WHERE n.municipality_id = ci.municipality_id
      AND (n.course_id IN (${COURSE_IDS})
           OR n.report_id IN (SELECT nr.id FROM progress_report nr
                               WHERE nr.municipality_id = ci.municipality_id AND nr.course_id IN (${COURSE_IDS})))`,
  'n.created_at, n.id',
);

// What was searched for or changed (`details`) stays out: a search's criteria may name other people.
const ACCESS_LOG = LIST(
  `json_build_object('at', ${TS('e.at')}, 'action', e.action, 'actor', ${ACTOR('e')})`,
  'FROM audit_event e WHERE e.municipality_id = ci.municipality_id AND e.citizen_ids @> ARRAY[ci.id]',
  'e.at, e.id',
);

export interface ExportSectionSql {
  sql: string;
  /** The tables of citizen data the section reads (lookups of staff and organisations aside). */
  tables: readonly string[];
}

/** Each section of the export with the tables it covers. */
export const SECTION_SQL: Record<CitizenExportSection, ExportSectionSql> = {
  grants: { sql: GRANTS, tables: ['mentor_grant', 'grant_minutes'] },
  courses: { sql: COURSES, tables: ['mentor_course', 'course_mentor_period', 'audit_event'] },
  contacts: { sql: CONTACTS, tables: ['contact'] },
  progressReports: { sql: PROGRESS_REPORTS, tables: ['progress_report', 'progress_report_version'] },
  handoverPackets: { sql: HANDOVER_PACKETS, tables: ['handover_packet'] },
  caseItems: { sql: CASE_ITEMS, tables: ['case_item', 'case_share', 'stored_file'] },
  messageThreads: {
    sql: MESSAGE_THREADS,
    tables: ['message_thread', 'message', 'message_read', 'message_attachment', 'stored_file'],
  },
  notifications: { sql: NOTIFICATIONS, tables: ['notification'] },
  accessLog: { sql: ACCESS_LOG, tables: ['audit_event'] },
};

/** Every table of citizen data the export reads: the citizen and each section's. */
export const EXPORTED_TABLES: readonly string[] = [
  ...new Set(['citizen', ...Object.values(SECTION_SQL).flatMap((s) => s.tables)]),
].sort();

/**
 * Tables linked to a citizen that the export leaves out on purpose, with the reason. A new table
 * of citizen data belongs in a section above, or here with a reason; a test holds the schema to it.
 */
export const EXPORT_EXEMPT_TABLES: Readonly<Record<string, string>> = {
  course_minutes:
    "Weekly and monthly sums of the course's contacts, kept by a trigger for charts; the contacts themselves are exported.",
  course_contact_stats:
    "Weekly counts of the course's contacts by form and topic, kept by a trigger for the indicators; the contacts themselves are exported.",
  course_overview:
    'A copy of what the course lists show of each course (citizen name, grant period, handover status), kept by triggers for the lists; the course, grant and citizen themselves are exported.',
};

/** The row the statement returns. */
export interface ExportRow {
  citizenId: string;
  cprSealed: Buffer;
  citizen: Record<string, unknown>;
  municipality: { code: number; name: string };
  exporterOrganisationName: string;
  grants: unknown[];
  courses: unknown[];
  contacts: unknown[];
  progressReports: unknown[];
  handoverPackets: unknown[];
  caseItems: unknown[];
  messageThreads: unknown[];
  notifications: unknown[];
  accessLog: { at: string; action: string; actor: unknown }[];
}

/**
 * The export's SELECT for the caller: a caseworker's own caseload, an administrator's whole
 * municipality, nobody else's. Returns no row for a citizen out of reach.
 */
export function exportSelect(p: SqlParams, caller: AuthenticatedUser, citizenId: string): string {
  const scope =
    caller.role === Role.Caseworker
      ? `ci.caseworker_id = ${p.add(caller.id)}::uuid`
      : caller.role === Role.Admin
        ? 'TRUE'
        : 'FALSE';
  const sections = Object.entries(SECTION_SQL)
    .map(([key, section]) => `${section.sql} AS "${key}"`)
    .join(',\n');
  return `SELECT ci.id AS "citizenId", ci.cpr_encrypted AS "cprSealed",
       json_build_object(
         'id', ci.id, 'name', ci.name, 'phone', ci.phone, 'email', ci.email, 'address', ci.address,
         'preferredMeetingPlace', ci.preferred_meeting_place, 'meetingPlaceReason', ci.meeting_place_reason,
         'targetGroup', ci.target_group, 'caseworker', ${PERSON('ci.caseworker_id')},
         'createdAt', ${TS('ci.created_at')}, 'updatedAt', ${TS('ci.updated_at')}) AS citizen,
       (SELECT json_build_object('code', mu.code, 'name', mu.name) FROM municipality mu
         WHERE mu.id = ci.municipality_id) AS municipality,
       (SELECT xo.name FROM organisation xo WHERE xo.id = ${p.add(caller.organisationId)}::uuid)
         AS "exporterOrganisationName",
       ${sections}
  FROM citizen ci
 WHERE ci.id = ${p.add(citizenId)}::uuid AND ci.municipality_id = ${p.add(caller.municipalityId)}::uuid
   AND ${scope}`;
}
