import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type CaseShare,
  type FieldError,
  NotificationKind,
  ShareBasis,
  type SharedItem,
} from '@mentor/domain';
import type { FastifyReply } from 'fastify';
import type { DataSource } from 'typeorm';
import { ReadAuditWriter } from '../audit/read-audit.writer';
import { AuditService } from '../audit/audit.service';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { todayInDenmark } from '../common/clock';
import { ProblemException, ValidationProblem } from '../common/problem';
import { SqlParams } from '../common/sql-params';
import { NotFoundProblem } from '../common/versioned-update';
import { FileStore } from '../files/file-store.service';
import { StoredFile } from '../files/stored-file.entity';
import { NotificationsService } from '../notifications/notifications.service';
import { fileInfoOf } from './case-items.service';
import {
  ACTIVE_SHARE,
  caseload,
  SHARE_ORDER,
  shareSelect,
  type ShareRow,
  SHARED_ITEM_ORDER,
  sharedItemSelect,
  type SharedItemRow,
} from './case-sharing-queries';
import type { CreateShareDto } from './dto/case-sharing.dto';

interface CourseForShare {
  id: string;
  citizenId: string;
  mentorId: string | null;
  status: string;
  endsOn: string;
}

const conflict = (code: string, detail: string) => new ProblemException({ status: 409, code, detail });

const fieldError = (field: string, code: string, message: string): FieldError => ({
  field,
  messages: [message],
  codes: [code],
});

function toCaseShare(row: ShareRow): CaseShare {
  return {
    id: row.id as string,
    courseId: row.courseId,
    itemId: row.itemId,
    itemKind: row.itemKind,
    title: row.title,
    basis: row.basis,
    legalBasis: row.legalBasis,
    consentGivenOn: row.consentGivenOn,
    consentScope: row.consentScope,
    expiresOn: row.expiresOn,
    state: row.state,
    sharedByName: row.sharedByName,
    createdAt: new Date(row.createdAt).toISOString(),
    revokedAt: row.revokedAt ? new Date(row.revokedAt).toISOString() : null,
    revokedByName: row.revokedByName,
  };
}

function toSharedItem(row: SharedItemRow): SharedItem {
  return {
    shareId: row.shareId as string,
    kind: row.kind,
    title: row.title,
    file: fileInfoOf(row),
    body: row.body,
    sharedOn: row.sharedOn,
    expiresOn: row.expiresOn,
  };
}

/**
 * Shares of case items with a course's mentor: the caseworker shares, lists and revokes; the mentor
 * reads exactly the active shares of their own courses, checked on every request.
 */
@Injectable()
export class SharesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly readAudit: ReadAuditWriter,
    private readonly notifications: NotificationsService,
    private readonly files: FileStore,
  ) {}

  // The caseworker's side.

  /** Every share of the course, newest first, with its state; audit-logged. 404 outside the caseload. */
  async listForCourse(caller: AuthenticatedUser, courseId: string): Promise<CaseShare[]> {
    const p = new SqlParams();
    const select = shareSelect(p, caller, todayInDenmark(), { courseId });
    const audit = { action: 'share.list', entityType: 'course', entityId: courseId };
    const rows = await this.readAudit.read<ShareRow>(caller, audit, () =>
      this.db.query(`SELECT * FROM (${select}) page ${SHARE_ORDER}`, p.values),
    );
    if (rows.length === 0) throw new NotFoundProblem('course');
    return rows.filter((row) => row.id !== null).map(toCaseShare);
  }

  /**
   * Shares an item of the course's citizen with the course's current mentor, who is notified.
   * 404 outside the caseload; 409 for an ended course, a course without mentor or an item already
   * shared with the mentor; 400 for an item of another case, a missing basis field or a bad date.
   */
  async create(caller: AuthenticatedUser, courseId: string, dto: CreateShareDto): Promise<CaseShare> {
    const today = todayInDenmark();
    const id = await this.db.transaction(async (tx) => {
      const p = new SqlParams();
      // FOR SHARE: the mentor cannot change until the share is stored with the mentor read here.
      const [course] = await tx.query<CourseForShare[]>(
        `SELECT co.id, ci.id AS "citizenId", co.mentor_id AS "mentorId", co.status, to_char(g.ends_on, 'YYYY-MM-DD') AS "endsOn"
           FROM mentor_course co
           JOIN mentor_grant g ON g.id = co.grant_id AND g.municipality_id = co.municipality_id
           JOIN citizen ci ON ci.id = g.citizen_id AND ci.municipality_id = g.municipality_id
          WHERE co.id = ${p.add(courseId)} AND ${caseload(p, 'ci', caller)}
            FOR SHARE OF co`,
        p.values,
      );
      if (!course) throw new NotFoundProblem('course');
      if (course.status === 'ended') {
        throw conflict('share.course_ended', 'The course has ended; nothing more can be shared on it.');
      }
      if (!course.mentorId) {
        throw conflict('share.no_mentor', 'The course has no mentor to share with yet.');
      }
      // FOR UPDATE: two shares of the same item at once cannot both pass the duplicate check.
      const [item] = await tx.query<{ id: string }[]>(
        `SELECT id FROM case_item WHERE id = $1 AND municipality_id = $2 AND citizen_id = $3 FOR UPDATE`,
        [dto.itemId, caller.municipalityId, course.citizenId],
      );
      const errors = this.shareErrors(dto, course, today);
      if (!item) {
        errors.unshift(
          fieldError(
            'itemId',
            'share.item_not_on_case',
            "itemId must be a document or note of the course's citizen",
          ),
        );
      }
      if (errors.length) throw new ValidationProblem(errors);
      const day = '$4::date';
      const [active] = await tx.query<unknown[]>(
        `SELECT 1 FROM case_share s JOIN mentor_course co ON co.id = s.course_id
          WHERE s.municipality_id = $1 AND s.course_id = $2 AND s.item_id = $3 AND ${ACTIVE_SHARE(day)}`,
        [caller.municipalityId, courseId, dto.itemId, today],
      );
      if (active) {
        throw conflict('share.already_active', 'The item is already shared with the course’s mentor.');
      }
      const consent = dto.basis === ShareBasis.Consent;
      const [row] = await tx.query<{ id: string }[]>(
        `INSERT INTO case_share (municipality_id, course_id, mentor_id, item_id, basis, legal_basis, consent_given_on,
                                 consent_scope, expires_on, shared_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
        [
          caller.municipalityId,
          courseId,
          course.mentorId,
          dto.itemId,
          dto.basis,
          consent ? null : (dto.legalBasis ?? null),
          consent ? (dto.consentGivenOn ?? null) : null,
          consent ? (dto.consentScope ?? null) : null,
          dto.expiresOn ?? course.endsOn,
          caller.id,
        ],
      );
      if (!row) throw new Error('share insert returned no row');
      await this.audit.record(
        caller,
        {
          action: 'share.create',
          citizenId: course.citizenId,
          entityType: 'case_share',
          entityId: row.id,
          details: { itemId: dto.itemId, courseId, basis: dto.basis },
        },
        tx,
      );
      await this.notifications.add(tx, [
        {
          municipalityId: caller.municipalityId,
          userId: course.mentorId,
          kind: NotificationKind.ItemShared,
          courseId,
          reportId: null,
          payload: {},
          key: `${NotificationKind.ItemShared}:${row.id}`,
        },
      ]);
      return row.id;
    });
    return this.oneForCaseworker(caller, id);
  }

  /** Ends a share at once. 404 outside the caseload; 409 when it is already revoked. */
  async revoke(caller: AuthenticatedUser, shareId: string): Promise<CaseShare> {
    await this.db.transaction(async (tx) => {
      const p = new SqlParams();
      const [share] = await tx.query<{ revoked: boolean; citizenId: string }[]>(
        `SELECT s.revoked_at IS NOT NULL AS revoked, ci.id AS "citizenId"
           FROM case_share s
           JOIN mentor_course co ON co.id = s.course_id AND co.municipality_id = s.municipality_id
           JOIN mentor_grant g ON g.id = co.grant_id AND g.municipality_id = co.municipality_id
           JOIN citizen ci ON ci.id = g.citizen_id AND ci.municipality_id = g.municipality_id
          WHERE s.id = ${p.add(shareId)} AND ${caseload(p, 'ci', caller)}
            FOR UPDATE OF s`,
        p.values,
      );
      if (!share) throw new NotFoundProblem('share');
      if (share.revoked) throw conflict('share.already_revoked', 'The share has already been revoked.');
      await tx.query(
        `UPDATE case_share SET revoked_at = now(), revoked_by = $2, updated_at = now() WHERE id = $1`,
        [shareId, caller.id],
      );
      await this.audit.record(
        caller,
        { action: 'share.revoke', citizenId: share.citizenId, entityType: 'case_share', entityId: shareId },
        tx,
      );
    });
    return this.oneForCaseworker(caller, shareId);
  }

  // The mentor's side.

  /** The active shares of the mentor's own course, newest first; audit-logged. 404 for another's course. */
  async listForMentor(caller: AuthenticatedUser, courseId: string): Promise<SharedItem[]> {
    const p = new SqlParams();
    const select = sharedItemSelect(p, caller, todayInDenmark(), { courseId });
    const audit = { action: 'share.list', entityType: 'course', entityId: courseId };
    const rows = await this.readAudit.read<SharedItemRow>(caller, audit, () =>
      this.db.query(`SELECT * FROM (${select}) page ${SHARED_ITEM_ORDER}`, p.values),
    );
    if (rows.length === 0) throw new NotFoundProblem('course');
    return rows.filter((row) => row.shareId !== null).map(toSharedItem);
  }

  /** One active share of the mentor's, with a note's text; audit-logged. 404 otherwise. */
  async read(caller: AuthenticatedUser, shareId: string): Promise<SharedItem> {
    return toSharedItem(await this.loadForMentor(caller, shareId, 'share.read'));
  }

  /** The file of one active shared document of the mentor's; audit-logged. 404 otherwise (also for a note). */
  async sendFile(caller: AuthenticatedUser, shareId: string, reply: FastifyReply): Promise<void> {
    const row = await this.loadForMentor(caller, shareId, 'share.download');
    if (!row.storedFileId) throw new NotFoundProblem('share');
    const file = await this.db.manager.findOneByOrFail(StoredFile, {
      id: row.storedFileId,
      municipalityId: caller.municipalityId,
    });
    await this.files.send(reply, file);
  }

  private async loadForMentor(
    caller: AuthenticatedUser,
    shareId: string,
    action: string,
  ): Promise<SharedItemRow> {
    const p = new SqlParams();
    const select = sharedItemSelect(p, caller, todayInDenmark(), { shareId });
    const audit = { action, entityType: 'case_share', entityId: shareId };
    const [row] = await this.readAudit.read<SharedItemRow>(caller, audit, () =>
      this.db.query(select, p.values),
    );
    if (!row?.shareId) throw new NotFoundProblem('share');
    return row;
  }

  /** The basis fields the share's basis needs (and no others), and its dates. */
  private shareErrors(dto: CreateShareDto, course: CourseForShare, today: string): FieldError[] {
    const errors: FieldError[] = [];
    const consent = dto.basis === ShareBasis.Consent;
    if (consent) {
      if (!dto.consentGivenOn)
        errors.push(
          fieldError(
            'consentGivenOn',
            'share.consent_date_required',
            'consentGivenOn is required for consent',
          ),
        );
      else if (dto.consentGivenOn > today)
        errors.push(
          fieldError('consentGivenOn', 'share.consent_in_future', 'consentGivenOn must not be in the future'),
        );
      if (!dto.consentScope)
        errors.push(
          fieldError('consentScope', 'share.consent_scope_required', 'consentScope is required for consent'),
        );
      if (dto.legalBasis)
        errors.push(
          fieldError('legalBasis', 'share.not_for_basis', 'legalBasis is for the basis legal_basis only'),
        );
    } else {
      if (!dto.legalBasis)
        errors.push(
          fieldError('legalBasis', 'share.legal_basis_required', 'legalBasis is required for legal_basis'),
        );
      for (const field of ['consentGivenOn', 'consentScope'] as const) {
        if (dto[field])
          errors.push(fieldError(field, 'share.not_for_basis', `${field} is for the basis consent only`));
      }
    }
    const expiresOn = dto.expiresOn ?? course.endsOn;
    if (expiresOn > course.endsOn)
      errors.push(
        fieldError(
          'expiresOn',
          'share.expires_after_course',
          `expiresOn must not be after the course's end, ${course.endsOn}`,
        ),
      );
    else if (expiresOn < today)
      errors.push(fieldError('expiresOn', 'share.expires_in_past', 'expiresOn must not be in the past'));
    return errors;
  }

  private async oneForCaseworker(caller: AuthenticatedUser, shareId: string): Promise<CaseShare> {
    const p = new SqlParams();
    const [row] = await this.db.query<ShareRow[]>(
      shareSelect(p, caller, todayInDenmark(), { shareId }),
      p.values,
    );
    if (!row?.id) throw new NotFoundProblem('share');
    return toCaseShare(row);
  }
}
