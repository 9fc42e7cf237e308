import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isRole, SESSION_IDLE_MINUTES, SESSION_MAX_HOURS } from '@mentor/domain';
import { createHash, randomBytes } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '../config/app-config';
import type { AuthenticatedUser } from './authenticated-user';
import { queryPrepared } from '../database/prepared';
import { SESSION_REVOKED_CHANNEL, SessionRevocationListener } from './session-revocations';

// Writing last_seen_at on every request would double the queries; a minute's precision is plenty.
const TOUCH_AFTER_MS = 60_000;
// Live sessions are cached for AppConfig.SESSION_CACHE_MS, so most requests need no session query.
const CACHE_MAX_ENTRIES = 10_000;
// How long ending a user's sessions waits for its own notification to come back, so the others'
// (sent by PostgreSQL at the same moment) have arrived before the change is answered.
const ECHO_WAIT_MS = 1_000;

interface CachedSession {
  user: AuthenticatedUser;
  until: number;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

interface SessionRow {
  session_id: string;
  last_seen_at: Date;
  id: string;
  role: string;
  organisation_id: string;
  municipality_id: string;
  name: string;
}

/**
 * Server-side sessions: opaque random tokens, 30 minutes idle and 12 hours at most, revocable.
 *
 * Live sessions are cached per instance for SESSION_CACHE_MS, and only while the instance LISTENs
 * for revocations: ending sessions (sign-out, a user disabled, a password set) NOTIFYs every
 * instance on commit, and each drops that user's cached sessions at once. While the listening
 * connection is down nothing is cached, so a revocation can never be missed.
 */
@Injectable()
export class SessionService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Sessions');
  private readonly cache = new Map<string, CachedSession>();
  private readonly listener?: SessionRevocationListener;
  private listening = false;
  /**
   * Counts revocations seen, so a lookup that was under way when its user's sessions were revoked
   * does not put the session (read before the revocation) into the cache.
   */
  private revocations = 0;
  private everythingRevokedAt = 0;
  private readonly revokedAt = new Map<string, number>();
  private readonly echoes = new Map<string, Set<() => void>>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {
    // The app's data source is always configured by URL (see database/data-source.ts).
    const url = (db.options as { url?: string }).url;
    // With the cache off every request reads the session, so there is nothing to revoke.
    if (config.SESSION_CACHE_MS > 0 && url) {
      this.listener = new SessionRevocationListener(SessionRevocationListener.pgClient(url), {
        revoked: (userId) => this.forget(userId),
        listening: (listening) => {
          this.listening = listening;
          if (!listening) this.logger.warn('Lost the session revocation channel; not caching sessions.');
          this.forgetEveryone();
        },
      });
    }
  }

  /** Waits for the first connection attempt, so caching starts with the first request. */
  async onApplicationBootstrap(): Promise<void> {
    await this.listener?.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.listener?.stop();
  }

  async create(userId: string, municipalityId: string): Promise<{ token: string; expiresAt: Date }> {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + SESSION_MAX_HOURS * 3600_000);
    await this.db.query(
      `INSERT INTO session (token_hash, user_id, municipality_id, last_seen_at, expires_at)
       VALUES ($1, $2, $3, now(), $4)`,
      [hashToken(token), userId, municipalityId, expiresAt],
    );
    return { token, expiresAt };
  }

  /** The user of a live session, or undefined when the token is unknown, ended, idle or expired. */
  async authenticate(token: string): Promise<AuthenticatedUser | undefined> {
    if (token.length > 200) return undefined;
    const tokenHash = hashToken(token);
    const cached = this.cache.get(tokenHash);
    if (cached && cached.until > Date.now()) return cached.user;
    this.cache.delete(tokenHash);
    const before = this.revocations;
    const user = await this.lookup(tokenHash);
    if (user && this.mayCache(user.id, before)) {
      // Map keeps insertion order: the first key is the oldest entry.
      const oldest = this.cache.keys().next();
      if (this.cache.size >= CACHE_MAX_ENTRIES && !oldest.done) this.cache.delete(oldest.value);
      this.cache.set(tokenHash, { user, until: Date.now() + this.config.SESSION_CACHE_MS });
    }
    return user;
  }

  /** Caching is on, revocations are heard, and none for this user came while the session was read. */
  private mayCache(userId: string, revocationsBefore: number): boolean {
    return (
      this.config.SESSION_CACHE_MS > 0 &&
      this.listening &&
      this.everythingRevokedAt <= revocationsBefore &&
      (this.revokedAt.get(userId) ?? 0) <= revocationsBefore
    );
  }

  private async lookup(tokenHash: string): Promise<AuthenticatedUser | undefined> {
    const rows = await queryPrepared<SessionRow>(
      this.db,
      `SELECT s.id AS session_id, s.last_seen_at, u.id, u.role, u.organisation_id, u.municipality_id, u.name
         FROM session s JOIN app_user u ON u.id = s.user_id
        WHERE s.token_hash = $1 AND s.ended_at IS NULL AND s.expires_at > now()
          AND s.last_seen_at > now() - make_interval(mins => $2) AND u.active`,
      [tokenHash, SESSION_IDLE_MINUTES],
    );
    const row = rows[0];
    if (!row || !isRole(row.role)) return undefined;
    if (Date.now() - new Date(row.last_seen_at).getTime() > TOUCH_AFTER_MS) {
      await this.db.query('UPDATE session SET last_seen_at = now() WHERE id = $1', [row.session_id]);
    }
    return {
      sessionId: row.session_id,
      id: row.id,
      role: row.role,
      organisationId: row.organisation_id,
      municipalityId: row.municipality_id,
      name: row.name,
    };
  }

  /** Ends the caller's own session (sign-out): at once here, and on the other instances by notification. */
  async end(user: Pick<AuthenticatedUser, 'id' | 'sessionId' | 'municipalityId'>): Promise<void> {
    for (const [key, entry] of this.cache)
      if (entry.user.sessionId === user.sessionId) this.cache.delete(key);
    await this.db.query(
      `WITH ended AS (
         UPDATE session SET ended_at = now()
          WHERE id = $1 AND municipality_id = $2 AND ended_at IS NULL
          RETURNING user_id)
       SELECT pg_notify($3, user_id::text) FROM ended`,
      [user.sessionId, user.municipalityId, SESSION_REVOKED_CHANNEL],
    );
  }

  /**
   * Ends every live session of a user, in one transaction with `change` (disabling the user, a new
   * password), and makes every instance forget them: PostgreSQL delivers the notification on commit
   * only. Answers how many sessions ended. Ended sessions stay ended, whatever happens to the user.
   */
  async endAllOfUser(
    municipalityId: string,
    userId: string,
    change?: (tx: EntityManager) => Promise<void>,
  ): Promise<number> {
    const echo = this.listening ? this.awaitEcho(userId) : undefined;
    try {
      const ended = await this.db.transaction(async (tx) => {
        await change?.(tx);
        // TypeORM answers an UPDATE on PostgreSQL with [rows, count].
        const [, count] = (await tx.query(
          `UPDATE session SET ended_at = now()
            WHERE municipality_id = $1 AND user_id = $2 AND ended_at IS NULL`,
          [municipalityId, userId],
        )) as [unknown[], number];
        await tx.query('SELECT pg_notify($1, $2)', [SESSION_REVOKED_CHANNEL, userId]);
        return count;
      });
      await echo?.promise;
      return ended;
    } finally {
      echo?.cancel();
      // Here too: the notification may not come back (the channel down), and this instance must not wait for it.
      this.forget(userId);
    }
  }

  /** Resolves when this instance hears its own notification for the user, or after ECHO_WAIT_MS. */
  private awaitEcho(userId: string): { promise: Promise<void>; cancel: () => void } {
    let done!: () => void;
    const promise = new Promise<void>((resolve) => (done = resolve));
    const timer = setTimeout(done, ECHO_WAIT_MS);
    timer.unref();
    const waiters = this.echoes.get(userId) ?? new Set<() => void>();
    this.echoes.set(userId, waiters.add(done));
    const cancel = () => {
      clearTimeout(timer);
      waiters.delete(done);
      if (waiters.size === 0 && this.echoes.get(userId) === waiters) this.echoes.delete(userId);
      done();
    };
    return { promise, cancel };
  }

  /** Drops the user's cached sessions, and keeps a lookup under way from caching one. */
  private forget(userId: string): void {
    this.revokedAt.delete(userId);
    this.revokedAt.set(userId, ++this.revocations);
    const oldest = this.revokedAt.keys().next();
    if (this.revokedAt.size > CACHE_MAX_ENTRIES && !oldest.done) this.revokedAt.delete(oldest.value);
    for (const [key, entry] of this.cache) if (entry.user.id === userId) this.cache.delete(key);
    for (const done of this.echoes.get(userId) ?? []) done();
  }

  private forgetEveryone(): void {
    this.everythingRevokedAt = ++this.revocations;
    this.cache.clear();
  }
}
