import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isRole, SESSION_IDLE_MINUTES, SESSION_MAX_HOURS } from '@mentor/domain';
import { createHash, randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import type { AuthenticatedUser } from './authenticated-user';
import { queryPrepared } from '../database/prepared';

// Writing last_seen_at on every request would double the queries; a minute's precision is plenty.
const TOUCH_AFTER_MS = 60_000;
// Live sessions are cached for AppConfig.SESSION_CACHE_MS, so most requests need no session query.
const CACHE_MAX_ENTRIES = 10_000;

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

/** Server-side sessions: opaque random tokens, 30 minutes idle and 12 hours at most, revocable. */
@Injectable()
export class SessionService {
  private readonly cache = new Map<string, CachedSession>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

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
    const user = await this.lookup(tokenHash);
    if (user && this.config.SESSION_CACHE_MS > 0) {
      // Map keeps insertion order: the first key is the oldest entry.
      const oldest = this.cache.keys().next();
      if (this.cache.size >= CACHE_MAX_ENTRIES && !oldest.done) this.cache.delete(oldest.value);
      this.cache.set(tokenHash, { user, until: Date.now() + this.config.SESSION_CACHE_MS });
    }
    return user;
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

  async end(sessionId: string): Promise<void> {
    for (const [key, entry] of this.cache) if (entry.user.sessionId === sessionId) this.cache.delete(key);
    await this.db.query('UPDATE session SET ended_at = now() WHERE id = $1 AND ended_at IS NULL', [
      sessionId,
    ]);
  }
}
