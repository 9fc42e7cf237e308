import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Municipality } from '../organisations/municipality.entity';
import { User } from '../users/user.entity';

/** A signed-in session. Only a SHA-256 hash of the token is stored, so a dump cannot sign anyone in. */
@Entity({ name: 'session' })
export class Session {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_session' })
  id: string;

  @Index('uq_session_token_hash', { unique: true })
  @Column({ name: 'token_hash', type: 'char', length: 64 })
  tokenHash: string;

  @Index('ix_session_user')
  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_session_user' })
  user?: User;

  @Column({ name: 'municipality_id', type: 'uuid' })
  municipalityId: string;

  @ManyToOne(() => Municipality, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'municipality_id', foreignKeyConstraintName: 'fk_session_municipality' })
  municipality?: Municipality;

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
