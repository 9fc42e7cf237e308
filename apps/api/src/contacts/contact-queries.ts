import {
  type ContactRequest as ContactDto,
  type ContactView,
  CourseStatus,
  HandoverStatus,
  isoWeekStart,
} from '@mentor/domain';
import { createHash } from 'node:crypto';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { SqlParams } from '../common/sql-params';
import { OVERVIEW_GRANTED_IN_WEEK, OVERVIEW_LOGGED_IN_WEEK } from '../courses/course-queries';
import { courseVisibility } from '../courses/course-visibility';

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

/** The row of contactLogStatement: the course as the caller may see it, and what the statement did. */
export interface ContactLogRow {
  id: string | null;
  citizenId: string | null;
  status: CourseStatus | null;
  mentorId: string | null;
  startsOn: string | null;
  endsOn: string | null;
  /** The week's granted minutes, and its logged minutes before this contact. */
  weekGranted: number | null;
  weekLogged: number | null;
  /** The status of the current mentor's handover packet; contacts need it acknowledged. */
  handoverStatus: HandoverStatus | null;
  /** A contact this caller logged earlier under the same Idempotency-Key. */
  earlierId: string | null;
  earlierHash: string | null;
  /** The new contact, when the statement stored one (RETURNING's columns, timestamps as JSON text). */
  inserted: InsertedContact | null;
}

/** A contact as the services read it. */
export interface ContactRow {
  id: string;
  courseId: string;
  citizenId: string;
  contactDate: string;
  startTime: string;
  minutes: number;
  form: ContactView['form'];
  showedUp: boolean;
  topics: ContactView['topics'];
  help: ContactView['help'];
  note: string | null;
  transportMinutes: number | null;
  correctsContactId: string | null;
  correctedById?: string | null;
  createdBy: string;
  createdByName: string;
  createdAt: Date;
  updatedAt: Date;
  deletedAt: Date | null;
  idempotencyKey: string | null;
  requestHash: string | null;
  version: number;
  total?: string;
}

/** A contact as contactLogStatement's RETURNING gives it (JSON, so timestamps are text). */
export type InsertedContact = Omit<
  ContactRow,
  | 'citizenId'
  | 'correctedById'
  | 'createdByName'
  | 'createdAt'
  | 'updatedAt'
  | 'idempotencyKey'
  | 'requestHash'
  | 'total'
> & { createdAt: string; updatedAt: string };

/**
 * Logging a contact as one statement, so one round trip: it looks up the course as the caller may
 * see it in course_overview (with the week's budget, the handover packet's status and any contact
 * already logged under the Idempotency-Key) and, when the contact may be logged, stores it and its audit record, which
 * commit together. It stores nothing otherwise; ContactsService.log then tells from the returned
 * course why, with the same rules as the conditions here (course mentor, active course, date inside
 * the course period, acknowledged handover) and `notInFuture`, which the service works out from the
 * clock beforehand. A key already used by this caller stores nothing either (ON CONFLICT), also
 * when a concurrent retry got there first.
 */
export function contactLogStatement(
  caller: AuthenticatedUser,
  courseId: string,
  dto: ContactDto,
  idempotencyKey: string | undefined,
  hash: string,
  notInFuture: boolean,
) {
  const p = new SqlParams();
  const id = `${p.add(courseId)}::uuid`;
  const week = `${p.add(isoWeekStart(dto.contactDate))}::date`;
  const key = `${p.add(idempotencyKey ?? null)}::varchar`;
  const me = `${p.add(caller.id)}::uuid`;
  const municipality = `${p.add(caller.municipalityId)}::uuid`;
  const visible = courseVisibility(p, 'co', 'co', caller);
  const contactDate = `${p.add(dto.contactDate)}::date`;
  const [, ...fields] = contactFields(dto);
  const [startTime, minutes, form, showedUp, topics, help, note, transportMinutes] = fields.map((value) =>
    p.add(value),
  );
  return {
    text: `WITH found AS (
         SELECT c.*, e.id AS "earlierId", e.request_hash AS "earlierHash"
           FROM (SELECT 1) one
           LEFT JOIN LATERAL (
             SELECT co.id, co.citizen_id AS "citizenId", co.status, co.mentor_id AS "mentorId",
                    co.starts_on, co.ends_on,
                    ${OVERVIEW_GRANTED_IN_WEEK('co', week)} AS "weekGranted", ${OVERVIEW_LOGGED_IN_WEEK('co', week)} AS "weekLogged",
                    co.handover_status AS "handoverStatus"
               FROM course_overview co
              WHERE co.id = ${id} AND ${visible}) c ON TRUE
           LEFT JOIN LATERAL (
             SELECT e.id, e.request_hash FROM contact e
              WHERE e.municipality_id = ${municipality} AND e.created_by = ${me} AND e.idempotency_key = ${key}) e ON TRUE
       ), inserted AS (
         INSERT INTO contact (municipality_id, course_id, contact_date, start_time, minutes, form, showed_up, topics, help,
                              note, transport_minutes, idempotency_key, request_hash, created_by, version)
         SELECT ${municipality}, found.id, ${contactDate}, ${startTime}::time, ${minutes}::int, ${form}::varchar,
                ${showedUp}::boolean, ${topics}::varchar[], ${help}::varchar[], ${note}::varchar,
                ${transportMinutes}::int, ${key}, ${p.add(hash)}::char(64), ${me}, 1
           FROM found
          WHERE found."earlierId" IS NULL AND found."mentorId" = ${me} AND found.status = '${CourseStatus.Active}'
            AND ${contactDate} BETWEEN found.starts_on AND found.ends_on
            AND found."handoverStatus" = '${HandoverStatus.Acknowledged}' AND ${p.add(notInFuture)}::boolean
         ON CONFLICT (municipality_id, created_by, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING
         RETURNING id, course_id AS "courseId", to_char(contact_date, 'YYYY-MM-DD') AS "contactDate",
                   to_char(start_time, 'HH24:MI') AS "startTime", minutes, form, showed_up AS "showedUp", topics, help,
                   note, transport_minutes AS "transportMinutes", corrects_contact_id AS "correctsContactId",
                   created_by AS "createdBy", created_at AS "createdAt", updated_at AS "updatedAt",
                   deleted_at AS "deletedAt", version
       ), audited AS (
         INSERT INTO audit_event (municipality_id, user_id, actor_role, actor_organisation_id, action, citizen_ids,
                                  entity_type, entity_id, request_id)
         SELECT ${municipality}, ${me}, ${p.add(caller.role)}, ${p.add(caller.organisationId)}::uuid, 'contact.create',
                ARRAY[found."citizenId"], 'contact', inserted.id, ${p.add(caller.requestId ?? null)}::varchar
           FROM inserted CROSS JOIN found
       )
       SELECT found.id, found."citizenId", found.status, found."mentorId",
              to_char(found.starts_on, 'YYYY-MM-DD') AS "startsOn", to_char(found.ends_on, 'YYYY-MM-DD') AS "endsOn",
              found."weekGranted", found."weekLogged", found."handoverStatus", found."earlierId", found."earlierHash",
              (SELECT row_to_json(inserted) FROM inserted) AS inserted
         FROM found`,
    values: p.values,
  };
}
