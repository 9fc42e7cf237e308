import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  CONTACT_EDIT_DAYS,
  type ContactLogged,
  type ContactView,
  CourseStatus,
  type FieldError,
  HandoverStatus,
  isoWeekStart,
  type Page,
} from '@mentor/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { timeInDenmark, todayInDenmark } from '../common/clock';
import { ProblemException, ValidationProblem } from '../common/problem';
import { SqlParams } from '../common/sql-params';
import { NotFoundProblem, updateWithVersion } from '../common/versioned-update';
import { GRANTED_IN_WEEK, LOGGED_IN } from '../courses/course-queries';
import { courseVisibility } from '../courses/course-visibility';
import { weekBudget } from '../courses/courses.service';
import { Contact } from './contact.entity';
import {
  contactFields,
  contactLogStatement,
  type ContactLogRow,
  type ContactRow,
  requestHash,
} from './contact-queries';
import type { ContactDto, ContactListQueryDto, UpdateContactDto } from './dto/contact.dto';
import { queryPrepared } from '../database/prepared';

const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{1,100}$/;
const EDIT_MS = CONTACT_EDIT_DAYS * 86_400_000;

interface CourseForContact {
  id: string;
  citizenId: string;
  status: CourseStatus;
  mentorId: string | null;
  startsOn: string;
  endsOn: string;
}

const CONTACT_COLUMNS = `ct.id, ct.course_id AS "courseId", g.citizen_id AS "citizenId",
  to_char(ct.contact_date, 'YYYY-MM-DD') AS "contactDate", to_char(ct.start_time, 'HH24:MI') AS "startTime",
  ct.minutes, ct.form, ct.showed_up AS "showedUp", ct.topics, ct.help, ct.note, ct.transport_minutes AS "transportMinutes",
  ct.corrects_contact_id AS "correctsContactId",
  (SELECT cx.id FROM contact cx WHERE cx.corrects_contact_id = ct.id AND cx.deleted_at IS NULL LIMIT 1) AS "correctedById",
  ct.created_by AS "createdBy", u.name AS "createdByName",
  ct.created_at AS "createdAt", ct.updated_at AS "updatedAt", ct.deleted_at AS "deletedAt",
  ct.idempotency_key AS "idempotencyKey", ct.request_hash AS "requestHash", ct.version`;

const CONTACT_FROM = `contact ct
  JOIN mentor_course co ON co.id = ct.course_id
  JOIN mentor_grant g ON g.id = co.grant_id
  JOIN citizen ci ON ci.id = g.citizen_id
  JOIN app_user u ON u.id = ct.created_by`;

function toView(row: ContactRow, now = Date.now()): ContactView {
  const editableUntil = new Date(new Date(row.createdAt).getTime() + EDIT_MS);
  return {
    id: row.id,
    courseId: row.courseId,
    contactDate: row.contactDate,
    startTime: row.startTime,
    minutes: row.minutes,
    form: row.form,
    showedUp: row.showedUp,
    topics: row.topics,
    help: row.help,
    note: row.note,
    transportMinutes: row.transportMinutes,
    correctsContactId: row.correctsContactId,
    correctedById: row.correctedById ?? null,
    createdBy: row.createdBy,
    createdByName: row.createdByName,
    createdAt: new Date(row.createdAt).toISOString(),
    updatedAt: new Date(row.updatedAt).toISOString(),
    editableUntil: editableUntil.toISOString(),
    locked: now >= editableUntil.getTime(),
    deleted: row.deletedAt !== null,
    version: row.version,
  };
}

/** A contact dated or timed after now (Danish time): these depend on the clock only, not on the course. */
function futureErrors(dto: ContactDto): FieldError[] {
  const today = todayInDenmark();
  if (dto.contactDate > today) {
    return [{ field: 'contactDate', messages: ['must not be in the future'], codes: ['contact.in_future'] }];
  }
  if (dto.contactDate === today && dto.startTime > timeInDenmark()) {
    return [{ field: 'startTime', messages: ['must not be in the future'], codes: ['contact.in_future'] }];
  }
  return [];
}

@Injectable()
export class ContactsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  private async course(
    caller: AuthenticatedUser,
    courseId: string,
    manager: EntityManager = this.db.manager,
  ) {
    const p = new SqlParams();
    const id = p.add(courseId);
    const visible = courseVisibility(p, 'co', 'ci', caller);
    const rows: CourseForContact[] = await manager.query(
      `SELECT co.id, g.citizen_id AS "citizenId", co.status, co.mentor_id AS "mentorId",
              to_char(g.starts_on, 'YYYY-MM-DD') AS "startsOn", to_char(g.ends_on, 'YYYY-MM-DD') AS "endsOn"
         FROM mentor_course co JOIN mentor_grant g ON g.id = co.grant_id JOIN citizen ci ON ci.id = g.citizen_id
        WHERE co.id = ${id} AND ${visible}`,
      p.values,
    );
    if (!rows[0]) throw new NotFoundProblem('course');
    return rows[0];
  }

  private async contact(
    caller: AuthenticatedUser,
    contactId: string,
    manager: EntityManager = this.db.manager,
  ) {
    const p = new SqlParams();
    const id = p.add(contactId);
    const visible = courseVisibility(p, 'co', 'ci', caller);
    const rows: ContactRow[] = await manager.query(
      `SELECT ${CONTACT_COLUMNS} FROM ${CONTACT_FROM} WHERE ct.id = ${id} AND ${visible} AND ct.deleted_at IS NULL`,
      p.values,
    );
    if (!rows[0]) throw new NotFoundProblem('contact');
    return rows[0];
  }

  /** A contact falls inside the course period, is not in the future, and is on an active course. */
  private checkContact(course: CourseForContact, dto: ContactDto, future = futureErrors(dto)) {
    if (course.status !== CourseStatus.Active) {
      throw new ProblemException({
        status: 422,
        code: 'contact.course_not_active',
        detail: `Contacts are logged on active courses; this one is ${course.status}.`,
      });
    }
    if (dto.contactDate < course.startsOn || dto.contactDate > course.endsOn) {
      throw new ValidationProblem([
        {
          field: 'contactDate',
          messages: [`must fall inside the course period ${course.startsOn} – ${course.endsOn}`],
          codes: ['contact.outside_course'],
        },
      ]);
    }
    if (future.length) throw new ValidationProblem(future);
  }

  private async week(courseId: string, contactDate: string, manager: EntityManager = this.db.manager) {
    const weekStart = isoWeekStart(contactDate);
    const rows: { granted: number; logged: number }[] = await manager.query(
      `SELECT ${GRANTED_IN_WEEK('g', '$2::date')} AS granted, ${LOGGED_IN('co', 'week', '$2::date')} AS logged
         FROM mentor_course co JOIN mentor_grant g ON g.id = co.grant_id WHERE co.id = $1`,
      [courseId, weekStart],
    );
    const [row = { granted: 0, logged: 0 }] = rows;
    return weekBudget(weekStart, row.granted, row.logged, todayInDenmark());
  }

  private async logged(caller: AuthenticatedUser, contactId: string): Promise<ContactLogged> {
    const row = await this.contact(caller, contactId);
    return { contact: toView(row), week: await this.week(row.courseId, row.contactDate) };
  }

  /**
   * Logs a contact. With an Idempotency-Key, a retry of the same request returns the first answer
   * and creates nothing; the same key with another body is refused with 422.
   */
  async log(
    caller: AuthenticatedUser,
    courseId: string,
    dto: ContactDto,
    idempotencyKey?: string,
  ): Promise<ContactLogged> {
    if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
      throw new ValidationProblem([
        {
          field: 'Idempotency-Key',
          messages: ['1–100 characters of A–Z, a–z, 0–9 . _ : -'],
          codes: ['contact.invalid_idempotency_key'],
        },
      ]);
    }
    const hash = requestHash(courseId, dto);
    const future = futureErrors(dto);
    const statement = contactLogStatement(caller, courseId, dto, idempotencyKey, hash, future.length === 0);
    const [found] = await queryPrepared<ContactLogRow>(this.db, statement.text, statement.values);
    const { inserted } = found;
    if (inserted) {
      // Stored, so the course was found and every column of it is set.
      const course = found as CourseForContact & { weekGranted: number; weekLogged: number };
      return {
        contact: toView({
          ...inserted,
          citizenId: course.citizenId,
          createdByName: caller.name,
          createdAt: new Date(inserted.createdAt),
          updatedAt: new Date(inserted.updatedAt),
          idempotencyKey: null,
          requestHash: null,
        }),
        week: weekBudget(
          isoWeekStart(dto.contactDate),
          course.weekGranted,
          course.weekLogged + dto.minutes,
          todayInDenmark(),
        ),
      };
    }
    // Nothing stored: the answer the rules give, in the order a user needs them.
    if (found.earlierId && found.earlierHash)
      return this.replay(caller, { id: found.earlierId, requestHash: found.earlierHash }, hash);
    if (!found.id) throw new NotFoundProblem('course');
    const course = found as CourseForContact & ContactLogRow;
    if (course.mentorId !== caller.id) {
      throw new ProblemException({
        status: 403,
        code: 'contact.not_course_mentor',
        detail: "Only the course's mentor logs contacts.",
      });
    }
    this.checkContact(course, dto, future);
    if (found.handoverStatus !== HandoverStatus.Acknowledged) {
      throw new ProblemException({
        status: 409,
        code: 'contact.handover_not_acknowledged',
        detail:
          "Acknowledge the course's handover packet before logging contacts on it; if the caseworker has not sent it to you yet, ask them for it.",
      });
    }
    // Every rule allowed it, so a concurrent retry with the same key got there first: answer as it was answered.
    const earlier = idempotencyKey ? await this.byIdempotencyKey(caller, idempotencyKey) : undefined;
    if (!earlier) throw new Error('contact statement stored nothing although every rule allowed it');
    return this.replay(caller, earlier, hash);
  }

  private async byIdempotencyKey(caller: AuthenticatedUser, key: string) {
    const rows: { id: string; requestHash: string }[] = await this.db.query(
      `SELECT id, request_hash AS "requestHash" FROM contact
        WHERE municipality_id = $1 AND created_by = $2 AND idempotency_key = $3`,
      [caller.municipalityId, caller.id, key],
    );
    return rows[0];
  }

  private replay(caller: AuthenticatedUser, earlier: { id: string; requestHash: string }, hash: string) {
    if (earlier.requestHash !== hash) {
      throw new ProblemException({
        status: 422,
        code: 'contact.idempotency_key_reused',
        detail: 'This Idempotency-Key was used for a different contact; use a new key for a new contact.',
      });
    }
    return this.logged(caller, earlier.id);
  }

  /** The author's own contact, still inside its 7 days; 422 once locked. */
  private async editable(caller: AuthenticatedUser, contactId: string) {
    const row = await this.contact(caller, contactId);
    if (row.createdBy !== caller.id) {
      throw new ProblemException({
        status: 403,
        code: 'contact.not_author',
        detail: 'Only the author may change a contact.',
      });
    }
    if (toView(row).locked) {
      throw new ProblemException({
        status: 422,
        code: 'contact.locked',
        detail: `Contacts lock ${CONTACT_EDIT_DAYS} days after they are logged; log a correction instead.`,
      });
    }
    return row;
  }

  async update(caller: AuthenticatedUser, contactId: string, dto: UpdateContactDto): Promise<ContactLogged> {
    const row = await this.editable(caller, contactId);
    this.checkContact(await this.course(caller, row.courseId), dto);
    const { version, note, transportMinutes, ...fields } = dto;
    await this.db.transaction(async (tx) => {
      await updateWithVersion(
        tx,
        Contact,
        'contact',
        { id: contactId, municipalityId: caller.municipalityId },
        version,
        {
          ...fields,
          note: note?.trim() || null,
          transportMinutes: transportMinutes ?? null,
          updatedBy: caller.id,
        },
      );
      await this.audit.record(
        caller,
        { action: 'contact.update', citizenId: row.citizenId, entityType: 'contact', entityId: contactId },
        tx,
      );
    });
    return this.logged(caller, contactId);
  }

  async remove(caller: AuthenticatedUser, contactId: string, version: number): Promise<void> {
    const row = await this.editable(caller, contactId);
    await this.db.transaction(async (tx) => {
      await updateWithVersion(
        tx,
        Contact,
        'contact',
        { id: contactId, municipalityId: caller.municipalityId },
        version,
        {
          deletedAt: new Date(),
          deletedBy: caller.id,
        },
      );
      await this.audit.record(
        caller,
        { action: 'contact.delete', citizenId: row.citizenId, entityType: 'contact', entityId: contactId },
        tx,
      );
    });
  }

  /** A locked contact is corrected by a new record pointing to it; the new one counts instead. */
  async correct(caller: AuthenticatedUser, contactId: string, dto: ContactDto): Promise<ContactLogged> {
    const original = await this.contact(caller, contactId);
    if (!toView(original).locked) {
      throw new ProblemException({
        status: 422,
        code: 'contact.not_locked',
        detail: 'The contact can still be edited; edit it instead of correcting it.',
      });
    }
    const course = await this.course(caller, original.courseId);
    if (course.mentorId !== caller.id) {
      throw new ProblemException({
        status: 403,
        code: 'contact.not_course_mentor',
        detail: "Only the course's mentor corrects contacts.",
      });
    }
    this.checkContact(course, dto);
    const id = await this.db.transaction(async (tx) => {
      // Locks the original so two corrections of it cannot both succeed.
      await tx.query('SELECT id FROM contact WHERE id = $1 FOR UPDATE', [contactId]);
      const already = await tx.query(
        'SELECT 1 FROM contact WHERE corrects_contact_id = $1 AND deleted_at IS NULL',
        [contactId],
      );
      if (already.length) {
        throw new ProblemException({
          status: 409,
          code: 'contact.already_corrected',
          detail: 'This contact already has a correction; correct the correction instead.',
        });
      }
      const [inserted]: { id: string }[] = await tx.query(
        `INSERT INTO contact (municipality_id, course_id, contact_date, start_time, minutes, form, showed_up, topics, help,
                              note, transport_minutes, corrects_contact_id, request_hash, created_by, version)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, 1) RETURNING id`,
        [
          caller.municipalityId,
          original.courseId,
          ...contactFields(dto),
          contactId,
          requestHash(original.courseId, dto),
          caller.id,
        ],
      );
      await this.audit.record(
        caller,
        {
          action: 'contact.correct',
          citizenId: original.citizenId,
          entityType: 'contact',
          entityId: inserted?.id,
          details: { corrects: contactId },
        },
        tx,
      );
      if (!inserted) throw new Error('correction insert returned no row');
      return inserted.id;
    });
    return this.logged(caller, id);
  }

  /** The course's contact timeline, newest first. */
  async list(
    caller: AuthenticatedUser,
    courseId: string,
    query: ContactListQueryDto,
  ): Promise<Page<ContactView>> {
    const course = await this.course(caller, courseId);
    const rows: ContactRow[] = await this.db.query(
      `SELECT ${CONTACT_COLUMNS}, count(*) OVER () AS total FROM ${CONTACT_FROM}
        WHERE ct.course_id = $1 AND ct.deleted_at IS NULL
        ORDER BY ct.contact_date DESC, ct.start_time DESC, ct.created_at DESC
        LIMIT $2 OFFSET $3`,
      [courseId, query.limit, query.offset],
    );
    await this.audit.record(caller, {
      action: 'contact.list',
      citizenId: course.citizenId,
      entityType: 'mentor_course',
      entityId: courseId,
    });
    const now = Date.now();
    return {
      items: rows.map((r) => toView(r, now)),
      total: Number(rows[0]?.total ?? 0),
      limit: query.limit,
      offset: query.offset,
    };
  }
}
