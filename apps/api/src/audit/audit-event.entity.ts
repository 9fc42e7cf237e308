import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Who did what to which citizen's data, and when. Append-only: a trigger in the migration refuses
 * UPDATE and DELETE. Details hold search criteria or the fields changed, never CPR numbers.
 */
@Entity({ name: 'audit_event' })
@Index('ix_audit_event_citizen', ['municipalityId', 'citizenId', 'at'])
export class AuditEvent {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_audit_event' })
  id: string;

  @Column({ name: 'municipality_id', type: 'uuid' })
  municipalityId: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  at: Date;

  /** E.g. `citizen.read`, `citizen.search`, `citizen.cpr_reveal`, `contact.create`. */
  @Column({ type: 'varchar', length: 60 })
  action: string;

  @Column({ name: 'citizen_id', type: 'uuid', nullable: true })
  citizenId: string | null;

  @Column({ name: 'entity_type', type: 'varchar', length: 40, nullable: true })
  entityType: string | null;

  @Column({ name: 'entity_id', type: 'uuid', nullable: true })
  entityId: string | null;

  @Column({ type: 'jsonb', nullable: true })
  details: object | null;

  @Column({ name: 'request_id', type: 'varchar', length: 128, nullable: true })
  requestId: string | null;
}
