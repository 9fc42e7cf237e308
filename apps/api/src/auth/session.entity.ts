import {
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryColumn,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Municipality } from '../organisations/municipality.entity';
import { User } from '../users/user.entity';

/** A signed-in session. Only a SHA-256 hash of the token is stored, so a dump cannot sign anyone in. */
@Entity({ name: 'session' })
@ForeignKey(() => User, ['user_id', 'municipality_id'], ['id', 'municipality_id'], {
  name: 'fk_session_user',
  onDelete: 'CASCADE',
})
@ForeignKey(() => Municipality, ['municipality_id'], ['id'], {
  name: 'fk_session_municipality',
  onDelete: 'CASCADE',
})
// Looked up by token alone (the municipality is what the session tells); municipality_id is in the
// key only so a database sharded by municipality can enforce it.
@Index('uq_session_token_hash', ['tokenHash', 'municipalityId'], { unique: true })
export class Session {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_session' })
  id: string;

  @Column({ name: 'token_hash', type: 'char', length: 64 })
  tokenHash: string;

  @Index('ix_session_user')
  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @PrimaryColumn({ name: 'municipality_id', type: 'uuid', primaryKeyConstraintName: 'pk_session' })
  municipalityId: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'last_seen_at', type: 'timestamptz' })
  lastSeenAt: Date;

  /** The absolute end (12 hours after sign-in); idle expiry is checked against last_seen_at. */
  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true })
  endedAt: Date | null;
}
