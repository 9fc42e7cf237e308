import {
  CourseStatus,
  type HandoverContent,
  HandoverSource,
  HandoverStatus,
  type MeetingPlace,
  NotificationKind,
} from '@mentor/domain';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { SqlParams } from '../common/sql-params';
import { courseVisibility } from '../courses/course-visibility';
import type { PrefillContact, PrefillReport } from './handover-prefill';

/** The SQL of handover packets: raw statements scoped by course visibility, one round trip each. */

const DATE = (expr: string) => `to_char(${expr}, 'YYYY-MM-DD')`;
const TIMESTAMP = (expr: string) => `to_char(${expr} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * The id of the course's current mentor period: its latest (a change of mentor closes the open one
 * and starts a new one). `course` is the query's alias of mentor_course. The course lists read the
 * current packet's status from course_overview, whose view (migration CourseOverview) applies the
 * same rule.
 */
export const CURRENT_MENTOR_PERIOD_SQL = (course: string) =>
  `(SELECT mp.id FROM course_mentor_period mp
     WHERE mp.municipality_id = ${course}.municipality_id AND mp.course_id = ${course}.id
     ORDER BY mp.from_date DESC, mp.created_at DESC LIMIT 1)`;

export interface PacketRow {
  id: string;
  mentorPeriodId: string;
  mentorId: string;
  mentorName: string;
  status: HandoverStatus;
  source: HandoverSource;
  content: HandoverContent;
  createdByName: string;
  createdAt: string;
  updatedAt: string;
  sentAt: string | null;
  acknowledgeBy: string | null;
  acknowledgedAt: string | null;
  version: number;
}

export interface HandoverRow {
  courseId: string;
  citizenId: string;
  municipalityId: string;
  caseworkerId: string;
  organisationId: string;
  courseStatus: CourseStatus;
  /** The current mentor period, when its mentor is the course's mentor; null while the course has none. */
  periodId: string | null;
  periodMentorId: string | null;
  periodMentorName: string | null;
  /** The course had a mentor before the current one: a new packet is pre-filled from the course. */
  hasEarlierPeriod: boolean;
  /** Every packet of the course, newest mentor period first. */
  packets: PacketRow[];
}

/** The course as the caller may see it, its current mentor period and every packet of it. */
export function handoverStatement(
  caller: AuthenticatedUser,
  courseId: string,
): { text: string; values: unknown[] } {
  const p = new SqlParams();
  const id = p.add(courseId);
  const visible = courseVisibility(p, 'co', 'ci', caller);
  const select = `SELECT co.id AS "courseId", g.citizen_id AS "citizenId", co.municipality_id AS "municipalityId",
         ci.caseworker_id AS "caseworkerId", co.organisation_id AS "organisationId", co.status AS "courseStatus",
         cur.id AS "periodId", cur.mentor_id AS "periodMentorId", cm.name AS "periodMentorName",
         EXISTS (SELECT 1 FROM course_mentor_period ep
                  WHERE ep.municipality_id = co.municipality_id AND ep.course_id = co.id
                    AND ep.id IS DISTINCT FROM cur.id) AS "hasEarlierPeriod",
         (SELECT COALESCE(json_agg(json_build_object(
             'id', hp.id, 'mentorPeriodId', hp.mentor_period_id, 'mentorId', hp.mentor_id, 'mentorName', pm.name,
             'status', hp.status, 'source', hp.source, 'content', hp.content, 'createdByName', pc.name,
             'createdAt', ${TIMESTAMP('hp.created_at')}, 'updatedAt', ${TIMESTAMP('hp.updated_at')},
             'sentAt', ${TIMESTAMP('hp.sent_at')}, 'acknowledgeBy', ${DATE('hp.acknowledge_by')},
             'acknowledgedAt', ${TIMESTAMP('hp.acknowledged_at')}, 'version', hp.version)
             ORDER BY mp.from_date DESC, mp.created_at DESC), '[]'::json)
            FROM handover_packet hp
            JOIN course_mentor_period mp ON mp.municipality_id = hp.municipality_id AND mp.id = hp.mentor_period_id
            JOIN app_user pm ON pm.id = hp.mentor_id
            JOIN app_user pc ON pc.id = hp.created_by
           WHERE hp.municipality_id = co.municipality_id AND hp.course_id = co.id) AS packets
    FROM mentor_course co
    JOIN mentor_grant g ON g.municipality_id = co.municipality_id AND g.id = co.grant_id
    JOIN citizen ci ON ci.municipality_id = co.municipality_id AND ci.id = g.citizen_id
    LEFT JOIN course_mentor_period cur ON cur.id = ${CURRENT_MENTOR_PERIOD_SQL('co')} AND cur.mentor_id = co.mentor_id
    LEFT JOIN app_user cm ON cm.id = cur.mentor_id
   WHERE co.id = ${id} AND ${visible}`;
  return { text: select, values: p.values };
}

export interface PrefillRow {
  purpose: string;
  goals: { id: string; text: string }[];
  citizenMeetingPlace: MeetingPlace;
  meetingPlaceReason: string | null;
  /** The content of the newest packet of an earlier mentor period. */
  previous: HandoverContent | null;
  report: PrefillReport | null;
  contacts: PrefillContact[];
}

/**
 * What a new packet is pre-filled from, in one statement: the grant, the citizen's meeting place,
 * the previous mentor's packet, the latest accepted report version and the last counted contacts.
 * Called after handoverStatement found the course visible; scoped by municipality.
 */
export function prefillStatement(
  municipalityId: string,
  courseId: string,
  currentPeriodId: string,
  contacts: number,
): { text: string; values: unknown[] } {
  return {
    text: `SELECT g.purpose, g.goals, ci.preferred_meeting_place AS "citizenMeetingPlace",
         ci.meeting_place_reason AS "meetingPlaceReason",
         (SELECT hp.content FROM handover_packet hp
            JOIN course_mentor_period mp ON mp.municipality_id = hp.municipality_id AND mp.id = hp.mentor_period_id
           WHERE hp.municipality_id = co.municipality_id AND hp.course_id = co.id AND hp.mentor_period_id <> $3
           ORDER BY mp.from_date DESC, mp.created_at DESC LIMIT 1) AS previous,
         (SELECT json_build_object('periodFrom', ${DATE('v.period_from')}, 'periodTo', ${DATE('v.period_to')},
                                   'content', v.content)
            FROM progress_report r
            JOIN progress_report_version v ON v.municipality_id = r.municipality_id AND v.report_id = r.id
           WHERE r.municipality_id = co.municipality_id AND r.course_id = co.id AND v.decision = 'accepted'
           ORDER BY v.period_to DESC, v.reviewed_at DESC LIMIT 1) AS report,
         (SELECT COALESCE(json_agg(json_build_object(
             'contactDate', ${DATE('l.contact_date')}, 'form', l.form, 'minutes', l.minutes,
             'showedUp', l.showed_up, 'topics', l.topics) ORDER BY l.contact_date DESC, l.start_time DESC), '[]'::json)
            FROM (SELECT ct.contact_date, ct.start_time, ct.form, ct.minutes, ct.showed_up, ct.topics
                    FROM counted_contact cc JOIN contact ct ON ct.id = cc.id
                   WHERE cc.municipality_id = co.municipality_id AND cc.course_id = co.id
                   ORDER BY ct.contact_date DESC, ct.start_time DESC LIMIT $4) l) AS contacts
    FROM mentor_course co
    JOIN mentor_grant g ON g.municipality_id = co.municipality_id AND g.id = co.grant_id
    JOIN citizen ci ON ci.municipality_id = co.municipality_id AND ci.id = g.citizen_id
   WHERE co.id = $1 AND co.municipality_id = $2`,
    values: [courseId, municipalityId, currentPeriodId, contacts],
  };
}

/**
 * The reminder job's statement: every sent packet of a course's current mentor, on a course that
 * is not ended, whose acknowledge-by day is before `$1` and which has not been flagged, is marked
 * flagged and notified to its mentor and the citizen's caseworker. Returns the notifications made.
 */
export const OVERDUE_HANDOVERS_SQL = `WITH overdue AS (
    UPDATE handover_packet hp SET overdue_notified_at = now()
      FROM mentor_course co
      JOIN mentor_grant g ON g.municipality_id = co.municipality_id AND g.id = co.grant_id
      JOIN citizen ci ON ci.municipality_id = co.municipality_id AND ci.id = g.citizen_id
     WHERE hp.status = '${HandoverStatus.Sent}' AND hp.overdue_notified_at IS NULL AND hp.acknowledge_by < $1::date
       AND co.municipality_id = hp.municipality_id AND co.id = hp.course_id AND co.mentor_id = hp.mentor_id
       AND co.status <> '${CourseStatus.Ended}'
       AND hp.mentor_period_id = ${CURRENT_MENTOR_PERIOD_SQL('co')}
    RETURNING hp.id, hp.municipality_id, hp.course_id, hp.mentor_id, ci.caseworker_id, hp.acknowledge_by
  ), recipients AS (
    SELECT o.*, o.mentor_id AS user_id FROM overdue o
    UNION
    SELECT o.*, o.caseworker_id FROM overdue o
  )
  INSERT INTO notification (municipality_id, user_id, kind, course_id, payload, key)
  SELECT r.municipality_id, r.user_id, '${NotificationKind.HandoverOverdue}', r.course_id,
         jsonb_build_object('dueOn', ${DATE('r.acknowledge_by')}),
         '${NotificationKind.HandoverOverdue}:' || r.id
    FROM recipients r
  ON CONFLICT (municipality_id, user_id, key) DO NOTHING
  RETURNING id`;
