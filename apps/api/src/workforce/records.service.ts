import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  CERTIFICATION_BASES,
  type CertificationBasis,
  type CertificationInput,
  type CertificationRecord,
  type RuleViolation,
  type SupervisionInput,
  type SupervisionRecord,
  type TrainingInput,
  type TrainingRecord,
  type UpskillingOffer,
  type UpskillingOfferInput,
  validateCertification,
  validateSupervision,
  validateTraining,
  validateUpskillingOffer,
} from '@mentor/domain';
import type { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { todayInDenmark } from '../common/clock';
import { ProblemException } from '../common/problem';
import { NotFoundProblem, updateWithVersion } from '../common/versioned-update';
import { MentorCertification } from './mentor-certification.entity';
import { MentorSupervision } from './mentor-supervision.entity';
import { MentorTraining } from './mentor-training.entity';
import { MentorUpskilling } from './mentor-upskilling.entity';
import { violationProblem } from './mentors.service';
import { isUniqueViolation, mentorInScope } from './workforce-scope';

/** How one kind of record is checked, stored and shown. */
interface RecordKind<I, V, E extends ObjectLiteral> {
  /** The name in problem codes (`training.not_found`) and audit actions. */
  what: string;
  table: string;
  entity: EntityTarget<E>;
  validate(input: Partial<I>, today: string): RuleViolation[];
  /** The entity columns of a validated input (absent optional fields stored as null). */
  columns(input: Partial<I>, caller: AuthenticatedUser): Partial<E>;
  view(entity: E, certifierName?: string): V;
  /** The natural key, where the table has one: a second record on it is a 409 naming the field. */
  unique?: { constraint: string; field: string; message: string };
}

const omit = <T extends object>(object: T, key: string): Partial<T> =>
  Object.fromEntries(Object.entries(object).filter(([k]) => k !== key)) as Partial<T>;
const nullable = <T>(value: T | undefined): T | null => (value === undefined ? null : value);
const text = (value: string | null | undefined) => (value?.trim() ? value.trim() : null);

export const TRAINING: RecordKind<TrainingInput, TrainingRecord, MentorTraining> = {
  what: 'training',
  table: 'mentor_training',
  entity: MentorTraining,
  validate: validateTraining,
  columns: (input) => ({
    kind: input.kind,
    provider: text(input.provider),
    lengthDays: nullable(input.lengthDays),
    completedOn: nullable(input.completedOn),
    feltWellEquipped: nullable(input.feltWellEquipped),
  }),
  view: (e) => ({
    id: e.id,
    mentorId: e.mentorId,
    kind: e.kind,
    provider: e.provider,
    lengthDays: e.lengthDays,
    completedOn: e.completedOn,
    feltWellEquipped: e.feltWellEquipped,
    version: e.version,
  }),
};

export const CERTIFICATION: RecordKind<CertificationInput, CertificationRecord, MentorCertification> = {
  what: 'certification',
  table: 'mentor_certification',
  entity: MentorCertification,
  validate: validateCertification,
  columns: (input, caller) => ({
    certifiedOn: input.certifiedOn,
    renewalDueOn: nullable(input.renewalDueOn),
    basis: CERTIFICATION_BASES.filter((b) => input.basis?.includes(b)) as CertificationBasis[],
    note: text(input.note),
    certifiedBy: caller.id,
  }),
  view: (e, certifierName) => ({
    id: e.id,
    mentorId: e.mentorId,
    certifiedOn: e.certifiedOn,
    renewalDueOn: e.renewalDueOn,
    basis: e.basis,
    note: e.note,
    certifiedById: e.certifiedBy,
    certifiedByName: certifierName ?? '',
    version: e.version,
  }),
  unique: {
    constraint: 'uq_mentor_certification_date',
    field: 'certifiedOn',
    message: 'the mentor already has a certification of this date',
  },
};

export const UPSKILLING: RecordKind<UpskillingOfferInput, UpskillingOffer, MentorUpskilling> = {
  what: 'upskilling',
  table: 'mentor_upskilling',
  entity: MentorUpskilling,
  validate: validateUpskillingOffer,
  columns: (input) => ({ topic: input.topic, offeredOn: input.offeredOn, taken: input.taken }),
  view: (e) => ({
    id: e.id,
    mentorId: e.mentorId,
    topic: e.topic,
    offeredOn: e.offeredOn,
    taken: e.taken,
    version: e.version,
  }),
  unique: {
    constraint: 'uq_mentor_upskilling_offer',
    field: 'offeredOn',
    message: 'the mentor was already offered this topic on this date',
  },
};

export const SUPERVISION: RecordKind<SupervisionInput, SupervisionRecord, MentorSupervision> = {
  what: 'supervision',
  table: 'mentor_supervision',
  entity: MentorSupervision,
  validate: validateSupervision,
  columns: (input) => ({ kind: input.kind, heldOn: input.heldOn, note: text(input.note) }),
  view: (e) => ({
    id: e.id,
    mentorId: e.mentorId,
    kind: e.kind,
    heldOn: e.heldOn,
    note: e.note,
    version: e.version,
  }),
  unique: {
    constraint: 'uq_mentor_supervision_session',
    field: 'heldOn',
    message: 'the mentor already has a session of this kind on this date',
  },
};

/**
 * Training, certification, upskilling and supervision records of a mentor the team leader keeps:
 * created, changed under the version read, deleted; each change audit-logged.
 */
@Injectable()
export class RecordsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async create<I, V, E extends ObjectLiteral>(
    kind: RecordKind<I, V, E>,
    caller: AuthenticatedUser,
    mentorId: string,
    input: Partial<I>,
  ): Promise<V> {
    this.check(kind, input);
    const id = await this.db.transaction(async (tx) => {
      await mentorInScope(tx, caller, mentorId);
      const saved = await this.guard(kind, () =>
        tx.getRepository(kind.entity).save({
          ...kind.columns(input, caller),
          municipalityId: caller.municipalityId,
          mentorId,
        } as unknown as E),
      );
      await this.audit.record(
        caller,
        { action: `workforce.${kind.what}_create`, entityType: kind.table, entityId: saved['id'] as string },
        tx,
      );
      return saved['id'] as string;
    });
    return this.read(kind, caller, id);
  }

  async update<I, V, E extends ObjectLiteral>(
    kind: RecordKind<I, V, E>,
    caller: AuthenticatedUser,
    id: string,
    input: Partial<I>,
    version: number,
  ): Promise<V> {
    this.check(kind, input);
    await this.db.transaction(async (tx) => {
      await this.findInScope(kind, tx, caller, id);
      await this.guard(kind, () =>
        updateWithVersion(
          tx,
          kind.entity,
          kind.what,
          { id, municipalityId: caller.municipalityId },
          version,
          // Who certified stays who certified.
          omit(kind.columns(input, caller), 'certifiedBy') as Partial<E>,
        ),
      );
      await this.audit.record(
        caller,
        { action: `workforce.${kind.what}_change`, entityType: kind.table, entityId: id },
        tx,
      );
    });
    return this.read(kind, caller, id);
  }

  async remove<I, V, E extends ObjectLiteral>(
    kind: RecordKind<I, V, E>,
    caller: AuthenticatedUser,
    id: string,
    version: number,
  ): Promise<void> {
    await this.db.transaction(async (tx) => {
      const entity = await this.findInScope(kind, tx, caller, id);
      if (entity['version'] !== version) {
        throw new ProblemException({
          status: 409,
          code: `${kind.what}.stale_version`,
          detail: `Someone else changed this ${kind.what} after you loaded it (now version ${entity['version']}).`,
        });
      }
      await tx.query(`DELETE FROM ${kind.table} WHERE id = $1 AND municipality_id = $2`, [
        id,
        caller.municipalityId,
      ]);
      await this.audit.record(
        caller,
        { action: `workforce.${kind.what}_delete`, entityType: kind.table, entityId: id },
        tx,
      );
    });
  }

  private check<I>(kind: RecordKind<I, unknown, ObjectLiteral>, input: Partial<I>) {
    const violations = kind.validate(input, todayInDenmark());
    if (violations.length) throw violationProblem(violations);
  }

  private async guard<T>(
    kind: RecordKind<unknown, unknown, ObjectLiteral>,
    write: () => Promise<T>,
  ): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if (kind.unique && isUniqueViolation(error, kind.unique.constraint)) {
        const code = `${kind.what}.duplicate`;
        throw new ProblemException({
          status: 409,
          code,
          detail: `${kind.unique.message[0]?.toUpperCase()}${kind.unique.message.slice(1)}.`,
          errors: [{ field: kind.unique.field, messages: [kind.unique.message], codes: [code] }],
        });
      }
      throw error;
    }
  }

  /** The record, if it belongs to a mentor the caller may keep; else 404. */
  private async findInScope<E extends ObjectLiteral>(
    kind: RecordKind<unknown, unknown, E>,
    tx: EntityManager,
    caller: AuthenticatedUser,
    id: string,
  ): Promise<E> {
    const entity = await tx
      .getRepository(kind.entity)
      .findOneBy({ id, municipalityId: caller.municipalityId } as never);
    if (!entity) throw new NotFoundProblem(kind.what);
    await mentorInScope(tx, caller, entity['mentorId'] as string).catch(() => {
      throw new NotFoundProblem(kind.what);
    });
    return entity;
  }

  private async read<I, V, E extends ObjectLiteral>(
    kind: RecordKind<I, V, E>,
    caller: AuthenticatedUser,
    id: string,
  ): Promise<V> {
    const entity = await this.db
      .getRepository(kind.entity)
      .findOneBy({ id, municipalityId: caller.municipalityId } as never);
    if (!entity) throw new NotFoundProblem(kind.what);
    const certifier = entity['certifiedBy']
      ? await this.db.query<{ name: string }[]>('SELECT name FROM app_user WHERE id = $1', [
          entity['certifiedBy'],
        ])
      : [];
    return kind.view(entity, certifier[0]?.name);
  }
}
