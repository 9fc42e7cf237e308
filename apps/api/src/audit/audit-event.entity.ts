import type { Role } from '@mentor/domain';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryColumn,
  PrimaryGeneratedColumn,
} from 'typeorm';

/**
 * Who did what to which citizen's data, and when. Append-only: a trigger in the migration refuses
 * UPDATE and DELETE. Details hold search criteria or the fields changed, never CPR numbers.
 */
@Entity({ name: 'audit_event' })
// A GIN index on citizen_ids (made by the AuditCitizenIds migration; TypeORM cannot declare GIN):
// finds every read of one citizen's data for the citizen's right of access.
@Index('ix_audit_event_citizens', { synchronize: false })
@Check('ck_audit_event_actor_role', `"actor_role" IN ('mentor', 'caseworker', 'team_leader', 'admin')`)
export class AuditEvent {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_audit_event' })
  id: string;

  @PrimaryColumn({ name: 'municipality_id', type: 'uuid', primaryKeyConstraintName: 'pk_audit_event' })
  municipalityId: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  /**
   * The actor's role and organisation when it happened (a user can move later): the citizen's access
   * log names these, never the person.
   */
  @Column({ name: 'actor_role', type: 'varchar', length: 20 })
  actorRole: Role;

  @Column({ name: 'actor_organisation_id', type: 'uuid' })
  actorOrganisationId: string;

  /** Part of the key: the table is partitioned by month of `at` (migration AuditPartitions). */
  @CreateDateColumn({ type: 'timestamptz', primary: true, primaryKeyConstraintName: 'pk_audit_event' })
  at: Date;

  /** E.g. `citizen.read`, `citizen.search`, `citizen.cpr_reveal`, `contact.create`. */
  @Column({ type: 'varchar', length: 60 })
  action: string;

  /**
   * The citizens whose data the event read or changed: one for a single read or change, every
   * listed citizen for a list or search (one record per request keeps busy lists cheap to audit).
   */
  @Column({ name: 'citizen_ids', type: 'uuid', array: true, default: () => "'{}'" })
  citizenIds: string[];

  @Column({ name: 'entity_type', type: 'varchar', length: 40, nullable: true })
  entityType: string | null;

  @Column({ name: 'entity_id', type: 'uuid', nullable: true })
  entityId: string | null;

  @Column({ type: 'jsonb', nullable: true })
  details: object | null;

  @Column({ name: 'request_id', type: 'varchar', length: 128, nullable: true })
  requestId: string | null;
}
