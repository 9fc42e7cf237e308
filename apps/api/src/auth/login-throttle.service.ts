import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';

export interface ThrottleState {
  /** Seconds until sign-in is allowed again; 0 when not blocked. */
  blockedForSeconds: number;
  /** Delay to add before answering, to slow guessing. */
  delayMs: number;
}

// Failures older than this no longer count.
const WINDOW_MINUTES = 15;

/** Counts failed sign-ins per username in the database, so all app instances share the count. */
@Injectable()
export class LoginThrottleService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  static key(username: string): string {
    return username.trim().toLowerCase().slice(0, 100);
  }

  async state(key: string): Promise<ThrottleState> {
    const rows: { failures: number; blocked_seconds: number | null }[] = await this.db.query(
      `SELECT failures, ceil(extract(epoch FROM blocked_until - now()))::int AS blocked_seconds
         FROM login_attempt WHERE username_key = $1 AND first_failure_at > now() - make_interval(mins => $2)`,
      [key, WINDOW_MINUTES],
    );
    const row = rows[0];
    if (!row) return { blockedForSeconds: 0, delayMs: 0 };
    return {
      blockedForSeconds: Math.max(0, row.blocked_seconds ?? 0),
      delayMs: this.delayFor(row.failures),
    };
  }

  /** Records a failure; returns the seconds of a block it started, or 0. */
  async recordFailure(key: string): Promise<number> {
    const rows: { failures: number }[] = await this.db.query(
      `INSERT INTO login_attempt AS a (username_key, failures, first_failure_at)
       VALUES ($1, 1, now())
       ON CONFLICT (username_key) DO UPDATE SET
         failures = CASE WHEN a.first_failure_at <= now() - make_interval(mins => $2) THEN 1 ELSE a.failures + 1 END,
         first_failure_at = CASE WHEN a.first_failure_at <= now() - make_interval(mins => $2) THEN now() ELSE a.first_failure_at END,
         updated_at = now()
       RETURNING failures`,
      [key, WINDOW_MINUTES],
    );
    const failures = rows[0]?.failures ?? 1;
    if (failures < this.config.LOGIN_MAX_FAILURES) return 0;
    const seconds = this.config.LOGIN_BLOCK_MINUTES * 60;
    // The block outlives the counting window, so the window restarts when the block ends.
    await this.db.query(
      `UPDATE login_attempt SET blocked_until = now() + make_interval(secs => $2),
              first_failure_at = now() + make_interval(secs => $2) - make_interval(mins => $3) + interval '1 second'
        WHERE username_key = $1`,
      [key, seconds, WINDOW_MINUTES],
    );
    return seconds;
  }

  async reset(key: string): Promise<void> {
    await this.db.query('DELETE FROM login_attempt WHERE username_key = $1', [key]);
  }

  private delayFor(failures: number): number {
    const over = failures - this.config.LOGIN_SLOWDOWN_AFTER + 1;
    return over > 0 ? Math.min(over * this.config.LOGIN_SLOWDOWN_MS, 5000) : 0;
  }
}
