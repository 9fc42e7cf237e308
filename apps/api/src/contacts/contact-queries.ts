import type { ContactRequest as ContactDto, CourseStatus, HandoverStatus } from '@mentor/domain';
import { createHash } from 'node:crypto';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { SqlParams } from '../common/sql-params';
import { GRANTED_IN_WEEK, LOGGED_IN } from '../courses/course-queries';
import { courseVisibility } from '../courses/course-visibility';
import { HANDOVER_STATUS_SQL } from '../handover/handover-queries';

/** The statements of logging a contact, pure so the benchmark runs the same SQL. */

/** The fields a contact is made of, in a fixed order, for comparing retried requests. */
export function requestHash(courseId: string, dto: ContactDto): string {
  const canonical = [
    courseId,
    dto.contactDate,
    dto.startTime,
    dto.minutes,
    dto.form,
    dto.showedUp,
    [...dto.topics].sort(),
    [...dto.help].sort(),
    dto.note ?? null,
    dto.transportMinutes ?? null,
  ];
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}

/** The contact's own columns, in the order both INSERTs list them (contact_date … transport_minutes). */
export function contactFields(dto: ContactDto): unknown[] {
  return [
    dto.contactDate,
    dto.startTime,
    dto.minutes,
    dto.form,
    dto.showedUp,
    dto.topics,
    dto.help,
    dto.note?.trim() || null,
    dto.transportMinutes ?? null,
  ];
}

export interface ContactLookupRow {
  id?: string;
  citizenId?: string;
  status?: CourseStatus;
  mentorId?: string | null;
  startsOn?: string;
  endsOn?: string;
  weekGranted?: number;
  weekLogged?: number;
  /** The status of the current mentor's handover packet; contacts need it acknowledged. */
  handoverStatus?: HandoverStatus | null;
  earlierId: string | null;
  earlierHash: string | null;
}

/**
 * One statement: the course as the caller may see it, its budget for the week starting
 * `weekStart`, its handover packet's status, and any contact this caller already logged under the
 * idempotency key.
 */
export function contactLookupStatement(
  caller: AuthenticatedUser,
  courseId: string,
  weekStart: string,
  idempotencyKey: string | undefined,
) {
  const p = new SqlParams();
  const id = p.add(courseId);
  const week = `${p.add(weekStart)}::date`;
  const key = p.add(idempotencyKey ?? null);
  const callerId = p.add(caller.id);
  const municipality = p.add(caller.municipalityId);
  const visible = courseVisibility(p, 'co', 'ci', caller);
  return {
    text: `SELECT c.*, e.id AS "earlierId", e.request_hash AS "earlierHash"
         FROM (SELECT 1) one
         LEFT JOIN LATERAL (
           SELECT co.id, g.citizen_id AS "citizenId", co.status, co.mentor_id AS "mentorId",
                  to_char(g.starts_on, 'YYYY-MM-DD') AS "startsOn", to_char(g.ends_on, 'YYYY-MM-DD') AS "endsOn",
                  ${GRANTED_IN_WEEK('g', week)} AS "weekGranted", ${LOGGED_IN('co', 'week', week)} AS "weekLogged",
                  ${HANDOVER_STATUS_SQL('co')} AS "handoverStatus"
             FROM mentor_course co JOIN mentor_grant g ON g.id = co.grant_id JOIN citizen ci ON ci.id = g.citizen_id
            WHERE co.id = ${id} AND ${visible}) c ON TRUE
         LEFT JOIN LATERAL (
           SELECT e.id, e.request_hash FROM contact e
            WHERE e.municipality_id = ${municipality}::uuid AND e.created_by = ${callerId}::uuid
              AND e.idempotency_key = ${key}::varchar) e ON TRUE`,
    values: p.values,
  };
}

/**
 * One statement, so one round trip: the contact and its audit record commit together. A key
 * already used by this caller inserts nothing (and returns no row).
 */
export function contactInsertStatement(
  caller: AuthenticatedUser,
  courseId: string,
  citizenId: string,
  dto: ContactDto,
  idempotencyKey: string | undefined,
  hash: string,
) {
  return {
    text: `WITH inserted AS (
         INSERT INTO contact (municipality_id, course_id, contact_date, start_time, minutes, form, showed_up, topics, help,
                              note, transport_minutes, idempotency_key, request_hash, created_by, version)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, 1)
         ON CONFLICT (municipality_id, created_by, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING
         RETURNING id, course_id AS "courseId", to_char(contact_date, 'YYYY-MM-DD') AS "contactDate",
                   to_char(start_time, 'HH24:MI') AS "startTime", minutes, form, showed_up AS "showedUp", topics, help,
                   note, transport_minutes AS "transportMinutes", corrects_contact_id AS "correctsContactId",
                   created_by AS "createdBy", created_at AS "createdAt", updated_at AS "updatedAt",
                   deleted_at AS "deletedAt", version
       ), audited AS (
         INSERT INTO audit_event (municipality_id, user_id, actor_role, actor_organisation_id, action, citizen_ids,
                                  entity_type, entity_id, request_id)
         SELECT $1, $14, $17, $18, 'contact.create', ARRAY[$15::uuid], 'contact', id, $16 FROM inserted
       )
       SELECT * FROM inserted`,
    values: [
      caller.municipalityId,
      courseId,
      ...contactFields(dto),
      idempotencyKey ?? null,
      hash,
      caller.id,
      citizenId,
      caller.requestId ?? null,
      caller.role,
      caller.organisationId,
    ],
  };
}
