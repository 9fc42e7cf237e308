import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** Failed sign-ins per normalised username, for slowing down and blocking guessing. */
@Entity({ name: 'login_attempt' })
export class LoginAttempt {
  @PrimaryColumn({
    name: 'username_key',
    type: 'varchar',
    length: 100,
    primaryKeyConstraintName: 'pk_login_attempt',
  })
  usernameKey: string;

  @Column({ type: 'integer', default: 0 })
  failures: number;

  @Column({ name: 'first_failure_at', type: 'timestamptz' })
  firstFailureAt: Date;

  @Column({ name: 'blocked_until', type: 'timestamptz', nullable: true })
  blockedUntil: Date | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
